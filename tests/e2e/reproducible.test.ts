import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveDirectory } from '../../src/integrations/serve-directory.ts';
import { launch } from '../support/browser.ts';
import { buildFixture, siteFiles, type FixtureBuild } from '../support/diagram-fixture.ts';
import { duplicateIds } from '../support/duplicate-ids.ts';

// tests/fixtures/reproducible: two MDX pages with a flowchart, two sequence diagrams on one page, code blocks,
// an island and a decision tree, built twice from two folders, each with an empty diagram cache.
describe('two cold builds of the same commit in different folders', { timeout: 120_000 }, () => {
  let first: FixtureBuild;
  let second: FixtureBuild;
  beforeAll(async () => {
    first = await buildFixture('reproducible', 'reproducible-one');
    second = await buildFixture('reproducible', 'reproducible-second-checkout');
  }, 600_000);
  afterAll(async () => {
    await first?.remove();
    await second?.remove();
  });

  test('both succeed and draw every diagram', () => {
    for (const { build } of [first, second]) {
      expect(build.code, build.output).toBe(0);
      expect(build.output).toMatch(/\[diagrams\] 8 drawn, 0 from cache, 1 browser started/);
    }
  });

  test('produce byte-identical sites', async () => {
    const [one, two] = await Promise.all([siteFiles(first.dist), siteFiles(second.dist)]);
    expect([...two.keys()]).toEqual([...one.keys()]);
    const differing = [...one].filter(([file, bytes]) => !bytes.equals(two.get(file)!)).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  test('give no two elements of a page the same id, even two sequence diagrams drawn at once', async () => {
    const server = await serveDirectory(first.dist);
    let browser: Browser | undefined;
    try {
      browser = await launch();
      const page = await browser.newPage();
      for (const path of ['', 'sequences/']) {
        await page.goto(`${server.url}${path}`);
        expect(await duplicateIds(page), path).toEqual({});
      }
      await page.goto(`${server.url}sequences/`);
      await expect(page.getByRole('img', { name: 'Client credentials sequence' }).count()).resolves.toBe(1);
      await expect(page.getByRole('img', { name: 'Refresh token sequence' }).count()).resolves.toBe(1);
    } finally {
      await browser?.close();
      await server.close();
    }
  });
});
