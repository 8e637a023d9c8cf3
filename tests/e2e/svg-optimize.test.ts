import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toMermaid } from '../../src/decision-trees/flowchart.ts';
import { DIAGRAM_THEMES, type DiagramTheme } from '../../src/diagrams/meta.ts';
import { optimizeSvg } from '../../src/diagrams/svg-optimize.ts';
import { filesUnder } from '../../src/integrations/files.ts';
import { drawOnPage, prepareMermaidPage } from '../../src/diagrams/renderer.ts';
import { launch } from '../support/browser.ts';
import { loadTree } from '../support/trees.ts';

/**
 * The build caches each diagram as optimizeSvg left it (src/diagrams/svg-optimize.ts). This draws every diagram the
 * site has with Mermaid, in both themes, and compares a screenshot of Mermaid's own SVG with one of the
 * optimized SVG: a reader must not be able to tell them apart.
 */

function siteDiagrams(): { name: string; source: string }[] {
  const fenced = filesUnder('content', '.mdx').flatMap((file) =>
    [...readFileSync(join('content', file), 'utf8').matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map((m, i) => ({
      name: `${file} #${i + 1}`,
      source: m[1]!,
    })),
  );
  const trees = filesUnder(join('content', 'decision-trees'), '.yaml').map((file) => {
    const id = file.replace(/\.yaml$/, '');
    return { name: `decision tree ${id}`, source: toMermaid(loadTree(id)) };
  });
  return [...fenced, ...trees];
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await prepareMermaidPage(page);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { id: 'out' })));
});

afterAll(async () => {
  await browser?.close();
});

/** Mermaid's SVG as the build's renderer draws it, before optimizeSvg. */
async function draw(source: string, theme: DiagramTheme): Promise<string> {
  const drawn = await drawOnPage(page, source, theme);
  if ('error' in drawn) throw new Error(drawn.error);
  return drawn.svg;
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
        const drawn = await draw(source, theme);
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
