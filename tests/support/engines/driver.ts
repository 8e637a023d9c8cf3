/**
 * One small page-driver interface over two very different automation protocols, so each reader flow is written
 * once and runs in every engine: Playwright over WebDriver BiDi for Firefox (playwright-driver.ts) and classic
 * WebDriver for WebKitGTK (webdriver-driver.ts). Elements are found the way a reader finds them: by role and
 * accessible name (each engine's own accessibility computation answers), by visible text, and only then by CSS.
 */

/** The ARIA roles the reader flows look for. */
export type Role =
  | 'button'
  | 'link'
  | 'heading'
  | 'textbox'
  | 'spinbutton'
  | 'radio'
  | 'checkbox'
  | 'group'
  | 'radiogroup'
  | 'region'
  | 'complementary'
  | 'navigation'
  | 'dialog'
  | 'status'
  | 'form'
  | 'img'
  | 'listitem';

/** How to find elements: by role and accessible name, by exact visible text, or by a CSS selector. */
export type Query = { role: Role; name?: string | RegExp; level?: number } | { text: string } | { css: string };

/** Keys the flows press, named as in Playwright and the UI Events KeyboardEvent.key values. */
export type Key = 'Tab' | 'Enter' | 'Space' | 'Escape' | 'ArrowRight' | '/' | 'Control+k';

/** Elements matching a query inside a page or inside another locator's first match; resolved on every call. */
export interface Locator {
  /** Elements matching `query` inside the first element of this locator. */
  find(query: Query): Locator;
  count(): Promise<number>;
  /** Waits until at least one element matches (default 10 s), failing with the query in the message. */
  waitFor(timeoutMs?: number): Promise<void>;
  click(): Promise<void>;
  /** Replaces the value of a text field, as a reader selecting all and typing would. */
  fill(value: string): Promise<void>;
  focus(): Promise<void>;
  /** Scrolls the element into the middle of the viewport (islands hydrate when they become visible). */
  scrollIntoView(): Promise<void>;
  textContent(): Promise<string>;
  innerText(): Promise<string>;
  attribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  isVisible(): Promise<boolean>;
  isEnabled(): Promise<boolean>;
  isChecked(): Promise<boolean>;
  /** Runs a function on the first matching element in the page; it must not close over anything. */
  evaluate<T, A = undefined>(fn: (el: Element, arg: A) => T, arg?: A): Promise<T>;
}

/** How a page is opened: the system colour scheme, scripting, and the viewport. */
export interface OpenOptions {
  theme?: 'light' | 'dark';
  javaScript?: boolean;
  viewport?: { width: number; height: number };
}

/** An open page in one engine. */
export interface EnginePage extends Pick<Locator, 'find'> {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Presses one key (or a chord like Control+k) on whatever has focus. */
  press(key: Key): Promise<void>;
  /** Types text into whatever has focus, key by key. */
  type(text: string): Promise<void>;
  /** Runs a function in the page; it must not close over anything. */
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
  /** axe-core's violations on the page as it is now, one line each (rule, impact, first targets). */
  axe(): Promise<string[]>;
  /** Console errors, uncaught errors and CSP violations since the page opened (or since the last call). */
  problems(): Promise<string[]>;
  /** URLs the page requested since it opened (or since the last call). */
  requests(): Promise<string[]>;
  close(): Promise<void>;
}

/** Something an engine's automation cannot set up. */
export type EngineLimit = 'no-javascript' | 'dark-system-theme';

/** What the test server saw while a page was open: its CSP reports and probe messages, and the URLs requested. */
export interface ServerLog {
  takeProblems(): string[];
  takeRequests(): string[];
}

/** A browser engine the reader flows run in. */
export interface Engine {
  /** "Firefox 153.8.0esr", "WebKitGTK 2.50.6". */
  readonly name: string;
  /** What this engine cannot be asked to do, so a flow can say why it is not run here. */
  readonly cannot: ReadonlySet<EngineLimit>;
  open(url: string, options?: OpenOptions): Promise<EnginePage>;
  close(): Promise<void>;
}

/** The axe-core rule tags every suite checks, Chromium (tests/support/browser.ts) included. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** A human-readable form of a query, for failure messages. */
export function describeQuery(query: Query): string {
  if ('role' in query)
    return `${query.role}${query.name === undefined ? '' : ` named ${String(query.name)}`}${query.level ? ` (level ${query.level})` : ''}`;
  if ('text' in query) return `text "${query.text}"`;
  return `css ${query.css}`;
}

/**
 * Polls until `check` returns true, or fails after `timeoutMs` with `message` (and the last error `check` threw);
 * a function as `message` is asked at the end, so it can say what the last poll saw.
 */
export async function until(
  check: () => Promise<boolean>,
  message: string | (() => string),
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `Timed out after ${timeoutMs} ms: ${typeof message === 'function' ? message() : message}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
