import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { filesUnder } from '../../src/integrations/files.ts';
import { launch } from '../support/browser.ts';
import { duplicateIds } from '../support/duplicate-ids.ts';

// The site as the global setup built it: every page, SVG diagrams included, as a browser parses it.
describe('every page of the built site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  test('gives each id to one element only', async () => {
    const pages = filesUnder(process.env['E2E_DIST'] ?? 'dist', 'index.html').map((f) => f.replace(/index\.html$/, ''));
    expect(pages.length).toBeGreaterThan(5);
    const page = await browser.newPage();
    const duplicates: Record<string, Record<string, number>> = {};
    for (const path of pages) {
      await page.goto(`${inject('siteUrl')}${path}`);
      const found = await duplicateIds(page);
      if (Object.keys(found).length > 0) duplicates[path || '/'] = found;
    }
    expect(duplicates).toEqual({});
  });
});
