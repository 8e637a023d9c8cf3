import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { CHROMIUM_ARGS, findBrowser } from '../../src/diagrams/find-browser.ts';
import { readSettings } from '../../src/settings.ts';
import { axeViolations, launch, openPage } from '../support/browser.ts';
import {
  API_OK,
  API_REQUEST,
  CODE_FLOW,
  GRANT_PAGES,
  HAPPY_PATHS,
  SEND,
  TAMPERS,
  type Act,
  type Tamper,
} from '../support/playground-scenarios.ts';

const siteUrl = inject('siteUrl');
const dist = process.env['E2E_DIST'] ?? 'dist';
const PLAYGROUND = `${siteUrl}playground/`;
/** The playground's own JavaScript (everything it loads but Preact), gzip: under 20 KB (issue 14). */
const BUDGET_GZIP = 20_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const startButton = (page: Page) => button(page, 'Start the playground');
const nextHeading = (page: Page) => page.getByRole('heading', { name: /^Next: / });
const step = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Step ${n}: `) });
const stepCount = (page: Page) => page.getByRole('heading', { name: /^Step \d+: / }).count();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

interface Opened {
  page: Page;
  errors: string[];
  /** Every request the page made after the playground had loaded. */
  requests: string[];
}

/** Opens a page with a playground, presses Start and waits for the first move; from then on records requests. */
async function openPlayground(url = PLAYGROUND): Promise<Opened> {
  const { page, errors } = await openPage(browser, url);
  const start = startButton(page);
  await start.scrollIntoViewIfNeeded();
  await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);
  await start.click();
  await nextHeading(page).waitFor({ timeout: 15_000 });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, errors, requests };
}

/** The scenario shown in a shared link starts by itself; waits for it. */
async function openShared(url: string): Promise<Opened> {
  const { page, errors } = await openPage(browser, url);
  await nextHeading(page).waitFor({ timeout: 15_000 });
  // Every page loads the site's header script on the reader's first input (src/scripts/site-ui.ts); a shared link
  // starts without one, so move the pointer first, as Start's click does in openPlayground, and record after it.
  await page.mouse.move(5, 5);
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, errors, requests };
}

/** Waits until a restart has finished: the control shows the new choice and the playground is no longer busy. */
async function settled(page: Page, chosen: () => Promise<boolean>): Promise<void> {
  await expect.poll(chosen).toBe(true);
  await expect.poll(() => page.locator('.playground__app').getAttribute('aria-busy')).toBe('false');
  expect(await stepCount(page)).toBe(0);
}

/** Does it by role and label, then checks that focus moved to the new step's heading and the step was announced. */
async function act(page: Page, action: Act): Promise<void> {
  const before = await stepCount(page);
  if ('grant' in action) {
    await page.getByRole('radio', { name: action.grant, exact: true }).click();
    await settled(page, () => page.getByRole('radio', { name: action.grant, exact: true }).isChecked());
    return;
  }
  if ('legacy' in action) {
    const legacy = page.getByRole('checkbox', { name: /^Run the server as RFC 6749 defined it/ });
    await legacy.click();
    await settled(page, () => legacy.isChecked());
    return;
  }
  if ('instead' in action) {
    await button(page.getByRole('group', { name: 'Other moves' }), action.instead).click();
    await expect.poll(() => nextHeading(page).innerText()).toBe(`Next: ${action.instead}`);
  }
  if ('fill' in action)
    for (const [name, value] of Object.entries(action.fill)) await page.getByLabel(name, { exact: true }).fill(value);
  if ('wait' in action) {
    await page.getByLabel('Seconds to advance the simulated clock').fill(String(action.wait));
    await button(page, 'Advance the clock').click();
  } else if ('press' in action && action.press !== undefined) {
    await button(page, action.press).click();
  } else if ('instead' in action) {
    return;
  } else {
    await button(page, 'Send').click();
  }
  const n = before + 1;
  await step(page, n).waitFor();
  await expect.poll(() => focusedText(page)).toMatch(new RegExp(`^Step ${n}: `));
  await expect
    .poll(() => page.locator('.playground').getByRole('status').last().innerText())
    .toMatch(new RegExp(`^Step ${n}: `));
}

async function run(page: Page, actions: readonly Act[]): Promise<Locator> {
  for (const action of actions) await act(page, action);
  return step(page, await stepCount(page));
}

/** The wire text of a step's request or response block. */
const wire = (region: Locator, label: 'Request' | 'Response') => region.getByLabel(label, { exact: true }).innerText();

/** The last step of a happy path: the client's call to the API and the API's 200. */
async function expectApiOk(last: Locator): Promise<void> {
  expect(await wire(last, 'Request')).toMatch(API_REQUEST);
  expect(await wire(last, 'Response')).toMatch(API_OK);
}

/** The last step of a tampering: the model's answer and the link to the rule it cites. */
async function expectAnswer(last: Locator, { shows, cite, href }: Tamper): Promise<void> {
  expect(await last.innerText()).toMatch(shows);
  expect(await last.getByRole('link', { name: cite, exact: true }).getAttribute('href')).toBe(href);
}

async function expectClean({ page, errors, requests }: Opened): Promise<void> {
  expect(errors, 'console errors or CSP violations').toEqual([]);
  expect(requests, 'network requests after the playground loaded').toEqual([]);
  await page.context().close();
}

describe('the flow playground on /playground/', () => {
  test('the page says what the playground is and that nothing leaves the page, and loads its code only on Start', async () => {
    const { page, errors } = await openPage(browser, PLAYGROUND);
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await expect(page.getByRole('heading', { name: 'Flow playground', level: 2 }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Nothing leaves this page/).isVisible()).resolves.toBe(true);
    const start = startButton(page);
    await start.scrollIntoViewIfNeeded();
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(loaded.filter((u) => /PlaygroundApp/.test(u))).toEqual([]);
    await start.click();
    await nextHeading(page).waitFor();
    expect(loaded.filter((u) => /PlaygroundApp/.test(u))).toHaveLength(1);
    await expect.poll(() => focusedText(page)).toBe('Next: Authorization request');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test.each(HAPPY_PATHS)('%s runs to a 200 from the API', async (grant, actions) => {
    const opened = await openPlayground();
    await expectApiOk(await run(opened.page, [{ grant }, ...actions]));
    await expectClean(opened);
  });

  test('with openid, the token response carries an ID token decoded beside it and verified against the JWKS', async () => {
    const opened = await openPlayground();
    const redeem = await run(opened.page, [...CODE_FLOW, SEND]);
    const token = /"id_token": "([\w-]+\.[\w-]+\.[\w-]+)"/.exec(await wire(redeem, 'Response'))![1]!;
    await expect(
      redeem.getByText(/the RS256 signature verifies against the playground’s JWKS/).isVisible(),
    ).resolves.toBe(true);
    const claims = JSON.parse(await redeem.getByLabel('ID token claims, decoded').innerText());
    expect(claims).toMatchObject({ iss: 'https://auth.example.com', aud: 'photo-app', sub: 'user_5821' });
    await redeem.getByText(/^The playground’s JWKS/).click();
    const jwks = JSON.parse(await redeem.getByLabel('JWKS').innerText());
    // Check the signature here too, with Node's own crypto, against the JWKS the page shows.
    const { createPublicKey, verify } = await import('node:crypto');
    const [h, p, s] = token.split('.') as [string, string, string];
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
    await expectClean(opened);
  });
});

describe('tampering shows the model’s answer and the rule it cites', () => {
  test.each(TAMPERS)('$name', async (tamper) => {
    const opened = await openPlayground();
    const { grant, actions } = tamper;
    await expectAnswer(await run(opened.page, grant ? [{ grant }, ...actions] : actions), tamper);
    await expectClean(opened);
  });

  test('a wrong redirect_uri gets a page from the server, and the response has no Location', async () => {
    const opened = await openPlayground();
    const last = await run(opened.page, [TAMPERS[0]!.actions[0]!]);
    const response = await wire(last, 'Response');
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\nContent-Type: text\/html/);
    expect(response).not.toMatch(/^Location:/m);
    await expectClean(opened);
  });

  test('a wrong client secret gets WWW-Authenticate: Basic in the 401', async () => {
    const opened = await openPlayground();
    const last = await run(opened.page, [{ grant: 'Client Credentials' }, { fill: { client_secret: 'nope' } }]);
    expect(await wire(last, 'Response')).toMatch(
      /^HTTP\/1\.1 401 Unauthorized\nWWW-Authenticate: Basic realm="auth\.example\.com"$/m,
    );
    await expectClean(opened);
  });
});

describe('on a grant page, <Playground grant="…" /> runs that grant only', () => {
  const happyPath = (grant: string) => HAPPY_PATHS.find(([name]) => name === grant)![1];

  test.each(GRANT_PAGES)('/$path: $grant', async ({ path, grant, refusal }) => {
    const opened = await openPlayground(siteUrl + path);
    const { page } = opened;
    expect(await page.getByRole('heading', { name: `Try it: ${grant} in the playground`, level: 2 }).count()).toBe(1);
    expect(await page.getByRole('radio').count()).toBe(0);
    // The embed's heading is an h2, so its steps and next move are h3s, in order under it.
    expect(await nextHeading(page).evaluate((h) => h.tagName)).toBe('H3');
    if (refusal) await expectAnswer(await run(page, refusal.actions), refusal);
    else await expectApiOk(await run(page, happyPath(grant)));
    const id = path.split('/').at(-2)!;
    expect(await page.getByLabel('Link to this scenario').inputValue()).toMatch(
      new RegExp(`/${path}\\?playground=${id}\\.[\\w-]+\\.[\\w-]+#playground-run$`),
    );
    await expectClean(opened);
  });
});

