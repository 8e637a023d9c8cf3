import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage } from '../support/browser.ts';
import type { BuildResult } from '../support/build.ts';
import { mermaidScripts } from '../support/dist.ts';
import { buildAndServe, type ServedBuild } from '../support/fixture-site.ts';

// A fixture site built as on a machine with no browser at all: no Chromium lookup, and an empty diagram cache.
describe('a build on a machine without a browser', () => {
  let dir: string;
  let build: BuildResult;
  let server: ServedBuild;
  let browser: Browser;

  beforeAll(async () => {
    server = await buildAndServe(
      'small',
      { MERMAID_NO_BROWSER: '1', MERMAID_CACHE_DIR: '{dir}/cache' },
      '/',
      'no-browser',
    );
    ({ build } = server);
    dir = dirname(server.dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('succeeds and prints one warning saying why and how to fix it', () => {
    expect(build.code).toBe(0);
    const warnings = build.output.split('\n').filter((line) => line.includes('No Chromium was found'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('set CHROMIUM_PATH');
  });

  test('without SITE_URL, warns once, loudly, naming what would point at localhost', () => {
    expect(build.output.match(/SITE_URL is not set/g)).toHaveLength(1);
    expect(build.output).toContain('SITE_URL is not set, so this build points at http://localhost:4321 in:');
    expect(build.output).toMatch(/<link rel="canonical">, og:url and og:image/);
    expect(build.output).toMatch(/sitemap-index\.xml/);
    expect(build.output).toMatch(/robots\.txt/);
  });

  test('keeps each diagram source in the HTML, with its caption, instead of an SVG', async () => {
    const html = await readFile(join(dir, 'dist', 'guides', 'tree', 'index.html'), 'utf8');
    expect(html).toContain('data-diagram="pending"');
    expect(html).toContain('class="mermaid-source"');
    expect(html).toContain('id="decision-tree-fixture-tree"');
    expect(html).not.toContain('id="decision-tree-fixture-tree-svg"');
  });

  test("ships Mermaid as a separate script for the reader's browser", () => {
    expect(mermaidScripts(join(dir, 'dist')).length).toBeGreaterThan(0);
  });

  test("draws a diagram in the reader's browser once it scrolls into view, and loads Mermaid only then", async () => {
    const { page, errors } = await openPage(browser, `${server.url}guides/guide/`, {
      viewport: { width: 1280, height: 500 },
    });
    await page.waitForLoadState('networkidle');
    const figure = page.locator('figure.diagram').first();
    await expect(figure.getAttribute('data-diagram')).resolves.toBe('pending');
    const scriptsBefore = await page.evaluate(() => performance.getEntriesByType('resource').length);
    await figure.scrollIntoViewIfNeeded();
    await page.waitForSelector('figure.diagram[data-diagram="drawn"] svg[role="img"]', { timeout: 30_000 });
    const scriptsAfter = await page.evaluate(() => performance.getEntriesByType('resource').length);
    expect(scriptsAfter).toBeGreaterThan(scriptsBefore);
    await expect(page.getByRole('img', { name: 'Fixture sequence' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
