import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Settings } from '../settings.ts';

/** Where a Chromium-family browser was found, or why none was. */
export type BrowserLookup =
  { found: true; executablePath: string; source: string } | { found: false; looked: string[] };

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Finds a browser for build-time diagrams: $CHROMIUM_PATH (validated by the settings: a path to nothing has
 * already failed, naming the variable), Playwright's own Chromium, then the usual system paths.
 */
export function findBrowser(settings: Pick<Settings, 'CHROMIUM_PATH' | 'MERMAID_NO_BROWSER'>): BrowserLookup {
  const looked: string[] = [];
  // An explicit opt-out, used by tests and by authors who want the client-side fallback.
  if (settings.MERMAID_NO_BROWSER === '1') return { found: false, looked: ['MERMAID_NO_BROWSER=1 (lookup skipped)'] };
  if (settings.CHROMIUM_PATH) return { found: true, executablePath: settings.CHROMIUM_PATH, source: '$CHROMIUM_PATH' };
  const playwright = playwrightChromium();
  if (playwright && existsSync(playwright))
    return { found: true, executablePath: playwright, source: "Playwright's Chromium" };
  looked.push("Playwright's Chromium");
  for (const path of SYSTEM_PATHS) {
    if (existsSync(path)) return { found: true, executablePath: path, source: path };
  }
  looked.push(...SYSTEM_PATHS.slice(0, 4));
  return { found: false, looked };
}

function playwrightChromium(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Flags for headless Chromium on build and CI machines: no sandbox (they run as root), no GPU, and no
 * background traffic (their network is closed, and Chromium would retry it at every start).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
