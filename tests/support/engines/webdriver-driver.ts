import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import {
  AXE_TAGS,
  describeQuery,
  until,
  type Engine,
  type EngineLimit,
  type EnginePage,
  type Key,
  type Locator,
  type OpenOptions,
  type Query,
  type Role,
  type ServerLog,
} from './driver.ts';

/**
 * WebKit through Debian's WebKitWebDriver (classic WebDriver over HTTP, one session per driver process), which
 * starts WebKitGTK's MiniBrowser. It has no headless mode, so it runs inside xvfb-run. This file is its whole
 * client: a dozen W3C WebDriver endpoints called with fetch. Classic WebDriver has no console, no init scripts
 * and no view of the network: page problems and the URLs a page requests come from the test server
 * (site-server.ts, `probe: true`).
 */

// The web element identifier (WebDriver section 12.1, "Elements").
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = { [ELEMENT]: string };

/** W3C WebDriver key codes (WebDriver section 17.4.2, "Keyboard actions"). */
const KEYS: Record<string, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Space: '\uE00D',
  ArrowRight: '\uE014',
  Control: '\uE009',
};

/** Candidate elements for each role; the accessible name then comes from WebKit's own computation. */
const ROLE_SELECTORS: Record<Role, string> = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"], input[type="reset"]',
  link: 'a[href], area[href], [role="link"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  textbox:
    'input:not([type]), input[type="text"], input[type="email"], input[type="url"], input[type="tel"], textarea, [role="textbox"]',
  spinbutton: 'input[type="number"], [role="spinbutton"]',
  radio: 'input[type="radio"], [role="radio"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  group: 'fieldset, details, optgroup, [role="group"]',
  radiogroup: '[role="radiogroup"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  complementary: 'aside, [role="complementary"]',
  navigation: 'nav, [role="navigation"]',
  dialog: 'dialog, [role="dialog"]',
  status: '[role="status"], output',
  form: 'form[aria-label], form[aria-labelledby], [role="form"]',
  img: 'img[alt]:not([alt=""]), [role="img"]',
  listitem: 'li, [role="listitem"]',
};

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

class WebDriverError extends Error {}

/** One WebDriver session on its own WebKitWebDriver process. */
class Session {
  private readonly base: string;
  readonly id: string;

  constructor(base: string, id: string) {
    this.base = base;
    this.id = id;
  }

  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new WebDriverError(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  /** Runs a function body in the page; `arguments` holds the args, element references become elements. */
  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.call<T>('POST', '/execute/sync', { script, args });
  }

  async keys(keys: string[]): Promise<void> {
    const actions = keys.flatMap((k) => [{ type: 'keyDown', value: k }]);
    const releases = [...keys].reverse().map((k) => ({ type: 'keyUp', value: k }));
    await this.call('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [...actions, ...releases] }],
    });
  }
}

/** The in-page half of a text query: the innermost elements (with a box) whose whole text is exactly `text`. */
const BY_TEXT = `
  const [root, text] = arguments;
  const norm = (s) => s.replace(/\\s+/g, ' ').trim();
  const found = [];
  for (const el of (root || document).querySelectorAll('*')) {
    if (el.closest('script, style, head')) continue;
    if (norm(el.textContent) !== text) continue;
    if ([...el.children].some((c) => norm(c.textContent) === text)) continue;
    // Text in an element with no box of its own (an island's <astro-slot>, display: contents) is drawn, and
    // clicked, as part of the nearest ancestor that has one; WebDriver calls the boxless element not interactable.
    let target = el;
    while (target.parentElement && getComputedStyle(target).display === 'contents') target = target.parentElement;
    if (!found.includes(target)) found.push(target);
  }
  return found;`;

/**
 * The in-page half of a role query: candidates not hidden from the accessibility tree, of the heading level asked,
 * and (to spare a round trip per element) only those where the name could come from: their aria-label, the text
 * of what labels them, their own text, title, value or placeholder. WebKit's computed label then decides.
 */
const BY_ROLE = `
  const [root, selector, level, name, pattern] = arguments;
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const levelOf = (el) => Number(el.getAttribute('aria-level') || el.tagName.slice(1));
  const sources = (el) => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const byIds = ids.map((id) => norm(document.getElementById(id)?.textContent));
    return [el.getAttribute('aria-label'), ...byIds, byIds.join(' '), el.textContent, el.getAttribute('title'),
      el.value, el.getAttribute('placeholder'), ...[...(el.labels || [])].map((l) => l.textContent)].map(norm);
  };
  const regex = pattern ? new RegExp(pattern[0], pattern[1]) : null;
  const couldBeNamed = (el) => name == null && !regex ? true
    : sources(el).some((s) => regex ? regex.test(s) : s.includes(name));
  return [...(root || document).querySelectorAll(selector)].filter((el) =>
    !el.closest('[aria-hidden="true"], [hidden]') &&
    (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0) &&
    (!level || levelOf(el) === level) && couldBeNamed(el));`;

