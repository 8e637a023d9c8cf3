import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../support/build.ts';
import { launch, openPage } from '../support/browser.ts';
import { buildAndServe, type ServedBuild } from '../support/fixture-site.ts';

const SITE_URL = 'https://oauth.example.org';

// A fixture site with every kind of page (diagrams, a quiz, the calculator, code) as GitHub Pages serves a project
// site: under /docs/, from a plain static file server.
describe('the site built for a base path', () => {
  let dir: string;
  let build: BuildResult;
  let server: ServedBuild;
  let browser: Browser;

  beforeAll(async () => {
    const env = { BASE_PATH: '/docs/', SITE_URL, MERMAID_CACHE_DIR: resolve('node_modules/.cache/mermaid-svg') };
    server = await buildAndServe('small', env, '/docs/', 'base-path');
    ({ build } = server);
    dir = dirname(server.dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('builds', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(build.output).toContain('Complete!');
    // The build crawls itself under /docs/ and fails on any broken link, so its word is the link check.
    expect(build.output).toContain('[link-check] no broken internal links or anchors');
    expect(build.output).not.toContain('SITE_URL is not set');
  });

  test('every page loads its styles, scripts and diagrams under /docs/ with no console error or CSP violation', async () => {
    const sitemap = await readFile(join(dir, 'dist', 'sitemap-0.xml'), 'utf8');
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(SITE_URL, ''));
    expect(pages.length).toBe(4);
    for (const path of pages) {
      expect(path.startsWith('/docs/')).toBe(true);
      const { page, errors } = await openPage(browser, new URL(path, server.url).href);
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(errors, path).toEqual([]);
      expect(failed, path).toEqual([]);
      const stylesheets = await page.evaluate(() => document.styleSheets.length);
      expect(stylesheets, path).toBeGreaterThan(0);
      await page.context().close();
    }
  });

  test('search finds the article and opens it, loading Pagefind only once search is opened', async () => {
    const { page, errors } = await openPage(browser, server.url);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => u.includes('pagefind'))).toEqual([]);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search the docs' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await page.keyboard.type('Fixture guide');
    const result = dialog.getByRole('link', { name: 'Fixture guide' });
    await result.waitFor();
    await expect(dialog.getByRole('status').textContent()).resolves.toMatch(/results? for/);
    expect(await dialog.locator('mark').count()).toBeGreaterThan(0);
    await result.click();
    await page.waitForURL(`${server.url}guides/guide/`);
    expect(requests.some((u) => u.startsWith(`${server.url}pagefind/`))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the search button and "/" open search too, and Escape closes it', async () => {
    const { page } = await openPage(browser, server.url);
    await page.keyboard.press('/');
    await expect(page.getByRole('dialog', { name: 'Search the docs' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Search the docs' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('dialog', { name: 'Search the docs' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  test('an unknown address under the base gets the styled 404 page', async () => {
    const { page, errors } = await openPage(browser, `${server.url}no/such/page/`);
    const response = await page.reload();
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await expect(page.getByRole('link', { name: 'Home' }).first().getAttribute('href')).resolves.toBe('/docs/');
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    // Chromium logs the page's own 404 status as a console error; nothing else may fail.
    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await page.context().close();
  });

  test('carries canonical URLs, social cards, a sitemap and robots.txt for the public URL', async () => {
    const html = await readFile(join(dir, 'dist', 'guides', 'guide', 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}/docs/guides/guide/">`);
    expect(html).toContain('<meta property="og:title" content="Fixture guide">');
    expect(html).toContain(
      '<meta name="description" content="A guide page with a sequence diagram, a code block and both kinds of callout, for fixture tests.">',
    );
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    const robots = await readFile(join(dir, 'dist', 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE_URL}/docs/sitemap-index.xml`);
    const sitemap = await readFile(join(dir, 'dist', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE_URL}/docs/guides/guide/</loc>`);
    expect(sitemap).not.toContain('404');
  });

  test('every page carries a strict CSP: no unsafe-inline or unsafe-eval for scripts', async () => {
    const html = await readFile(join(dir, 'dist', 'guides', 'tree', 'index.html'), 'utf8');
    const policy =
      /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'") ?? '';
    const scriptSrc =
      policy
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc).toMatch(/^script-src 'self'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
  });
});
