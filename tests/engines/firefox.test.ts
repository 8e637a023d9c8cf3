import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findEngine, playwrightVersion } from '../support/engines/engines.ts';
import { readerFlows } from './reader-flows.ts';

// Playwright's "moz-firefox" channel (WebDriver BiDi) is experimental and follows Firefox's BiDi support
// version by version: 1.65.1 calls emulation.setMediaFeaturesOverride, which Firefox ESR 153 does not have, and
// fails in newContext. So playwright-core is pinned exactly; this test and the first page the suite opens say so
// loudly when a bump breaks it.
const PINNED = '1.64.1';
const lookup = findEngine('firefox');

describe.skipIf(!lookup.found)('the Firefox driver', () => {
  test(`playwright-core is pinned to ${PINNED}, the version whose moz-firefox channel drives this Firefox`, () => {
    const declared = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> })
      .dependencies['playwright-core'];
    expect(
      declared,
      'package.json must pin playwright-core exactly (no ^ or ~): see tests/engines/firefox.test.ts',
    ).toBe(PINNED);
    expect(playwrightVersion()).toBe(PINNED);
    // Every flow below opens its page through FirefoxEngine.open, which fails naming the pin when Playwright
    // cannot open a page in this Firefox: the first of them is the harness check.
  });
});

// Firefox ESR over WebDriver BiDi: every reader flow the Chromium suites check.
readerFlows('firefox', 'full');
