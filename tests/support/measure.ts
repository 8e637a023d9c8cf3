import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request, Response } from 'playwright-core';

/**
 * What a page costs a reader, measured in Chromium rather than guessed from files: every response the page
 * receives is recorded, its decoded body taken as the raw size and gzipped with node:zlib at level 9 as the
 * gzip size (the static server sends bodies uncompressed, so the sizes do not depend on a host's settings).
 * The benchmark (tests/bench/run.ts) and the budget tests (tests/e2e/budgets.test.ts) both use this.
 */

/** What kind of file a response is. */
export type ResourceType = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
export const RESOURCE_TYPES: readonly ResourceType[] = ['html', 'css', 'js', 'font', 'image', 'other'];

/** A byte count before and after compression. */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** When a response arrived: during the page load (no interaction), or while the page was scrolled through. */
export type Phase = 'load' | 'scroll';

/** One response the page received. */
export interface LoadedResource {
  url: string;
  type: ResourceType;
  status: number;
  phase: Phase;
  raw: number;
  gzip: number;
  /** Set on a favicon the headless browser did not request by itself and that was fetched for the count. */
  fetchedForCount?: true;
}

/** Everything a page loaded, summed by type. */
export interface PageMeasurement {
  url: string;
  /** Every response, in the order they arrived. */
  resources: LoadedResource[];
  /** Bytes per type, over every response (load and scroll). HTML includes its inline scripts and styles. */
  byType: Record<ResourceType, Bytes>;
  /** Every response the page loaded, load and scroll. */
  total: Bytes;
  /** Every response of the load phase: what the page weighs before the reader scrolls or clicks. */
  totalBeforeInteraction: Bytes;
  /** The inline <script> elements of the HTML, each gzipped on its own (already counted inside the HTML). */
  inlineJs: Bytes;
  /** JavaScript the page runs: script files plus inline scripts. */
  js: Bytes;
  /** JavaScript run before any interaction: script files of the load phase plus inline scripts. */
  jsBeforeInteraction: Bytes;
  /** Requests the page made, over both phases, and before any interaction. */
  requests: number;
  requestsBeforeInteraction: number;
  /** Preact islands on the page, and how many had hydrated when the measurement ended. */
  islands: { total: number; hydrated: number };
}

export interface MeasureOptions {
  /**
   * Scroll the page top to bottom after it loaded, so islands that hydrate when visible (client:visible) load
   * their code, and wait until every island hydrated. Default true.
   */
  scroll?: boolean;
  /** Viewport; default 412×823, the phone Lighthouse's mobile preset emulates. */
  viewport?: { width: number; height: number };
  /** Quiet time that counts as "the network is idle", in ms. Default 500. */
  quietMs?: number;
}

export const gzipSize = (body: Buffer | string): number => gzipSync(body, { level: 9 }).length;

const ZERO = (): Bytes => ({ raw: 0, gzip: 0 });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const sum = (items: readonly Bytes[]): Bytes => items.reduce(add, ZERO());

/** The kind of a response, from what the browser requested it as, then from its Content-Type. */
export function resourceType(request: Request, contentType: string): ResourceType {
  switch (request.resourceType()) {
    case 'document':
      return 'html';
    case 'stylesheet':
      return 'css';
    case 'script':
      return 'js';
    case 'font':
      return 'font';
    case 'image':
      return 'image';
  }
  if (/javascript|ecmascript/.test(contentType)) return 'js';
  if (contentType.includes('text/css')) return 'css';
  if (contentType.includes('text/html')) return 'html';
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('font/') || contentType.includes('font')) return 'font';
  return 'other';
}

