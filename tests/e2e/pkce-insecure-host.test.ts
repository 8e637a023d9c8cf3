import { createHash } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { CHROMIUM_ARGS, findBrowser } from '../../src/diagrams/find-browser.ts';
import { readSettings } from '../../src/settings.ts';

/**
 * The calculator served over plain HTTP from a host that is not localhost (an S3 website endpoint, a preview on
 * the LAN): the page is not a secure context, so the browser offers no crypto.subtle. Chromium resolves the
 * made-up host name pkce.test to the local test server.
 */

const siteUrl = new URL(inject('siteUrl'));
const HOST = 'pkce.test';
const TOOL = `http://${HOST}:${siteUrl.port}${siteUrl.pathname}tools/pkce/`;

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const found = findBrowser({ CHROMIUM_PATH: readSettings().CHROMIUM_PATH });
  if (!found.found) throw new Error(`No Chromium for e2e tests. Looked for: ${found.looked.join(', ')}.`);
  browser = await chromium.launch({
    executablePath: found.executablePath,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(TOOL);
  // The island hydrates when visible; its controls are enabled once it has.
  await page.getByRole('button', { name: 'Generate', exact: true }).scrollIntoViewIfNeeded();
  await page.locator('.pkce[data-hydrated="true"]').waitFor({ timeout: 15_000 });
});
afterAll(() => browser?.close());

const challenge = () => page.getByRole('textbox', { name: 'Code challenge', exact: true });

describe(`the PKCE calculator at http://${HOST}/, not a secure context`, () => {
  test('is really outside a secure context: no crypto.subtle, but crypto.getRandomValues', async () => {
    expect(
      await page.evaluate(() => ({
        secure: window.isSecureContext,
        subtle: typeof globalThis.crypto?.subtle,
        random: typeof globalThis.crypto?.getRandomValues,
      })),
    ).toEqual({ secure: false, subtle: 'undefined', random: 'function' });
  });

  test('computes the RFC 7636 Appendix B challenge from its verifier', async () => {
    await page.getByRole('textbox', { name: 'Code verifier', exact: true }).fill(RFC_VERIFIER);
    await expect.poll(() => challenge().inputValue()).toBe(RFC_CHALLENGE);
  });

  test('Generate gives a verifier and its S256 challenge, and says so', async () => {
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const verifier = await page.getByRole('textbox', { name: 'Code verifier', exact: true }).inputValue();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => challenge().inputValue()).toBe(s256(verifier));
    await expect
      .poll(() => page.locator('.pkce [role="status"]').innerText())
      .toContain('Generated a 43-character code_verifier; the code challenge is updated.');
  });

  test('Check pair says Match for the Appendix B pair', async () => {
    const checker = page.getByRole('form', { name: 'Check a pair' });
    await checker.getByRole('textbox', { name: 'Verifier to check' }).fill(RFC_VERIFIER);
    await checker.getByRole('textbox', { name: 'Challenge to check' }).fill(RFC_CHALLENGE);
    await checker.getByRole('button', { name: 'Check pair' }).click();
    await expect.poll(() => checker.getByText('Match', { exact: true }).count(), { timeout: 5_000 }).toBe(1);
  });

  test('logs no error and no unhandled rejection', () => {
    expect(errors).toEqual([]);
  });
});