class WebDriverLocator implements Locator {
  private readonly session: Session;
  private readonly query: Query;
  private readonly parent: WebDriverLocator | undefined;
  /** The computed names of the candidates the last name query looked at, for the message when none matched. */
  private seen: string[] = [];

  constructor(session: Session, query: Query, parent?: WebDriverLocator) {
    this.session = session;
    this.query = query;
    this.parent = parent;
  }

  private get description(): string {
    return (this.parent ? `${this.parent.description} > ` : '') + describeQuery(this.query);
  }

  /** Every element matching now. */
  async all(): Promise<ElementRef[]> {
    let root: ElementRef | null = null;
    if (this.parent) {
      const [first] = await this.parent.all();
      if (!first) return [];
      root = first;
    }
    const query = this.query;
    if ('css' in query)
      return this.session.execute(`return [...(arguments[0] || document).querySelectorAll(arguments[1])]`, [
        root,
        query.css,
      ]);
    if ('text' in query) return this.session.execute(BY_TEXT, [root, query.text]);
    const candidates = await this.session.execute<ElementRef[]>(BY_ROLE, [
      root,
      ROLE_SELECTORS[query.role],
      query.level ?? 0,
    ]);
    if (query.name === undefined) return candidates;
    const matches: ElementRef[] = [];
    this.seen = [];
    for (const el of candidates) {
      const label = (await this.session.call<string>('GET', `/element/${el[ELEMENT]}/computedlabel`))
        .replace(/\s+/g, ' ')
        .trim();
      this.seen.push(label);
      if (typeof query.name === 'string' ? label === query.name : query.name.test(label)) matches.push(el);
    }
    return matches;
  }

  private async first(): Promise<ElementRef> {
    let found: ElementRef | undefined;
    await until(
      async () => (found = (await this.all())[0]) !== undefined,
      () =>
        `no element matches ${this.description}` +
        (this.seen.length ? ` (names seen: ${this.seen.map((s) => JSON.stringify(s)).join(', ')})` : ''),
      5_000,
    );
    return found!;
  }

  private async el(path: string): Promise<string> {
    return `/element/${(await this.first())[ELEMENT]}${path}`;
  }

  find(query: Query): Locator {
    return new WebDriverLocator(this.session, query, this);
  }
  async count() {
    return (await this.all()).length;
  }
  async waitFor(timeoutMs = 10_000) {
    await until(async () => (await this.all()).length > 0, `waiting for ${this.description}`, timeoutMs);
  }
  async click() {
    // WebKitWebDriver's own scrolling leaves an element at the viewport's bottom edge, and there its click
    // reaches nothing (no event fires, no error either): bring it to the middle first, as a reader would.
    const el = await this.first();
    await this.session.execute("arguments[0].scrollIntoView({ block: 'center' })", [el]);
    await this.session.call('POST', `/element/${el[ELEMENT]}/click`);
  }
  async fill(value: string) {
    // Select what is there and type over it, as a reader would; an empty value is a Backspace over the selection.
    // (select() does not apply to number fields; the focused suite fills text fields only.)
    const el = await this.first();
    await this.session.execute('arguments[0].focus(); arguments[0].select();', [el]);
    await this.session.call('POST', `/element/${el[ELEMENT]}/value`, { text: value === '' ? '\uE003' : value });
  }

  async focus() {
    await this.session.execute('arguments[0].focus()', [await this.first()]);
  }
  async scrollIntoView() {
    await this.session.execute("arguments[0].scrollIntoView({ block: 'center' })", [await this.first()]);
  }
  textContent() {
    return this.evaluate((el) => el.textContent ?? '');
  }
  innerText() {
    return this.evaluate((el) => (el as HTMLElement).innerText);
  }
  attribute(name: string) {
    return this.evaluate((el, n) => el.getAttribute(n), name);
  }
  inputValue() {
    return this.evaluate((el) => (el as HTMLInputElement).value);
  }
  async isVisible() {
    const [el] = await this.all();
    return el !== undefined && this.session.call<boolean>('GET', `/element/${el[ELEMENT]}/displayed`);
  }
  async isEnabled() {
    return this.session.call<boolean>('GET', await this.el('/enabled'));
  }
  async isChecked() {
    return this.session.call<boolean>('GET', await this.el('/selected'));
  }
  async evaluate<T, A = undefined>(fn: (el: Element, arg: A) => T, arg?: A): Promise<T> {
    return this.session.execute<T>(`return (${fn.toString()})(arguments[0], arguments[1])`, [
      await this.first(),
      arg ?? null,
    ]);
  }
}