/** Inline classic and module scripts in an HTML document (not JSON or other data blocks). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    if (match[2]!.trim() !== '') scripts.push(match[2]!);
  }
  return scripts;
}

/** Resolves when no request has been in flight for `quietMs` (or after `timeoutMs`, whichever is first). */
function networkTracker(page: Page) {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  page.on('request', (r) => {
    inFlight.add(r);
    lastChange = Date.now();
  });
  const done = (r: Request) => {
    inFlight.delete(r);
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async (quietMs: number, timeoutMs = 15_000) => {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      if (inFlight.size === 0 && Date.now() - lastChange >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

/**
 * Loads a page in a fresh browser context (empty cache) and records every response: first the load, with no
 * interaction, until the network has been idle for `quietMs`; then, unless `scroll: false`, while the page is
 * scrolled through to the bottom and until every island has hydrated and the network is idle again.
 * A favicon the page links to but headless Chromium does not request is fetched once and counted.
 */
export async function measurePage(
  browser: Browser,
  url: string,
  options: MeasureOptions = {},
): Promise<PageMeasurement> {
  const { scroll = true, viewport = { width: 412, height: 823 }, quietMs = 500 } = options;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const idle = networkTracker(page);
    let phase: Phase = 'load';
    let requests = 0;
    let requestsBeforeInteraction = 0;
    page.on('request', () => {
      requests++;
      if (phase === 'load') requestsBeforeInteraction++;
    });
    const pending: Promise<LoadedResource | undefined>[] = [];
    let documentHtml = '';
    page.on('response', (response: Response) => {
      const at = phase;
      pending.push(
        (async () => {
          const status = response.status();
          if (status >= 300 && status < 400) return undefined;
          const body = await response.body().catch(() => undefined);
          if (!body) return undefined;
          const request = response.request();
          const type = resourceType(request, (await response.headerValue('content-type')) ?? '');
          if (type === 'html' && request.frame() === page.mainFrame() && request.isNavigationRequest())
            documentHtml = body.toString('utf8');
          return { url: response.url(), type, status, phase: at, raw: body.length, gzip: gzipSize(body) };
        })(),
      );
    });

    await page.goto(url, { waitUntil: 'load' });
    await idle(quietMs);

    // Favicons: headless Chromium may not fetch them, but every real visit does.
    const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
    const favicons: LoadedResource[] = [];
    for (const icon of icons) {
      if (pending.length > 0 && (await Promise.all(pending)).some((r) => r?.url === icon)) continue;
      const response = await context.request.get(icon);
      const body = await response.body();
      requests++;
      requestsBeforeInteraction++;
      favicons.push({
        url: icon,
        type: 'image',
        status: response.status(),
        phase: 'load',
        raw: body.length,
        gzip: gzipSize(body),
        fetchedForCount: true,
      });
    }

    if (scroll) {
      phase = 'scroll';
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y <= height; y += Math.floor(viewport.height * 0.75)) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(60);
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      // An island hydrates when Astro removes its ssr attribute.
      await page
        .waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, {
          timeout: 15_000,
        })
        .catch(() => {});
      await idle(quietMs);
    }

    const islands = await page.evaluate(() => ({
      total: document.querySelectorAll('astro-island').length,
      hydrated: document.querySelectorAll('astro-island:not([ssr])').length,
    }));
    const resources = [
      ...(await Promise.all(pending)).filter((r): r is LoadedResource => r !== undefined),
      ...favicons,
    ];
    const byType = Object.fromEntries(
      RESOURCE_TYPES.map((t) => [t, sum(resources.filter((r) => r.type === t))]),
    ) as Record<ResourceType, Bytes>;
    const inlineJs = sum(inlineScripts(documentHtml).map((s) => ({ raw: Buffer.byteLength(s), gzip: gzipSize(s) })));
    const jsFilesAtLoad = sum(resources.filter((r) => r.type === 'js' && r.phase === 'load'));
    return {
      url,
      resources,
      byType,
      total: sum(resources),
      totalBeforeInteraction: sum(resources.filter((r) => r.phase === 'load')),
      inlineJs,
      js: add(byType.js, inlineJs),
      jsBeforeInteraction: add(jsFilesAtLoad, inlineJs),
      requests,
      requestsBeforeInteraction,
      islands,
    };
  } finally {
    await context.close();
  }
}

/** Every page of a build, as paths relative to the site root ("" is the home page, "404.html" the not-found page). */
export function builtPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== '_astro' && entry.name !== 'pagefind') walk(path);
      else if (entry.name === 'index.html')
        pages.push(relative(dir, folder).split('\\').join('/').replace(/(.)$/, '$1/'));
      else if (entry.name === '404.html' && folder === dir) pages.push('404.html');
    }
  };
  walk(dir);
  return pages.sort();
}

/** Bytes as kilobytes (1 KB = 1,000 bytes) with one decimal, e.g. "21.8". */
export const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
