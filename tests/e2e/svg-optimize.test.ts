import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toMermaid } from '../../src/lib/decision-tree-engine.ts';
import { DIAGRAM_THEMES, mermaidConfig } from '../../src/lib/diagram-meta.ts';
import { optimizeSvg } from '../../src/lib/svg-optimize.ts';
import { filesUnder } from '../../src/integrations/files.ts';
import { loadDecisionTree } from '../../src/markdown/load-decision-tree.ts';
import { launch } from '../support/browser.ts';

/**
 * The build caches each diagram as optimizeSvg left it (src/lib/svg-optimize.ts). This draws every diagram the
 * site has with Mermaid, in both themes, and compares a screenshot of Mermaid's own SVG with one of the
 * optimized SVG: a reader must not be able to tell them apart.
 */

const mermaidDir = dirname(createRequire(import.meta.url).resolve('mermaid/package.json'));

function siteDiagrams(): { name: string; source: string }[] {
  const fenced = filesUnder('content', '.mdx').flatMap((file) =>
    [...readFileSync(join('content', file), 'utf8').matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map((m, i) => ({
      name: `${file} #${i + 1}`,
      source: m[1]!,
    })),
  );
  const trees = filesUnder(join('content', 'decision-trees'), '.yaml').map((file) => {
    const id = file.replace(/\.yaml$/, '');
    return { name: `decision tree ${id}`, source: toMermaid(loadDecisionTree(id)) };
  });
  return [...fenced, ...trees];
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="out"></div></body></html>');
  await page.addScriptTag({ path: join(mermaidDir, 'dist', 'mermaid.min.js') });
});

afterAll(async () => {
  await browser?.close();
});

async function draw(source: string, config: Record<string, unknown>): Promise<string> {
  return page.evaluate(
    async ({ source, config }) => {
      const mermaid = (
        globalThis as unknown as {
          mermaid: { initialize(c: unknown): void; render(id: string, s: string): Promise<{ svg: string }> };
        }
      ).mermaid;
      mermaid.initialize(config);
      return (await mermaid.render('d1', source)).svg;
    },
    { source, config },
  );
}

async function screenshot(svg: string, background: string): Promise<Buffer> {
  await page.evaluate(
    ([svg, background]) => {
      document.body.style.background = background!;
      document.getElementById('out')!.innerHTML = svg!;
    },
    [svg, background],
  );
  return page.locator('#out > svg').screenshot();
}

/** How many pixels differ by more than a rounding error between two PNGs of the same size, or why they can't compare. */
async function differingPixels(a: Buffer, b: Buffer): Promise<number | string> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [p, q] = [await pixels(a!), await pixels(b!)];
      if (p.width !== q.width || p.height !== q.height) return `${p.width}×${p.height} against ${q.width}×${q.height}`;
      let differ = 0;
      for (let i = 0; i < p.data.length; i += 4) {
        const delta = [0, 1, 2].reduce((sum, c) => sum + Math.abs(p.data[i + c]! - q.data[i + c]!), 0);
        if (delta > 30) differ++;
      }
      return differ;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

describe('optimized diagrams look exactly like what Mermaid drew', () => {
  const diagrams = siteDiagrams();

  test('the site has diagrams to compare', () => {
    expect(diagrams.length).toBeGreaterThanOrEqual(10);
  });

  for (const { name, source } of diagrams) {
    for (const theme of DIAGRAM_THEMES) {
      test(`${name}, ${theme}`, async () => {
        const drawn = await draw(source, mermaidConfig(theme));
        const optimized = optimizeSvg(drawn);
        expect(optimized.length).toBeLessThan(drawn.length * 0.9);
        const background = theme === 'dark' ? '#0d1117' : '#ffffff';
        const before = await screenshot(drawn, background);
        const after = await screenshot(optimized, background);
        // Coordinates keep three decimals, so a handful of anti-aliased edge pixels may shift by a shade.
        expect(await differingPixels(before, after)).toBeLessThanOrEqual(20);
      });
    }
  }
});
