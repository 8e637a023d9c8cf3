import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mermaidConfig, type DiagramTheme } from '../lib/diagram-meta.ts';
import { optimizerSignature, optimizeSvg } from '../lib/svg-optimize.ts';
import { CHROMIUM_ARGS, findBrowser, type BrowserLookup } from './find-browser.ts';

const require = createRequire(import.meta.url);
const mermaidDir = dirname(require.resolve('mermaid/package.json'));
const mermaidVersion: string = (require('mermaid/package.json') as { version: string }).version;

/** A rendered SVG, or Mermaid's error message for the source. */
export type RenderResult = { svg: string } | { error: string };

/** Raise when what is cached changes for the same inputs (2: SVGs are optimized before caching). */
const RENDERER_REVISION = 2;

/**
 * Cache key of one rendering: the source, Mermaid's version, the theme, every renderer option and the SVG
 * optimizer's version and settings.
 */
export function cacheKey(source: string, theme: DiagramTheme): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        source,
        mermaidVersion,
        theme,
        config: mermaidConfig(theme),
        optimizer: optimizerSignature,
        RENDERER_REVISION,
      }),
    )
    .digest('hex');
}

/** Counters the benchmark reads: how many diagrams came from the cache and how many a browser drew. */
export const stats = { cached: 0, rendered: 0, browsersLaunched: 0 };

/** Folder the rendered SVGs are kept in between builds. */
export const cacheDir =
  process.env['MERMAID_CACHE_DIR'] ?? join(process.cwd(), 'node_modules', '.cache', 'mermaid-svg');

let lookup: BrowserLookup | undefined;
let browser: Promise<Browser> | undefined;
let pool: Promise<Page[]> | undefined;
const idle: Page[] = [];
const waiting: ((page: Page) => void)[] = [];

/** Whether this build can draw diagrams (a browser was found), looked up once per process. */
export function browserLookup(): BrowserLookup {
  lookup ??= findBrowser();
  return lookup;
}

/**
 * Renders one diagram in one theme, with PLACEHOLDER_ID as its id: from the cache when it has it, otherwise in
 * a shared headless Chromium.
 * One browser serves the whole build, with a small pool of pages sized to the machine's cores.
 */
export async function renderDiagram(source: string, theme: DiagramTheme): Promise<RenderResult | undefined> {
  const key = cacheKey(source, theme);
  const file = join(cacheDir, `${key}.svg`);
  const cached = await readFile(file, 'utf8').catch(() => undefined);
  if (cached !== undefined) {
    stats.cached++;
    return { svg: cached };
  }
  const found = browserLookup();
  if (!found.found) return undefined;
  const page = await acquire(found.executablePath);
  try {
    const result = await drawOnPage(page, source, theme);
    if ('svg' in result) {
      stats.rendered++;
      const svg = optimizeSvg(result.svg);
      await mkdir(cacheDir, { recursive: true });
      await writeFile(file, svg);
      return { svg };
    }
    return result;
  } finally {
    release(page);
  }
}

/** Loads Mermaid into a blank page, ready for drawOnPage. */
export async function prepareMermaidPage(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: join(mermaidDir, 'dist', 'mermaid.min.js') });
}

/** Mermaid's own SVG for one diagram in one theme, drawn with PLACEHOLDER_ID on a prepared page: not optimized. */
export async function drawOnPage(page: Page, source: string, theme: DiagramTheme): Promise<RenderResult> {
  return page.evaluate(
    async ({ code, renderId, config }) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
      mermaid.initialize(config);
      try {
        const { svg } = await mermaid.render(renderId, code);
        return { svg };
      } catch (error) {
        document.getElementById(`d${renderId}`)?.remove();
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { code: source, renderId: PLACEHOLDER_ID, config: mermaidConfig(theme) },
  );
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, code: string): Promise<{ svg: string }>;
}

/** The id every diagram is drawn with: a token that cannot occur in author text, replaced by the page's id. */
export const PLACEHOLDER_ID = 'mmdplaceholder0id';

async function acquire(executablePath: string): Promise<Page> {
  pool ??= startPool(executablePath);
  await pool;
  const page = idle.pop();
  if (page) return page;
  return new Promise((resolve) => waiting.push(resolve));
}

function release(page: Page): void {
  const next = waiting.shift();
  if (next) next(page);
  else idle.push(page);
}

async function startPool(executablePath: string): Promise<Page[]> {
  const { chromium } = await import('playwright-core');
  browser = chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  stats.browsersLaunched++;
  const size = Math.max(1, Math.min(4, availableParallelism()));
  const pages = await Promise.all(
    Array.from({ length: size }, async () => {
      const page = await (await browser!).newPage();
      await prepareMermaidPage(page);
      return page;
    }),
  );
  idle.push(...pages);
  return pages;
}

/** Closes the shared browser, if one was started; the build calls this when it is done. */
export async function closeRenderer(): Promise<void> {
  const open = browser;
  browser = undefined;
  pool = undefined;
  idle.length = 0;
  if (open) await (await open).close();
}
