import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, openPage } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const ARTICLE = 'api-auth/which-oauth-flow-to-use/';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Where focus is: "menu button", "menu: <link text>", "outside: <element>" or "nothing" (left the page). */
const focusIsAt = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing';
    if (el.id === 'menu-toggle') return 'menu button';
    if (el.closest('#sidebar')) return `menu: ${el.textContent?.trim()}`;
    return `outside: ${el.outerHTML.slice(0, 80)}`;
  });

describe('the mobile menu at 320 px, by keyboard', () => {
  test('keeps focus inside the open menu, and Escape closes it and returns focus to the menu button', async () => {
    const { page, errors } = await openPage(browser, siteUrl + ARTICLE, { viewport: { width: 320, height: 640 } });
    const button = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Site' });
    expect(await nav.isVisible()).toBe(false);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const links = await nav.getByRole('link').count();
    expect(links).toBeGreaterThan(3);

    const visited: string[] = [];
    for (let i = 0; i < links + 4; i++) {
      await page.keyboard.press('Tab');
      visited.push(await focusIsAt(page));
    }
    expect(visited.filter((where) => where.startsWith('outside'))).toEqual([]);
    // Every link of the menu is reached on the way round.
    expect(new Set(visited.filter((where) => where.startsWith('menu:'))).size).toBe(links);
    // Shift+Tab from the menu button goes back into the menu, not into the page behind it.
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsAt(page)).not.toMatch(/^outside/);

    await nav.getByRole('link').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await focusIsAt(page)).toBe('menu button');
    // Closed, the page is usable again.
    await page.keyboard.press('Tab');
    expect(await focusIsAt(page)).toMatch(/^outside/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