describe('a scenario in the address bar', () => {
  test('the scenario link replays the grant, the steps and the field being edited, and keeps other parameters', async () => {
    const opened = await openPlayground(`${PLAYGROUND}?ref=a%20b&x=1`);
    await run(opened.page, [{ grant: 'Device Authorization (RFC 8628)' }, SEND, { press: 'Approve on the phone' }]);
    await opened.page.getByLabel('device_code', { exact: true }).fill('edited-device-code');
    const link = await opened.page.getByLabel('Link to this scenario').inputValue();
    expect(link).toMatch(/\/playground\/\?ref=a%20b&x=1&playground=device-code\.[\w-]+\.[\w-]+#playground-run$/);
    // The address bar is left alone, so the browser has no reason to fetch anything (its icon) again.
    expect(opened.page.url()).toBe(`${PLAYGROUND}?ref=a%20b&x=1`);
    const response = await wire(step(opened.page, 1), 'Response');
    await expectClean(opened);

    const shared = await openShared(link);
    expect(await stepCount(shared.page)).toBe(2);
    expect(await wire(step(shared.page, 1), 'Response')).toBe(response);
    expect(await shared.page.getByLabel('device_code', { exact: true }).inputValue()).toBe('edited-device-code');
    await act(shared.page, SEND);
    expect(await step(shared.page, 3).innerText()).toMatch(/400 invalid_grant: device_code edited-device-code/);
    await expectClean(shared);
  });

  test.each([
    [
      'a payload that is not the playground’s',
      '?playground=authorization-code-pkce.AAAAAAAAAAAA.PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg',
    ],
    [
      'a move the flow does not allow',
      `?playground=client-credentials.AAAAAAAAAAAA.${Buffer.from('{"m":[["redeem",{}]]}').toString('base64url')}`,
    ],
    ['markup', '?playground=client-credentials.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
  ])('a tampered link (%s) runs no script and starts the scenario over', async (_name, query) => {
    const { page, errors } = await openPage(browser, `${PLAYGROUND}${query}#playground-run`);
    const dialogs: string[] = [];
    page.on('dialog', (d) => dialogs.push(d.message()));
    await nextHeading(page).waitFor({ timeout: 15_000 });
    expect(await stepCount(page)).toBe(0);
    await expect(
      page.getByText('The scenario in this link could not be replayed, so the playground starts over.').isVisible(),
    ).resolves.toBe(true);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('accessibility and honesty', () => {
  test('a whole grant runs by keyboard alone, and axe finds nothing', async () => {
    const { page, errors } = await openPage(browser, PLAYGROUND);
    await startButton(page).scrollIntoViewIfNeeded();
    await expect.poll(() => startButton(page).isEnabled(), { timeout: 15_000 }).toBe(true);
    await startButton(page).focus();
    await page.keyboard.press('Enter');
    await nextHeading(page).waitFor();
    const press = async (name: string) => {
      for (let i = 0; i < 60 && (await focusedText(page)) !== name; i++) await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe(name);
      await page.keyboard.press('Enter');
    };
    await expect.poll(() => focusedText(page)).toBe('Next: Authorization request');
    for (const [name, n] of [
      ['Send', 1],
      ['Sign in and approve', 2],
      ['Deliver the redirect to the client', 3],
      ['Send', 4],
      ['Send', 5],
    ] as const) {
      await press(name);
      await expect.poll(() => focusedText(page)).toMatch(new RegExp(`^Step ${n}: `));
    }
    expect(await wire(step(page, 5), 'Response')).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('without Web Crypto (plain http on a host other than localhost) Start says why and how to fix it', async () => {
    const found = findBrowser({ CHROMIUM_PATH: readSettings().CHROMIUM_PATH });
    if (!found.found) throw new Error('no Chromium');
    const url = new URL(PLAYGROUND);
    const insecure = await chromium.launch({
      executablePath: found.executablePath,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP playground.test ${url.hostname}`],
    });
    try {
      const { page, errors } = await openPage(insecure, `http://playground.test:${url.port}${url.pathname}`);
      expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
      await startButton(page).scrollIntoViewIfNeeded();
      await expect.poll(() => startButton(page).isEnabled(), { timeout: 15_000 }).toBe(true);
      await startButton(page).click();
      expect(await page.getByRole('alert').innerText()).toBe(
        'Signing ID tokens and hashing PKCE verifiers needs Web Crypto, which browsers only offer on https:// pages or on localhost. This page was opened over plain http:// on another host: open it over https:// (or from localhost) to run the playground.',
      );
      expect(errors).toEqual([]);
    } finally {
      await insecure.close();
    }
  });
});

describe('size', () => {
  /** Scripts a file pulls in: static imports and Vite's preload lists (dynamic imports), all flat in _astro/. */
  /** The scripts `entry` loads, but not `framework`: Preact and Astro's renderer, shared by every island. */
  function closure(entry: string, framework: string): Set<string> {
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || file === framework || !existsSync(join(dist, '_astro', file))) continue;
      seen.add(file);
      for (const m of readFileSync(join(dist, '_astro', file), 'utf8').matchAll(
        /["'`](?:\.\/|_astro\/)?([\w.-]+\.js)["'`]/g,
      ))
        queue.push(m[1]!);
    }
    return seen;
  }

  test(`the playground's own JavaScript (everything it loads but Preact) stays under ${BUDGET_GZIP / 1000} KB gzip`, () => {
    const html = readFileSync(join(dist, 'playground', 'index.html'), 'utf8');
    const shell = /component-url="[^"]*\/_astro\/(PlaygroundShell\.[\w-]+\.js)"/.exec(html)?.[1];
    expect(shell, 'no PlaygroundShell island on /playground/').toBeDefined();
    // The island's renderer-url is the Preact chunk itself (src/integrations/chunks.ts).
    const framework = /renderer-url="[^"]*\/_astro\/([\w.-]+\.js)"/.exec(html)?.[1];
    expect(framework, 'no renderer-url on the PlaygroundShell island').toBeDefined();
    const files = [...closure(shell!, framework!)];
    expect(files.some((f) => f.startsWith('PlaygroundApp.'))).toBe(true);
    const sizes = files.map((f) => [f, gzipSync(readFileSync(join(dist, '_astro', f)), { level: 9 }).length] as const);
    const total = sizes.reduce((sum, [, gz]) => sum + gz, 0);
    const report = sizes.map(([f, gz]) => `  ${(gz / 1000).toFixed(1).padStart(5)} KB  ${f}`).join('\n');
    console.log(`playground JavaScript, gzip:\n${report}\n  ${(total / 1000).toFixed(1).padStart(5)} KB  total`);
    expect(total, report).toBeLessThan(BUDGET_GZIP);
  });
});
