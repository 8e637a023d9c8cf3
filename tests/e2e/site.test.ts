import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, launch, openPage } from '../support/browser.ts';
import { mermaidScripts } from '../support/dist.ts';
import { builtPages } from '../support/measure.ts';

const siteUrl = inject('siteUrl');
const ARTICLE = 'api-auth/which-oauth-flow-to-use/';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/**
 * Switches a page that opened in the dark theme to the light one as a reader does: a click on the toggle, and a
 * light system setting to match a page that opened light. The pointer and focus then leave the toggle, and any
 * colour transition finishes, so axe sees the page at rest.
 */
async function switchToLight(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
  await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.mouse.move(0, page.viewportSize()!.height - 1);
  await toggle.blur();
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

describe('every page', () => {
  const pages = builtPages(process.env['E2E_DIST'] ?? 'dist');

  test('the build has the home page, the article, the six linked pages and the 404 page', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        '',
        ARTICLE,
        'api-auth/grant/client-credentials/',
        'api-auth/grant/authorization-code/',
        'api-auth/grant/authorization-code-pkce/',
        'api-auth/grant/implicit/',
        'api-auth/grant/password/',
        'api-auth/tutorials/silent-authentication/',
      ]),
    );
  });

  test('the build ships no Mermaid JavaScript, since every diagram was drawn at build time', () => {
    expect(mermaidScripts(process.env['E2E_DIST'] ?? 'dist')).toEqual([]);
  });

  // One load per page: checked as it opens in a dark system, then switched to light with the toggle and checked again.
  describe.each(pages)('/%s', (path) => {
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      ({ page, errors } = await openPage(browser, siteUrl + path, { colorScheme: 'dark' }));
      await page.waitForLoadState('networkidle');
    });
    afterAll(() => page?.context().close());

    test('loads with no console error, a title, a description and one h1', async () => {
      expect(errors).toEqual([]);
      await expect(page.title()).resolves.not.toBe('');
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/.{20,}/);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    });

    test('has no axe-core violations in the dark theme, which it takes from the system', async () => {
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await axeViolations(page)).toEqual([]);
    });

    test('has no axe-core violations in the light theme, once the toggle switches to it', async () => {
      await switchToLight(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  test('an unknown address gets the 404 page with a way back', async () => {
    const { page } = await openPage(browser, `${siteUrl}no/such/page/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await expect(page.getByRole('link', { name: 'Home' }).first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});

describe('the article without JavaScript', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(browser, siteUrl + ARTICLE, { javaScriptEnabled: false }));
  });
  afterAll(() => page.context().close());

  test('shows every heading of the seed article', async () => {
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Which OAuth 2.0 flow should I use?',
    );
    const h2 = await page.locator('.prose').getByRole('heading', { level: 2 }).allTextContents();
    expect(h2).toEqual(
      expect.arrayContaining([
        'Is the Client the Resource Owner?',
        'Is the Client a web app executing on the server?',
        'Is the Client absolutely trusted with user credentials?',
        'Is the Client a native app or a SPA?',
      ]),
    );
  });

  test('contains every sentence of the seed article, word for word', async () => {
    const seed = readFileSync('tests/fixtures/which-oauth-flow.seed.md', 'utf8').split('---').slice(2).join('---');
    const plain = (text: string) =>
      text
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // the flowchart image, replaced by the Mermaid flowchart
        .replace(/<%=[^%]*%>/g, '') // the include, replaced by the pipeline partial
        .replace(/^:::.*$/gm, '')
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .replace(/\*\*|__|`/g, '')
        .replace(/^#+ |^- /gm, '');
    const rendered = (await page.locator('main').innerText())
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, ' ');
    const sentences = plain(seed)
      .split(/\n\s*\n|\n(?=\S)/)
      .flatMap((paragraph) =>
        paragraph
          .replace(/\s+/g, ' ')
          .trim()
          .split(/(?<=[.?!:])\s+(?=[A-Z])/),
      )
      .filter((sentence) => sentence.length > 0);
    expect(sentences.length).toBeGreaterThan(40);
    expect(sentences.filter((sentence) => !rendered.includes(sentence))).toEqual([]);
  });

  test('shows both panels as labelled asides, and the pipeline note', async () => {
    for (const name of [
      'Quick refresher - OAuth 2.0 terminology',
      'SPAs and Refresh Tokens',
      'Which authorization pipeline this article assumes',
    ]) {
      const panel = page.getByRole('complementary', { name });
      await expect(panel.isVisible()).resolves.toBe(true);
      await expect(panel.getByRole('heading', { name }).count()).resolves.toBe(1);
    }
  });

  test('shows the flowchart as an inline SVG with every question and outcome as text', async () => {
    const figure = page.locator('figure#decision-tree-which-oauth-flow');
    const svg = figure.locator('svg');
    await expect(svg.count()).resolves.toBe(1);
    await expect(svg.getAttribute('role')).resolves.toBe('img');
    const text = (await svg.textContent())?.replace(/\s+/g, ' ') ?? '';
    for (const label of [
      'Is the Client the Resource Owner?',
      'Is the Client a web app executing on the server?',
      'Is the Client absolutely trusted with user credentials?',
      'Is the Client a native app or a SPA?',
      'Client Credentials Grant',
      'Authorization Code Grant',
      'Resource Owner Password Credentials Grant',
      'Authorization Code Grant with PKCE',
      'Implicit Grant',
    ]) {
      expect(text.replace(/\s/g, '')).toContain(label.replace(/\s/g, ''));
    }
    await expect(figure.locator('figcaption').textContent()).resolves.toMatch(/\w{10,}/);
    await expect(page.getByRole('img', { name: 'Which OAuth 2.0 flow should I use?' }).isVisible()).resolves.toBe(true);
  });

  test('loads no script other than the theme script and the islands', async () => {
    const sources = await page
      .locator('script[src]')
      .evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src')));
    expect(sources.filter((s) => s && /mermaid/i.test(s))).toEqual([]);
  });

  test('keeps the sidebar navigation reachable on a phone', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.getByRole('navigation', { name: 'Site' }).isVisible()).resolves.toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('layout stability', () => {
  test.each([412, 1280])(
    'scrolling through the article at %i px moves nothing as the islands hydrate',
    async (width) => {
      const { page } = await openPage(browser, 'about:blank', { viewport: { width, height: 823 } });
      await page.addInitScript(() => {
        const w = window as unknown as { shift: number };
        w.shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) w.shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(siteUrl + ARTICLE);
      const height = await page.evaluate(() => document.body.scrollHeight);
      for (let y = 0; y < height; y += 400) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(50);
      }
      await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
      await page.context().close();
    },
  );
});

describe('diagrams on a phone', () => {
  test('keep their text legible and scroll sideways inside their figure, with the keyboard too', async () => {
    const pages = builtPages(process.env['E2E_DIST'] ?? 'dist').filter((p) => !p.endsWith('.html'));
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    let scrolled = 0;
    for (const path of pages) {
      await page.goto(siteUrl + path);
      const diagrams = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('figure.diagram svg[role="img"]')].map((svg) => ({
          name: svg.getAttribute('aria-label'),
          scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
          scrolls: svg.parentElement!.scrollWidth > svg.parentElement!.clientWidth,
        })),
      );
      for (const d of diagrams) {
        // Mermaid draws text at 15 to 16 px: at three quarters of that or more it stays readable.
        expect(d.scale, `${d.name} on /${path}`).toBeGreaterThanOrEqual(0.74);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `/${path} scrolls sideways`).toBe(375);
      const wide = page.locator('.diagram__scroll', { has: page.locator('svg') }).first();
      if (diagrams.some((d) => d.scrolls)) {
        await wide.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => wide.evaluate((el) => el.scrollLeft), { message: `/${path}` }).toBeGreaterThan(0);
        scrolled++;
      }
    }
    expect(scrolled, 'no diagram was wider than a phone: the scrolling check ran on nothing').toBeGreaterThan(0);
    await context.close();
  });
});

