import { firefox, type Browser, type Locator as PwLocator, type Page } from 'playwright-core';
import { axeViolations } from '../browser.ts';
import type { Engine, EngineLimit, EnginePage, Key, Locator, OpenOptions, Query, ServerLog } from './driver.ts';

/**
 * Firefox driven by Playwright over WebDriver BiDi (the experimental "moz-firefox" channel), against Debian's
 * Firefox ESR. ESR lacks BiDi's emulation commands, so Playwright's `colorScheme` and `javaScriptEnabled` are
 * silently ignored there: the colour scheme and scripting are set with Firefox preferences instead, one browser
 * per set of preferences, started when first needed.
 */
export class FirefoxEngine implements Engine {
  readonly cannot: ReadonlySet<EngineLimit> = new Set();
  private readonly browsers = new Map<string, Promise<Browser>>();

  readonly name: string;
  private readonly executablePath: string;
  private readonly server: ServerLog;

  constructor(name: string, executablePath: string, server: ServerLog) {
    this.name = name;
    this.executablePath = executablePath;
    this.server = server;
  }

  /** Starts (or reuses) the browser for one set of preferences. */
  browser(options: OpenOptions = {}): Promise<Browser> {
    const prefs = {
      'ui.systemUsesDarkTheme': options.theme === 'dark' ? 1 : 0,
      'javascript.enabled': options.javaScript !== false,
    };
    const key = JSON.stringify(prefs);
    let browser = this.browsers.get(key);
    if (!browser) {
      browser = firefox.launch({
        channel: 'moz-firefox',
        executablePath: this.executablePath,
        headless: true,
        firefoxUserPrefs: prefs,
      });
      this.browsers.set(key, browser);
    }
    return browser;
  }

  async open(url: string, options: OpenOptions = {}): Promise<EnginePage> {
    const browser = await this.browser(options);
    const context = await browser
      .newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } })
      .catch((error: Error) => {
        // The moz-firefox channel is experimental and follows Firefox's BiDi support version by version.
        throw new Error(
          `playwright-core cannot open a page in Firefox ${browser.version()} ` +
            `over WebDriver BiDi (${error.message.split('\n')[0]}). Keep playwright-core at the version pinned in ` +
            'package.json, or check a new version against this Firefox first (tests/engines/firefox.test.ts).',
        );
      });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`Uncaught ${e.message}`));
    // Playwright sees every request the page makes, to any origin (the server's log sees only its own).
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    this.server.takeProblems();
    await page.goto(url);
    return new PlaywrightPage(page, problems, requests, () => this.server.takeProblems());
  }

  async close(): Promise<void> {
    for (const browser of this.browsers.values()) await (await browser.catch(() => undefined))?.close();
    this.browsers.clear();
  }
}

/** A Playwright locator for a query inside a page or another locator. */
function locate(scope: Page | PwLocator, query: Query): PwLocator {
  if ('role' in query) {
    const { role, name, level } = query;
    return scope.getByRole(role, {
      ...(name === undefined ? {} : { name, exact: typeof name === 'string' }),
      ...(level === undefined ? {} : { level }),
    });
  }
  // Text in an island's <astro-slot> (display: contents, no box) is clicked as part of the nearest ancestor with a
  // box, as a reader's click is; Playwright in Firefox calls the slot itself not visible.
  if ('text' in query)
    return scope
      .getByText(query.text, { exact: true })
      .locator('xpath=ancestor-or-self::*[not(self::astro-slot or self::astro-island)][1]');
  return scope.locator(query.css);
}

class PlaywrightLocator implements Locator {
  private readonly locator: PwLocator;

  constructor(locator: PwLocator) {
    this.locator = locator;
  }

  find(query: Query): Locator {
    return new PlaywrightLocator(locate(this.locator.first(), query));
  }
  count() {
    return this.locator.count();
  }
  waitFor(timeoutMs = 10_000) {
    return this.locator.first().waitFor({ timeout: timeoutMs });
  }
  click() {
    return this.locator.first().click();
  }
  async fill(value: string) {
    const field = this.locator.first();
    await field.fill(value);
    // Over BiDi, fill() on a number field in Firefox adds to the value instead of replacing it (it cannot select
    // the text first): do what a reader does instead, select all and type.
    if ((await field.inputValue()) !== value) {
      await field.focus();
      await field.press('Control+a');
      await field.press('Backspace');
      await field.pressSequentially(value);
    }
  }
  focus() {
    return this.locator.first().focus();
  }
  scrollIntoView() {
    // Not scrollIntoViewIfNeeded: on an astro-island (display: contents) it does nothing in Firefox.
    return this.locator.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  }
  async textContent() {
    return (await this.locator.first().textContent()) ?? '';
  }
  innerText() {
    return this.locator.first().innerText();
  }
  attribute(name: string) {
    return this.locator.first().getAttribute(name);
  }
  inputValue() {
    return this.locator.first().inputValue();
  }
  isVisible() {
    return this.locator.first().isVisible();
  }
  isEnabled() {
    return this.locator.first().isEnabled();
  }
  isChecked() {
    return this.locator.first().isChecked();
  }
  evaluate<T, A = undefined>(fn: (el: Element, arg: A) => T, arg?: A): Promise<T> {
    // Playwright's PageFunction types do not accept a generic argument; the function is passed through as is.
    const evaluate = this.locator.first().evaluate.bind(this.locator.first()) as (
      f: (el: Element, arg: A) => T,
      arg: A,
    ) => Promise<T>;
    return evaluate(fn, arg as A);
  }
}

class PlaywrightPage implements EnginePage {
  readonly page: Page;
  private readonly engineProblems: string[];
  private readonly engineRequests: string[];
  private readonly takeServerProblems: () => string[];

  constructor(page: Page, engineProblems: string[], engineRequests: string[], takeServerProblems: () => string[]) {
    this.page = page;
    this.engineProblems = engineProblems;
    this.engineRequests = engineRequests;
    this.takeServerProblems = takeServerProblems;
  }

  find(query: Query): Locator {
    return new PlaywrightLocator(locate(this.page, query));
  }
  async goto(url: string) {
    await this.page.goto(url);
  }
  async reload() {
    await this.page.reload();
  }
  async url() {
    return this.page.url();
  }
  press(key: Key) {
    return this.page.keyboard.press(key);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T> {
    const evaluate = this.page.evaluate.bind(this.page) as (f: (arg: A) => T, arg: A) => Promise<T>;
    return evaluate(fn, arg as A);
  }
  axe() {
    return axeViolations(this.page);
  }
  async problems() {
    // Reports are POSTed by the browser after the violation: give them a moment to arrive.
    await new Promise((r) => setTimeout(r, 300));
    return [...this.engineProblems.splice(0), ...this.takeServerProblems()];
  }
  async requests() {
    return this.engineRequests.splice(0);
  }
  close() {
    return this.page.context().close();
  }
}
