import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mermaidConfig, type DiagramTheme } from './meta.ts';
import { optimizerSignature, optimizeSvg } from './svg-optimize.ts';
import type { Settings } from '../settings.ts';
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
export interface RendererStats {
  cached: number;
  rendered: number;
  browsersLaunched: number;
}

/** What a renderer needs from the settings. */
export type RendererSettings = Pick<Settings, 'CHROMIUM_PATH' | 'MERMAID_NO_BROWSER' | 'MERMAID_CACHE_DIR'>;

/** Draws diagrams for one build or dev server: one browser, a pool of pages, the cache and its counters. */
export interface DiagramRenderer {
  /** Whether a browser was found; without one, diagrams are left for the reader's browser. */
  readonly lookup: BrowserLookup;
  /** Counts since the renderer was created. */
  readonly stats: Readonly<RendererStats>;
  /**
   * One diagram in one theme, with PLACEHOLDER_ID as its id: from the cache when it has it, otherwise drawn in the
   * shared browser; undefined when there is no browser.
   */
  render(source: string, theme: DiagramTheme): Promise<RenderResult | undefined>;
  /** Closes the browser, if one was started; a later render starts a new one. */
  close(): Promise<void>;
}

/** Creates a renderer; nothing starts until the first diagram that is not cached. */
export function createRenderer(settings: RendererSettings): DiagramRenderer {
  // Beside the node_modules that holds Mermaid, so fixture sites and the real site share one cache.
  const cacheDir = settings.MERMAID_CACHE_DIR ?? join(mermaidDir, '..', '.cache', 'mermaid-svg');
  const lookup = findBrowser(settings);
  const stats: RendererStats = { cached: 0, rendered: 0, browsersLaunched: 0 };
  let browser: Promise<Browser> | undefined;
  let pool: Promise<Page[]> | undefined;
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];

  const startPool = async (executablePath: string): Promise<Page[]> => {
    const { chromium } = await import('playwright-core');
    browser = chromium.launch({ executablePath, args: CHROMIUM_ARGS });
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
  };

  const acquire = async (executablePath: string): Promise<Page> => {
    pool ??= startPool(executablePath);
    await pool;
    const page = idle.pop();
    if (page) return page;
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (page: Page): void => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };

  return {
    lookup,
    stats,
    async render(source, theme) {
      const key = cacheKey(source, theme);
      const file = join(cacheDir, `${key}.svg`);
      const cached = await readFile(file, 'utf8').catch(() => undefined);
      if (cached !== undefined) {
        stats.cached++;
        return { svg: cached };
      }
      if (!lookup.found) return undefined;
      const page = await acquire(lookup.executablePath);
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
    },
    async close() {
      const open = browser;
      browser = undefined;
      pool = undefined;
      idle.length = 0;
      if (open) await (await open).close();
    },
  };
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
