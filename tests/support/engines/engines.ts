import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Engine, EngineLimit, ServerLog } from './driver.ts';
import { FirefoxEngine } from './playwright-driver.ts';
import { WebKitEngine } from './webdriver-driver.ts';

/** The engines the cross-engine suites run in (Chromium has its own suites in tests/e2e/). */
export type EngineId = 'firefox' | 'webkit';

/**
 * What each engine's automation cannot set up, so the flows that need it are skipped there by name: WebKitGTK's
 * WebDriver has no way to turn scripting off or to emulate a dark system theme.
 */
export const ENGINE_LIMITS: Record<EngineId, ReadonlySet<EngineLimit>> = {
  firefox: new Set(),
  webkit: new Set(['no-javascript', 'dark-system-theme']),
};

/** An engine this machine can run, or what is missing and how to install it. */
export type EngineLookup =
  | { found: true; name: string; path: string; create: (server: ServerLog) => Engine }
  | { found: false; missing: string };

const onPath = (command: string) =>
  (process.env['PATH'] ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${command}`));

const HOW_TO_INSTALL: Record<EngineId, string> = {
  firefox: 'Install it with `bash .ci/setup` (or `apt-get install firefox-esr`), or set FIREFOX_PATH.',
  webkit:
    'Install it with `bash .ci/setup` (or `apt-get install webkit2gtk-driver xvfb xauth`), or set WEBKIT_DRIVER_PATH.',
};

/** Looks for an engine: Firefox ESR (or $FIREFOX_PATH), WebKitWebDriver (or $WEBKIT_DRIVER_PATH) with xvfb-run. */
export function findEngine(id: EngineId, env: NodeJS.ProcessEnv = process.env): EngineLookup {
  if (id === 'firefox') {
    const path = [env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
    if (!path) return { found: false, missing: `No Firefox for the Firefox tests. ${HOW_TO_INSTALL.firefox}` };
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^Mozilla /, '');
    return { found: true, name: version, path, create: (server) => new FirefoxEngine(version, path, server) };
  }
  const driver = [env['WEBKIT_DRIVER_PATH'], '/usr/bin/WebKitWebDriver'].find((p) => p && existsSync(p));
  const missing = [
    ...(driver ? [] : ['WebKitWebDriver (webkit2gtk-driver)']),
    ...(onPath('xvfb-run') ? [] : ['xvfb-run (xvfb)']),
    ...(onPath('xauth') ? [] : ['xauth']),
  ];
  if (missing.length > 0 || !driver)
    return { found: false, missing: `No ${missing.join(', ')} for the WebKit tests. ${HOW_TO_INSTALL.webkit}` };
  let version = 'WebKitGTK';
  try {
    version += ` ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver'], { encoding: 'utf8' }).replace(/-.*/, '')}`;
  } catch {
    // not a Debian package: the name stays without a version
  }
  return { found: true, name: version, path: driver, create: (server) => new WebKitEngine(version, driver, server) };
}

/**
 * Whether to run an engine's suite here. On CI (CI=true) a missing engine is an error that names it and says how
 * to install it; locally it skips the suite with one loud line, so a laptop without WebKit can still run npm test.
 */
export function engineOrSkip(id: EngineId): EngineLookup {
  const lookup = findEngine(id);
  if (lookup.found) return lookup;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') throw new Error(lookup.missing);
  console.warn(`\n!!! SKIPPING the ${id} suite: ${lookup.missing} (on CI this fails)\n`);
  return lookup;
}

/** The playwright-core version installed, which the Firefox channel depends on. */
export function playwrightVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('playwright-core/package.json') as { version: string }).version;
}
