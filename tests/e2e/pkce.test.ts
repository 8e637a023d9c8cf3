import { createHash } from 'node:crypto';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, launch, openPage } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const TOOL = `${siteUrl}tools/pkce/`;
const ARTICLE = `${siteUrl}api-auth/which-oauth-flow-to-use/`;

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const FORMULA = 'code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))';
const CLIPBOARD: BrowserContextOptions = { permissions: ['clipboard-read', 'clipboard-write'] };

const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const verifierField = (page: Page) => page.getByRole('textbox', { name: 'Code verifier', exact: true });
const challengeOutput = (page: Page) => page.getByRole('textbox', { name: 'Code challenge', exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const status = (page: Page) => page.locator('.pkce [role="status"]');
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Waits until the island has hydrated: its controls are server-rendered disabled and enabled by hydration. */
async function hydrated(page: Page): Promise<void> {
  const generate = button(page, 'Generate');
  await generate.scrollIntoViewIfNeeded();
  await expect.poll(() => generate.isEnabled(), { timeout: 15_000 }).toBe(true);
}

/** Opens a page, waits for the calculator to hydrate and returns the page with its console errors. */
async function openCalculator(url = TOOL, options: BrowserContextOptions = {}) {
  const opened = await openPage(browser, url, options);
  await hydrated(opened.page);
  return opened;
}

/** Text of every element a control's aria-describedby points at. */
const description = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/** Fills the main calculator with a verifier and waits for its challenge. */
async function enterVerifier(page: Page, verifier: string, challenge: string) {
  await verifierField(page).fill(verifier);
  await expect.poll(() => challengeOutput(page).inputValue()).toBe(challenge);
}

describe('the PKCE calculator on /tools/pkce/', () => {
  test('typing the RFC 7636 Appendix B verifier shows the Appendix B challenge and its steps', async () => {
    const { page, errors } = await openCalculator();
    await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
    await page.getByText('Show the steps', { exact: true }).click();
    const steps = page.locator('.pkce-steps__list');
    await expect(steps.innerText()).resolves.toContain('43 bytes');
    await expect(steps.innerText()).resolves.toContain(
      createHash('sha256').update(RFC_VERIFIER, 'ascii').digest('hex'),
    );
    await expect(steps.innerText()).resolves.toContain(RFC_CHALLENGE);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test.each([
    {
      input: `${RFC_VERIFIER.slice(0, 11)}+${RFC_VERIFIER.slice(12)}`,
      sentence: 'Character 12 is "+", which is not allowed in a code_verifier.',
    },
    { input: 'too-short', sentence: 'The code_verifier is 9 characters long; RFC 7636 requires 43 to 128.' },
    {
      input: `${RFC_VERIFIER} `,
      sentence: 'The code_verifier ends with white space; delete it before using the value.',
    },
  ])(
    'an invalid verifier ("$input") shows its sentence next to the field and an empty challenge',
    async ({ input, sentence }) => {
      const { page } = await openCalculator();
      await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
      const field = verifierField(page);
      await field.fill(input);
      await expect.poll(() => challengeOutput(page).inputValue()).toBe('');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await description(field)).toContain(sentence);
      const problem = page.getByText(sentence, { exact: true });
      const [fieldBox, problemBox] = [await field.boundingBox(), await problem.boundingBox()];
      expect(problemBox && fieldBox && problemBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(80);
      expect(await button(page, 'Copy code challenge').isDisabled()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Authorization URL' }).inputValue()).toBe('');
      // Correcting the value clears the problem.
      await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      await page.context().close();
    },
  );

  test('Generate gives a valid verifier of the chosen length (43, 64 and 128) and its challenge', async () => {
    const { page } = await openCalculator();
    for (const length of [43, 64, 128]) {
      await page.getByRole('spinbutton', { name: 'Verifier length' }).fill(String(length));
      await button(page, 'Generate').click();
      const verifier = await verifierField(page).inputValue();
      expect(verifier).toMatch(new RegExp(`^[A-Za-z0-9\\-._~]{${length}}$`));
      await expect.poll(() => challengeOutput(page).inputValue()).toBe(s256(verifier));
      await expect
        .poll(async () => (await status(page).innerText()).trim())
        .toBe(`Generated a ${length}-character code_verifier; the code challenge is updated.`);
    }
    const length = page.getByRole('spinbutton', { name: 'Verifier length' });
    await length.fill('200');
    await button(page, 'Generate').click();
    await expect.poll(() => length.getAttribute('aria-invalid')).toBe('true');
    expect(await description(length)).toBe('Choose a length from 43 to 128 characters.');
    await page.context().close();
  });

  test('choosing plain explains why not to, citing RFC 7636 sections 4.2 and 7.2', async () => {
    const { page } = await openCalculator();
    const methods = page.getByRole('radiogroup', { name: 'Challenge method' });
    expect(await methods.getByRole('radio', { name: 'S256' }).isChecked()).toBe(true);
    expect(await page.getByText('Avoid plain').count()).toBe(0);
    await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
    await methods.getByRole('radio', { name: 'plain' }).check();
    await expect.poll(() => challengeOutput(page).inputValue()).toBe(RFC_VERIFIER);
    expect(await page.getByText('Avoid plain').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'RFC 7636, section 4.2' }).getAttribute('href')).toBe(
      'https://www.rfc-editor.org/rfc/rfc7636#section-4.2',
    );
    expect(await page.getByRole('link', { name: 'section 7.2' }).getAttribute('href')).toBe(
      'https://www.rfc-editor.org/rfc/rfc7636#section-7.2',
    );
    await page.context().close();
  });

  test('the copy buttons copy the challenge, the URL-encoded authorization URL and the token request', async () => {
    const { page } = await openCalculator(TOOL, CLIPBOARD);
    await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
    await button(page, 'Copy code challenge').click();
    await expect.poll(() => clipboard(page)).toBe(RFC_CHALLENGE);
    await expect
      .poll(async () => (await status(page).innerText()).trim())
      .toBe('Copied the code challenge to the clipboard.');

    await page.getByRole('textbox', { name: 'client_id' }).fill('my app&x=1');
    await page.getByRole('textbox', { name: 'redirect_uri' }).fill('https://app.example.com/cb?a=1&b=2');
    await page.getByRole('textbox', { name: 'scope' }).fill('openid email');
    await button(page, 'Copy authorization URL').click();
    await expect.poll(async () => (await clipboard(page)).startsWith('https://auth.example.com/authorize?')).toBe(true);
    const url = new URL(await clipboard(page));
    const state = url.searchParams.get('state') ?? '';
    expect(state).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'my app&x=1',
      redirect_uri: 'https://app.example.com/cb?a=1&b=2',
      scope: 'openid email',
      state,
      code_challenge: RFC_CHALLENGE,
      code_challenge_method: 'S256',
    });

    await button(page, 'Copy token request').click();
    await expect.poll(async () => (await clipboard(page)).startsWith('curl ')).toBe(true);
    expect(await clipboard(page)).toBe(
      [
        "curl 'https://auth.example.com/oauth/token'",
        "--data-urlencode 'grant_type=authorization_code'",
        "--data-urlencode 'code=AUTHORIZATION_CODE'",
        "--data-urlencode 'redirect_uri=https://app.example.com/cb?a=1&b=2'",
        "--data-urlencode 'client_id=my app&x=1'",
        `--data-urlencode 'code_verifier=${RFC_VERIFIER}'`,
      ].join(' \\\n  '),
    );
    await page.context().close();
  });

  test('the pair checker says Match for a matching pair and Mismatch with the real challenge otherwise', async () => {
    const { page } = await openCalculator();
    const checker = page.getByRole('form', { name: 'Check a pair' });
    await checker.getByRole('textbox', { name: 'Verifier to check' }).fill(RFC_VERIFIER);
    await checker.getByRole('textbox', { name: 'Challenge to check' }).fill(RFC_CHALLENGE);
    await checker.getByRole('button', { name: 'Check pair' }).click();
    await checker.getByText('Match', { exact: true }).waitFor();
    expect(await checker.innerText()).toContain(RFC_CHALLENGE);
    await expect
      .poll(async () => (await status(page).innerText()).trim())
      .toBe('Match. With S256, this verifier produces the challenge you entered.');

    const wrong = `${RFC_CHALLENGE.slice(0, -1)}A`;
    await checker.getByRole('textbox', { name: 'Challenge to check' }).fill(wrong);
    expect(await checker.getByText('Match', { exact: true }).count()).toBe(0);
    await checker.getByRole('button', { name: 'Check pair' }).click();
    await checker.getByText('Mismatch', { exact: true }).waitFor();
    expect(await checker.locator('.pkce-verdict__value').innerText()).toBe(RFC_CHALLENGE);
    await expect
      .poll(async () => (await status(page).innerText()).trim())
      .toBe('Mismatch. With S256, this verifier produces a different challenge.');

    await checker
      .getByRole('radiogroup', { name: 'Method of the challenge to check' })
      .getByRole('radio', { name: 'plain' })
      .check();
    await checker.getByRole('textbox', { name: 'Challenge to check' }).fill(RFC_VERIFIER);
    await checker.getByRole('button', { name: 'Check pair' }).click();
    await checker.getByText('Match', { exact: true }).waitFor();
    await page.context().close();
  });

  test('no request leaves the site origin, and after load only the island modules arrive, none once it runs', async () => {
    const { page } = await openPage(browser, 'about:blank', CLIPBOARD);
    const requests: { url: string; afterLoad: boolean }[] = [];
    let loaded = false;
    page.on('load', () => (loaded = true));
    page.on('request', (r) => requests.push({ url: r.url(), afterLoad: loaded }));
    await page.goto(TOOL, { waitUntil: 'load' });
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    const beforeInteraction = requests.length;

    await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
    await button(page, 'Generate').click();
    await page.getByRole('radio', { name: 'plain' }).first().check();
    await page.getByText('Show the steps', { exact: true }).click();
    await button(page, 'Copy code challenge').click();
    await page
      .getByRole('textbox', { name: 'Authorization endpoint' })
      .fill('https://login.example.org/oauth2/authorize');
    await button(page, 'Copy authorization URL').click();
    await button(page, 'Copy token request').click();
    await page.getByRole('textbox', { name: 'Verifier to check' }).fill(RFC_VERIFIER);
    await page.getByRole('textbox', { name: 'Challenge to check' }).fill(RFC_CHALLENGE);
    await button(page, 'Check pair').click();
    await page.getByText('Match', { exact: true }).waitFor();
    await page.waitForTimeout(500);

    const origin = new URL(siteUrl).origin;
    expect(requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== origin)).toEqual([]);
    // After "load" only two things may be fetched, both from the site itself and both before any interaction:
    // the browser's own favicon request, and the island's modules, which client:visible loads once the
    // calculator scrolls into view (an IntersectionObserver callback, so usually just after "load").
    const afterLoad = requests.filter((r) => r.afterLoad).map((r) => r.url.slice(siteUrl.length));
    expect(afterLoad.filter((path) => path !== 'favicon.svg' && !/^_astro\/[^/]+\.js$/.test(path))).toEqual([]);
    // The reader's first input loads the header's own script (site-ui), a static file that carries nothing typed.
    const header = (url: string) => /^_astro\/site-ui-[\w-]+\.js$/.test(url.slice(siteUrl.length));
    expect(requests.slice(beforeInteraction).filter((r) => !header(r.url))).toEqual([]);
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
    await page.context().close();
  });

  test('without JavaScript the page shows the formula and the Appendix B example, and the controls are disabled', async () => {
    const { page } = await openPage(browser, TOOL, { javaScriptEnabled: false });
    const text = await page.locator('main').innerText();
    expect(text).toContain(FORMULA);
    expect(text).toContain(RFC_VERIFIER);
    expect(text).toContain(RFC_CHALLENGE);
    expect(text).toContain('The calculator needs JavaScript');
    expect(text).toContain('Everything runs in this page: nothing you type is sent anywhere or stored.');
    for (const control of [
      verifierField(page),
      button(page, 'Generate'),
      challengeOutput(page),
      button(page, 'Check pair'),
    ]) {
      expect(await control.isDisabled()).toBe(true);
    }
    expect(await challengeOutput(page).inputValue()).toBe('');
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)(
    'axe finds no violations in the %s theme after hydration, with problems, warnings and results shown',
    async (colorScheme) => {
      const { page } = await openCalculator(TOOL, { colorScheme });
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
      expect(await axeViolations(page)).toEqual([]);
      await verifierField(page).fill('not+valid');
      await page.getByRole('textbox', { name: 'Token endpoint' }).fill('token');
      expect(await axeViolations(page)).toEqual([]);
      await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
      await page.getByRole('radiogroup', { name: 'Challenge method' }).getByRole('radio', { name: 'plain' }).check();
      await page.getByText('Show the steps', { exact: true }).click();
      await page.getByRole('textbox', { name: 'Verifier to check' }).fill(RFC_VERIFIER);
      await page.getByRole('textbox', { name: 'Challenge to check' }).fill('wrong');
      await button(page, 'Check pair').click();
      await page.getByText('Mismatch', { exact: true }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  test('keyboard only: Tab reaches the verifier field, Generate and the copy button, each with a visible focus ring', async () => {
    const { page } = await openCalculator(TOOL, CLIPBOARD);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    const tabUntil = async (matches: (label: string) => boolean, limit: number) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (matches(await focused())) return;
      }
      throw new Error(`Tab did not reach the control within ${limit} presses; focus is on "${await focused()}"`);
    };
    const outline = () => page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);

    await tabUntil((f) => f === 'pkce-calculator-verifier', 80);
    expect(await outline()).not.toBe('none');
    await page.keyboard.type(RFC_VERIFIER);
    await expect.poll(() => challengeOutput(page).inputValue()).toBe(RFC_CHALLENGE);
    await tabUntil((f) => f === 'Generate', 3);
    expect(await outline()).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await verifierField(page).inputValue()) !== RFC_VERIFIER).toBe(true);
    const challenge = s256(await verifierField(page).inputValue());
    await expect.poll(() => challengeOutput(page).inputValue()).toBe(challenge);
    await tabUntil((f) => f === 'Copy code challenge', 4);
    expect(await outline()).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(challenge);
    await page.context().close();
  });
});

describe('the calculator in the article', () => {
  test('hydrates where it is embedded, under the native-app section, and computes the Appendix B challenge', async () => {
    const { page, errors } = await openPage(browser, ARTICLE);
    const heading = page.getByRole('heading', { name: 'PKCE calculator', level: 3 });
    expect(await heading.count()).toBe(1);
    expect(await button(page, 'Generate').isDisabled()).toBe(true);
    await hydrated(page);
    await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
