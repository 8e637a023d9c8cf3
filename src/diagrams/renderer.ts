import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Settings } from '../settings.ts';
import { openDiagramCache, drawingProblem } from './cache.ts';
import { CHROMIUM_ARGS, findBrowser, type BrowserLookup } from './find-browser.ts';
import { mermaidConfig, wrapSequenceLabels, type DiagramTheme } from './meta.ts';
import { scopeIds } from './svg-ids.ts';
import { optimizerSignature, optimizeSvg } from './svg-optimize.ts';

const require = createRequire(import.meta.url);
const mermaidDir = dirname(require.resolve('mermaid/package.json'));
const mermaidVersion: string = (require('mermaid/package.json') as { version: string }).version;

/** A rendered SVG, or Mermaid's error message for the source. */
export type RenderResult = { svg: string } | { error: string };

/**
 * Raise when what is cached changes for the same inputs (2: SVGs are optimized before caching; 3: ids scoped
 * under the drawing's id, sequence labels wrapped between words; 4: a repeated id renamed at each repeat).
 */
export const RENDERER_REVISION = 4;

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
export interface RendererStats {
  cached: number;
  rendered: number;
  browsersLaunched: number;
}

/** What a renderer needs from the settings. */
export type RendererSettings = Pick<Settings, 'CHROMIUM_PATH' | 'MERMAID_NO_BROWSER' | 'MERMAID_CACHE_DIR'>;

/** Where a renderer's one-line reports go (a bad cache entry); the integration passes Astro's logger. */
export interface RendererOptions {
  warn?: (line: string) => void;
}

/** Draws diagrams for one build or dev server: one browser, a pool of pages, the cache and its counters. */
export interface DiagramRenderer {
  /** Whether a browser was found; without one, diagrams are left for the reader's browser. */
  readonly lookup: BrowserLookup;
  /** Counts since the renderer was created. */
  readonly stats: Readonly<RendererStats>;
  /**
   * One diagram in one theme, with PLACEHOLDER_ID as its id: from the cache when it has a sound copy, otherwise
   * drawn in the shared browser; undefined when there is no browser. A browser that dies is started again once;
   * if drawing still fails, this rejects with a BrowserFailure saying what to do.
   */
  render(source: string, theme: DiagramTheme): Promise<RenderResult | undefined>;
  /** Closes the browser, if one was started; a later render starts a new one. */
  close(): Promise<void>;
}

/** The browser could not draw: one sentence naming it, what failed and what to do. No stack: it would not help. */
export class BrowserFailure extends Error {
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}
// On the prototype, not the instance: Node then prints the error as its message alone, with no `{ name: … }`.
BrowserFailure.prototype.name = 'BrowserFailure';

/** One launched browser and its page pool; replaced as a whole when the browser dies. */
interface Session {
  browser: Promise<Browser>;
  idle: Page[];
  waiting: { resolve: (page: Page) => void; reject: (error: Error) => void }[];
  ready: Promise<void>;
  dead: boolean;
}