describe('links in the article', () => {
  test('every link resolves to a page of the site, or points to a specification', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const origin = new URL(siteUrl).origin;
    const internal = [...new Set(hrefs.filter((h) => h.startsWith(origin)))];
    expect(internal.length).toBeGreaterThan(5);
    for (const href of internal) {
      const url = new URL(href);
      const response = await page.request.get(url.origin + url.pathname);
      expect(response.status(), href).toBe(200);
      if (url.hash) {
        const target = await openPage(browser, href);
        expect(await target.page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), href).toBe(1);
        await target.page.context().close();
      }
    }
    const external = hrefs.filter((h) => !h.startsWith(origin));
    for (const href of external)
      expect(new URL(href).hostname, href).toMatch(/(^|\.)(rfc-editor\.org|openid\.net|ietf\.org)$/);
    await page.context().close();
  });
});

describe('the theme toggle', () => {
  test('starts from the system setting, switches, shows the matching diagram, and remembers the choice', async () => {
    const { page, errors } = await openPage(browser, siteUrl + ARTICLE, { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    // The flowchart's question boxes take their fill from the theme's styles inside the SVG.
    const nodeFill = () =>
      page
        .locator('#decision-tree-which-oauth-flow svg g.node polygon')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
    const lightFill = await nodeFill();
    await toggle.click();
    // The header's script loads on the first input and then handles it.
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const darkFill = await nodeFill();
    expect(darkFill).not.toBe(lightFill);
    // Darker than the light fill: sum of RGB channels.
    const lum = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + Number(b), 0);
    expect(lum(darkFill)).toBeLessThan(lum(lightFill));
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('applies a stored theme before first paint, so the wrong theme never flashes', async () => {
    const { page } = await openPage(browser, 'about:blank', { colorScheme: 'light' });
    await page.goto(siteUrl);
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    // Read the theme from the first script that runs after the inline theme script, before the body exists.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { firstTheme: string | undefined }).firstTheme =
            document.documentElement.dataset['theme'];
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(siteUrl + ARTICLE);
    await expect(page.evaluate(() => (window as unknown as { firstTheme: string }).firstTheme)).resolves.toBe('dark');
    await page.context().close();
  });
});

describe('keyboard use', () => {
  test('Tab reaches the skip link first, and it moves focus to the content', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.context().close();
  });

  test.each([
    ['desktop', 1280],
    ['phone', 375],
  ])('Tab reaches every visible link and button on the article (%s)', async (_, width) => {
    const { page } = await openPage(browser, siteUrl + ARTICLE, { viewport: { width, height: 900 } });
    // Hydrate every island first (they hydrate when visible), so the elements counted are the ones a reader tabs through.
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const total = await page.evaluate(() => {
      const all = [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
        ),
      ];
      all.forEach((el, i) => (el.dataset['kb'] = String(i)));
      // A radio group is one Tab stop (arrow keys move inside it): only its checked radio must be reached.
      const outOfTabOrder = (el: HTMLElement) => el instanceof HTMLInputElement && el.type === 'radio' && !el.checked;
      return all
        .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled && !outOfTabOrder(el))
        .map((el) => el.dataset['kb']);
    });
    const reached = new Set<string>();
    for (let i = 0; i < total.length + 20; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['kb']);
      if (id) reached.add(id);
    }
    const missed = total.filter((id) => id && !reached.has(id));
    const described = await page.evaluate(
      (ids) => ids.map((id) => document.querySelector(`[data-kb="${id}"]`)?.outerHTML.slice(0, 160)),
      missed,
    );
    expect(described).toEqual([]);
    await page.context().close();
  });

  test('the mobile menu opens with the keyboard and closes with Escape', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE, { viewport: { width: 375, height: 800 } });
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Site' });
    await expect(nav.isVisible()).resolves.toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    // The header's script loads on the first input and then handles it.
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    await expect(nav.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(nav.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('menu-toggle');
    await page.context().close();
  });
});

describe('code blocks', () => {
  test('have a copy button that copies the code', async () => {
    const { page } = await openPage(browser, `${siteUrl}api-auth/grant/client-credentials/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
    const first = page.locator('pre.astro-code').first();
    await page.getByRole('button', { name: 'Copy code to clipboard' }).first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe((await first.innerText()).trim());
    await expect(page.getByRole('status').textContent()).resolves.toBe('Code copied to clipboard');
    await page.context().close();
  });

  test('are not given a copy script on pages without code, such as the article', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('button', { name: 'Copy code to clipboard' }).count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe('headings', () => {
  test('have anchor links that name their section', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    const anchor = page.getByRole('link', { name: 'Section titled Is the Client the Resource Owner?' });
    await expect(anchor.getAttribute('href')).resolves.toBe('#is-the-client-the-resource-owner');
    await page.context().close();
  });

  test('are listed in the on-page table of contents', async () => {
    const { page } = await openPage(browser, siteUrl + ARTICLE);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(
      toc.getByRole('link', { name: 'Is the Client a native app or a SPA?' }).getAttribute('href'),
    ).resolves.toBe('#is-the-client-a-native-app-or-a-spa');
    await page.context().close();
  });
});
