import axe from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../src/diagrams/find-browser.ts';
import { readSettings } from '../../src/settings.ts';
import { AXE_TAGS } from './engines/driver.ts';

/** Starts headless Chromium the way this machine allows (system Chromium, no sandbox, no background traffic). */
export async function launch(): Promise<Browser> {
  const found = findBrowser({ CHROMIUM_PATH: readSettings().CHROMIUM_PATH });
  if (!found.found)
    throw new Error(
      `No Chromium for e2e tests. Looked for: ${found.looked.join(', ')}. Install one (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath: found.executablePath,
    args: CHROMIUM_ARGS,
  });
}

/** A page that records console errors and failed requests, for "loads with no console error" checks. */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // CSP violations are console errors in Chromium already; this names the directive and the blocked source.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
    ),
  );
  await page.goto(url);
  return { page, errors };
}

/**
 * axe-core violations on the current page, as readable lines (rule, impact, first target). axe-core is injected
 * into each frame of a document once and reused, so checking a page again (in the other theme, after answering a
 * quiz) costs only the run. axe.run checks the page and its same-origin frames; the site embeds no other frames.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // AxeBuilder.analyze() evaluates the 550 kB axe-core source twice per call, the second time in a new page it
  // opens for axe.finishRun() (a step only cross-origin frames need): most of its time on this site's pages.
  for (const frame of page.frames())
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    [...AXE_TAGS],
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}