/** Creates a renderer; nothing starts until the first diagram that is not cached. */
export function createRenderer(settings: RendererSettings, options: RendererOptions = {}): DiagramRenderer {
  const cache = openDiagramCache(
    // Beside the node_modules that holds Mermaid, so fixture sites and the real site share one cache.
    settings.MERMAID_CACHE_DIR ?? join(mermaidDir, '..', '.cache', 'mermaid-svg'),
    PLACEHOLDER_ID,
    (line) => (options.warn ?? console.warn)(line),
  );
  const lookup = findBrowser(settings);
  const stats: RendererStats = { cached: 0, rendered: 0, browsersLaunched: 0 };
  let session: Session | undefined;
  // Whether a browser ever started: a later failure is then the browser dying, not a wrong executable.
  let started = false;

  const discard = (dying: Session, reason: Error): void => {
    if (dying.dead) return;
    dying.dead = true;
    if (session === dying) session = undefined;
    for (const waiter of dying.waiting.splice(0)) waiter.reject(reason);
    void dying.browser.then((browser) => browser.close()).catch(() => undefined);
  };

  const start = (executablePath: string): Session => {
    const browser = import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath, args: CHROMIUM_ARGS }),
    );
    stats.browsersLaunched++;
    const next: Session = { browser, idle: [], waiting: [], ready: Promise.resolve(), dead: false };
    next.ready = (async () => {
      const launched = await browser;
      started = true;
      // In the dev server the browser can die between two diagrams: the next one then starts a new browser.
      launched.on('disconnected', () => discard(next, new Error('the browser disconnected')));
      const size = Math.max(1, Math.min(4, availableParallelism()));
      const pages = await Promise.all(
        Array.from({ length: size }, async () => {
          const page = await launched.newPage();
          await prepareMermaidPage(page);
          return page;
        }),
      );
      next.idle.push(...pages);
    })();
    next.ready.catch((error: Error) => discard(next, error));
    return next;
  };

  const acquire = async (executablePath: string): Promise<{ page: Page; from: Session }> => {
    const from = (session ??= start(executablePath));
    await from.ready;
    const page = from.idle.pop();
    if (page) return { page, from };
    return new Promise((resolve, reject) =>
      from.waiting.push({ resolve: (next) => resolve({ page: next, from }), reject }),
    );
  };

  const release = (page: Page, from: Session): void => {
    if (from.dead) return;
    const next = from.waiting.shift();
    if (next) next.resolve(page);
    else from.idle.push(page);
  };

  const draw = async (executablePath: string, source: string, theme: DiagramTheme): Promise<RenderResult> => {
    for (let attempt = 1; ; attempt++) {
      let acquired: { page: Page; from: Session } | undefined;
      try {
        acquired = await acquire(executablePath);
        const result = await drawOnPage(acquired.page, source, theme);
        release(acquired.page, acquired.from);
        return result;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (acquired) discard(acquired.from, failure);
        if (attempt === 2) {
          const what = acquired
            ? 'closed while drawing, and again after a restart'
            : started
              ? 'closed while drawing and did not restart'
              : 'did not start';
          throw browserFailure(lookup, failure, what);
        }
      }
    }
  };

  return {
    lookup,
    stats,
    async render(source, theme) {
      const key = cacheKey(source, theme);
      const cached = await cache.read(key);
      if (cached !== undefined) {
        stats.cached++;
        return { svg: cached };
      }
      if (!lookup.found) return undefined;
      const result = await draw(lookup.executablePath, source, theme);
      if (!('svg' in result)) return result;
      stats.rendered++;
      const svg = optimizeSvg(result.svg);
      const problem = drawingProblem(svg, PLACEHOLDER_ID);
      // Never cache what a later read would reject; this is the renderer's bug, not the author's.
      if (problem !== undefined)
        throw new Error(`[diagrams] The drawing of this diagram came out unusable: ${problem}.`);
      await cache.write(key, svg);
      return { svg };
    },
    async close() {
      const open = session;
      session = undefined;
      if (open) {
        open.dead = true;
        await open.browser.then((browser) => browser.close()).catch(() => undefined);
      }
    },
  };
}

/** The one message for a browser that would not start, or died and would not start again. */
function browserFailure(lookup: BrowserLookup, error: Error, what: string): BrowserFailure {
  const path = lookup.found ? lookup.executablePath : 'the browser';
  const from = lookup.found && lookup.source !== path ? ` (from ${lookup.source})` : '';
  const first = error.message.split('\n').find((line) => line.trim() !== '') ?? 'no message';
  const fix =
    lookup.found && lookup.source === '$CHROMIUM_PATH'
      ? `Point CHROMIUM_PATH at a Chrome or Chromium executable and check that it runs: ${path} --headless --version; or unset CHROMIUM_PATH`
      : `Check that it runs: ${path} --headless --version`;
  return new BrowserFailure(
    `[diagrams] Chromium at ${path}${from} ${what}: ${first.trim()}. ${fix}; or set MERMAID_NO_BROWSER=1 to leave diagrams to the reader's browser.`,
  );
}

/** Loads Mermaid into a blank page, ready for drawOnPage. */
export async function prepareMermaidPage(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: join(mermaidDir, 'dist', 'mermaid.min.js') });
}

/**
 * One diagram in one theme, drawn with PLACEHOLDER_ID on a prepared page: Mermaid's SVG with its sequence labels
 * wrapped between words and every id under PLACEHOLDER_ID (scopeIds), not optimized.
 */
export async function drawOnPage(page: Page, source: string, theme: DiagramTheme): Promise<RenderResult> {
  const result = await page.evaluate(
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
    { code: wrapSequenceLabels(source), renderId: PLACEHOLDER_ID, config: mermaidConfig(theme) },
  );
  return 'svg' in result ? { svg: scopeIds(result.svg, PLACEHOLDER_ID) } : result;
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, code: string): Promise<{ svg: string }>;
}

/** The id every diagram is drawn with: a token that cannot occur in author text, replaced by the page's id. */
export const PLACEHOLDER_ID = 'mmdplaceholder0id';
