import type { Browser, BrowserContextOptions, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, openPage } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const ARTICLE = 'api-auth/which-oauth-flow-to-use/';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search the docs' });
const field = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search' });
const results = (page: Page) => dialog(page).getByRole('listitem');

/** Opens search with Ctrl+K and returns once the dialog shows. */
async function openSearch(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  await dialog(page).waitFor();
}

/** Searches and waits for the status line to report the outcome. */
async function search(page: Page, query: string): Promise<void> {
  await openSearch(page);
  await field(page).fill(query);
  await expect.poll(() => dialog(page).getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/for “/);
}

/**
 * Holds back the search dialog's script (search-ui) until `release` is called, as a slow network would: what a
 * reader types meanwhile must still count.
 */
async function holdSearchScript(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/search-ui\.[\w-]+\.js$/, async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('search', () => {
  test('runs a query typed before the search script has loaded', async () => {
    const { page, errors } = await openPage(browser, siteUrl + ARTICLE);
    const release = await holdSearchScript(page);
    await openSearch(page);
    await field(page).pressSequentially('PKCE');
    release();
    await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(dialog(page).getByRole('status').textContent()).resolves.toMatch(/results? for “PKCE”/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("Enter never reloads the page, so the quiz's answers stay in the address", async () => {
    const shared = `${siteUrl}${ARTICLE}?which-oauth-flow=yes#quiz-which-oauth-flow`;
    const { page } = await openPage(browser, shared);
    const release = await holdSearchScript(page);
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    await openSearch(page);
    await field(page).pressSequentially('PKCE');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(navigations).toBe(0);
    expect(page.url()).toBe(shared);
    release();
    await page.context().close();
  });

  test('reflows the dialog and its results at 320 px, so no excerpt is cut off', async () => {
    const phone: BrowserContextOptions = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
    const { page } = await openPage(browser, siteUrl + ARTICLE, phone);
    await search(page, 'authorization code');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    const box = await dialog(page).boundingBox();
    const viewport = await page.evaluate(() => ({
      width: window.innerWidth,
      layout: document.documentElement.clientWidth,
    }));
    expect(viewport.width).toBe(320);
    expect(box && box.x >= 0 && box.x + box.width <= 320, JSON.stringify(box)).toBe(true);
    const overflowing = await dialog(page).evaluate((d) =>
      [d, ...d.querySelectorAll('li, li *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()} ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
    await page.context().close();
  });

  test('shows in excerpts only text a reader sees on the page, never the hidden "Section titled" anchor text', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    await search(page, 'Is the Client the Resource Owner');
    const excerpts = await dialog(page).locator('li p').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    expect(excerpts.filter((text) => text.includes('Section titled'))).toEqual([]);
    await page.context().close();
  });

  test('finds text that appears only inside a diagram', async () => {
    // "Discard the …" is a note in the password grant's sequence diagram, and in none of the site's prose.
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    await search(page, 'Discard');
    const link = dialog(page).getByRole('link', { name: 'Resource Owner Password Credentials Grant' });
    await expect.poll(() => link.count()).toBe(1);
    await page.context().close();
  });
});
