import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveDirectory } from '../../src/integrations/serve-directory.ts';
import { launch, openPage } from '../support/browser.ts';
import { buildFixture, type FixtureBuild } from '../support/diagram-fixture.ts';
import { duplicateIds } from '../support/duplicate-ids.ts';

// The small fixture site built as on a machine without a browser: the reader's browser draws each diagram, and
// must make the same figure the build makes (src/diagrams/figure.ts), scroll container included.
describe("a diagram drawn in the reader's browser", { timeout: 120_000 }, () => {
  let site: FixtureBuild;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  beforeAll(async () => {
    site = await buildFixture('reproducible', 'reader-figure', { env: { MERMAID_NO_BROWSER: '1' } });
    if (site.build.code !== 0) throw new Error(`astro build failed:\n${site.build.output}`);
    server = await serveDirectory(site.dist);
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  test('is the figure the build makes: a focusable scroll container, an image named by accTitle, the caption', async () => {
    const { page, errors } = await openPage(browser, `${server.url}sequences/`, {
      viewport: { width: 390, height: 800 },
    });
    // Scrolled to by id, inside the page: the drawing replaces each figure element while the test goes on.
    const ids = await page.locator('figure.diagram').evaluateAll((figures) => figures.map((f) => f.id));
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), id);
      await page.locator(`figure[id="${id}"][data-diagram="drawn"]`).waitFor({ timeout: 60_000 });
    }
    for (const name of ['Client credentials sequence', 'Refresh token sequence']) {
      const image = page.getByRole('img', { name });
      await image.waitFor({ timeout: 60_000 });
      const shape = await image.evaluate((svg) => {
        const scroll = svg.parentElement!;
        const figure = scroll.parentElement!;
        return {
          scroll: `${scroll.tagName.toLowerCase()}.${scroll.className}[tabindex=${scroll.getAttribute('tabindex')}]`,
          figure: `${figure.tagName.toLowerCase()}.${figure.className}`,
          children: [...figure.children].map((c) => c.tagName.toLowerCase()),
          svgId: svg.id === `${figure.id}-svg`,
          minWidth: /min-width:\s*\d+px/.test(svg.getAttribute('style') ?? ''),
          state: figure.getAttribute('data-diagram'),
        };
      });
      expect(shape).toEqual({
        scroll: 'div.diagram__scroll[tabindex=0]',
        figure: 'figure.diagram',
        children: ['div', 'figcaption'],
        svgId: true,
        minWidth: true,
        state: 'drawn',
      });
    }
    expect(await duplicateIds(page)).toEqual({});
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