class WebDriverPage implements EnginePage {
  private readonly session: Session;
  private readonly server: ServerLog;
  private readonly onClose: () => void;

  constructor(session: Session, server: ServerLog, onClose: () => void) {
    this.session = session;
    this.server = server;
    this.onClose = onClose;
  }

  find(query: Query): Locator {
    return new WebDriverLocator(this.session, query);
  }
  async goto(url: string) {
    await this.session.call('POST', '/url', { url });
  }
  async reload() {
    await this.session.call('POST', '/refresh');
  }
  url() {
    return this.session.call<string>('GET', '/url');
  }
  async press(key: Key) {
    const keys = key.split(/\+(?=.)/).map((k) => KEYS[k] ?? k);
    await this.session.keys(keys);
  }
  async type(text: string) {
    for (const char of text) await this.session.keys([char]);
  }
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T> {
    return this.session.execute<T>(`return (${fn.toString()})(arguments[0])`, [arg ?? null]);
  }
  async axe() {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await this.session.execute(`${source}; return true;`);
    return this.session.call<string[]>('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } }).then((r) => done(r.violations.map((v) =>
          v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | '))));`,
      args: [AXE_TAGS],
    });
  }
  async problems() {
    await new Promise((r) => setTimeout(r, 300));
    return this.server.takeProblems();
  }
  async requests() {
    // The engine drives one page at a time, so what reached the server meanwhile is this page's.
    return this.server.takeRequests();
  }
  async close() {
    // One session serves every test: forget what this page stored, then leave it.
    await this.session.execute('localStorage.clear(); sessionStorage.clear();').catch(() => {});
    await this.session.call('POST', '/url', { url: 'about:blank' });
    this.onClose();
  }
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver under xvfb-run: one driver process and one session. */
export class WebKitEngine implements Engine {
  readonly cannot: ReadonlySet<EngineLimit> = new Set(['no-javascript', 'dark-system-theme']);
  private driver: ChildProcess | undefined;
  private session: Session | undefined;
  private pageOpen = false;

  readonly name: string;
  private readonly driverPath: string;
  private readonly server: ServerLog;

  constructor(name: string, driverPath: string, server: ServerLog) {
    this.name = name;
    this.driverPath = driverPath;
    this.server = server;
  }

  private async start(): Promise<Session> {
    if (this.session) return this.session;
    const port = await freePort();
    // Its own process group, so close() ends xvfb-run, Xvfb, the driver and MiniBrowser together.
    this.driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', this.driverPath, `--port=${port}`], {
      detached: true,
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    await until(
      async () => (await fetch(`${base}/status`)).ok,
      `WebKitWebDriver did not start on port ${port}`,
      20_000,
    );
    const response = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        capabilities: {
          alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation'] } },
        },
      }),
    });
    const created = (await response.json()) as { value: { sessionId?: string; message?: string } };
    if (!created.value.sessionId)
      throw new Error(`WebKitWebDriver could not start MiniBrowser: ${created.value.message}`);
    this.session = new Session(base, created.value.sessionId);
    await this.session.call('POST', '/window/rect', { width: 1280, height: 900 });
    return this.session;
  }

  async open(url: string, options: OpenOptions = {}): Promise<EnginePage> {
    if (options.javaScript === false || options.theme === 'dark')
      throw new Error(`${this.name} cannot be opened with ${JSON.stringify(options)} (see engine.cannot)`);
    if (this.pageOpen) throw new Error('WebKitEngine drives one page at a time: close the last one first.');
    const session = await this.start();
    if (options.viewport) await session.call('POST', '/window/rect', options.viewport);
    this.pageOpen = true;
    this.server.takeProblems();
    this.server.takeRequests();
    const page = new WebDriverPage(session, this.server, () => (this.pageOpen = false));
    await page.goto(url);
    return page;
  }

  async close(): Promise<void> {
    await this.session?.call('DELETE', '').catch(() => {});
    if (this.driver?.pid) {
      try {
        process.kill(-this.driver.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    this.session = undefined;
  }
}
