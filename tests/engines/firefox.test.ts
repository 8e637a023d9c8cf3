import { readFileSync } from 'node:fs';
import { firefox } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { findEngine, playwrightVersion } from '../support/engines/engines.ts';
import { readerFlows } from './reader-flows.ts';

// Playwright's "moz-firefox" channel (WebDriver BiDi) is experimental and follows Firefox's BiDi support
// version by version: 1.65.1 calls emulation.setMediaFeaturesOverride, which Firefox ESR 153 does not have, and
// fails in newContext. So playwright-core is pinned exactly, and this test says so loudly when a bump breaks it.
const PINNED = '1.64.1';
const lookup = findEngine('firefox');

describe.skipIf(!lookup.found)('the Firefox driver', () => {
  test(`playwright-core is pinned to ${PINNED}, whose moz-firefox channel opens a page in this Firefox`, async () => {
    const declared = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> })
      .dependencies['playwright-core'];
    expect(
      declared,
      'package.json must pin playwright-core exactly (no ^ or ~): see tests/engines/firefox.test.ts',
    ).toBe(PINNED);
    expect(playwrightVersion()).toBe(PINNED);
    if (!lookup.found) return;
    const browser = await firefox.launch({ channel: 'moz-firefox', executablePath: lookup.path, headless: true });
    try {
      const context = await browser.newContext().catch((error: Error) => {
        throw new Error(
          `playwright-core ${playwrightVersion()} cannot open a page in ${lookup.name} over WebDriver BiDi ` +
            `(${error.message.split('\n')[0]}). Keep playwright-core at ${PINNED} in package.json, or check the new version against this Firefox first.`,
        );
      });
      const page = await context.newPage();
      await page.goto('data:text/html,<title>ok</title>');
      expect(await page.title()).toBe('ok');
    } finally {
      await browser.close();
    }
  });
});

// Firefox ESR over WebDriver BiDi: every reader flow the Chromium suites check.
readerFlows('firefox', 'full');
