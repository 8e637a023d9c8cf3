import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, launch, openPage } from '../support/browser.ts';
import { ARTICLE_ROUTES, TODAY_ROUTES } from '../support/quiz-routes.ts';

const siteUrl = inject('siteUrl');
const ARTICLE = 'api-auth/which-oauth-flow-to-use/';
const TODAY = 'which-flow-today/';
const FIRST_QUESTION = 'Is the Client the Resource Owner?';
const SECOND_QUESTION = 'Is the Client a web app executing on the server?';

let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launch();
});

// Each test's pages close when it ends: left open, forty-odd hydrated pages would share two cores with the rest.
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.context().close()));
});
afterAll(() => browser?.close());

/** Opens a page, scrolls the quiz into view (it hydrates when visible) and waits for its first heading. */
async function openQuiz(path: string, options: BrowserContextOptions = {}) {
  const { page, errors } = await openPage(browser, `${siteUrl}${path}`, options);
  pages.push(page);
  const quiz = page.getByRole('region', { name: /^Find your grant/ });
  await quiz.scrollIntoViewIfNeeded();
  await quiz.getByRole('heading', { level: 3 }).first().waitFor();
  return { page, errors, quiz };
}

/** Clicks each answer by its accessible name, waiting for the next question (or the result) each time. */
async function answerAll(quiz: Locator, answers: readonly string[]): Promise<void> {
  const heading = quiz.getByRole('heading', { level: 3 });
  for (const label of answers) {
    const before = await heading.textContent();
    await quiz.getByRole('button', { name: label, exact: true }).click();
    await expect.poll(() => heading.textContent()).not.toBe(before);
  }
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Focus moves after the render, so wait for it. */
async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => isFocused(locator)).toBe(true);
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** Highlighted node groups and edge paths in the flowchart drawing (one SVG serves both themes). */
async function highlighted(page: Page, treeId: string) {
  const svg = page.locator(`#decision-tree-${treeId} svg`);
  return { nodes: await svg.locator('g.node.is-on-path').count(), edges: await svg.locator('path.is-on-path').count() };
}

describe('the grant quiz on the article page', () => {
  test.each(ARTICLE_ROUTES.map((r) => ({ ...r, route: r.answers.join(', ') })))(
    'answering $route names the $grant, links to its page and highlights the path',
    async (route) => {
      const { page, quiz, errors } = await openQuiz(ARTICLE);
      await answerAll(quiz, route.answers);

      const result = quiz.getByRole('heading', { level: 3, name: route.grant, exact: true });
      await result.waitFor();
      expect(await quiz.getByRole('link', { name: `Read the ${route.grant} page` }).getAttribute('href')).toBe(
        route.page,
      );

      const guidance = quiz.getByRole('complementary', { name: 'Current guidance' });
      if (route.guidance) {
        expect(await guidance.count()).toBe(1);
        expect(await guidance.getByRole('link', { name: route.guidance }).getAttribute('href')).toMatch(
          /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc9700#section-/,
        );
      } else {
        expect(await guidance.count()).toBe(0);
      }

      await expect
        .poll(() => highlighted(page, 'which-oauth-flow'))
        .toEqual({ nodes: route.answers.length + 1, edges: route.answers.length });
      await expect.poll(() => param(page, 'which-oauth-flow')).toBe(route.encoded);
      expect(errors).toEqual([]);
    },
  );

  test('the step indicator counts the questions, and each answer moves focus to the next question heading', async () => {
    const { page, quiz } = await openQuiz(ARTICLE);
    expect(await quiz.getByText('Question 1 of up to 4').count()).toBe(1);
    await answerAll(quiz, ['No']);
    expect(await quiz.getByText('Question 2 of up to 4').count()).toBe(1);
    await expectFocused(quiz.getByRole('heading', { level: 3, name: SECOND_QUESTION }));
    await answerAll(quiz, ['No', 'No', 'Native app']);
    await expectFocused(quiz.getByRole('heading', { level: 3, name: 'Authorization Code Grant with PKCE' }));
    await expect.poll(() => highlighted(page, 'which-oauth-flow')).toEqual({ nodes: 5, edges: 4 });
  });

  test('the result is announced in a polite live region, and only the result', async () => {
    const { quiz } = await openQuiz(ARTICLE);
    const status = quiz.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await answerAll(quiz, ['No']);
    expect((await status.textContent())?.trim()).toBe('');
    await answerAll(quiz, ['Yes']);
    expect((await status.textContent())?.trim()).toBe('Result: Authorization Code Grant.');
    await quiz.getByRole('button', { name: 'Back' }).click();
    expect((await status.textContent())?.trim()).toBe('');
    await answerAll(quiz, ['No', 'No', 'SPA']);
    expect(await status.textContent()).toMatch(/^Result: Implicit Grant\. .*current-guidance note/);
  });

  test('Back returns to the previous question and shortens the highlighted path', async () => {
    const { page, quiz } = await openQuiz(ARTICLE);
    await answerAll(quiz, ['No', 'No']);
    await expect.poll(() => highlighted(page, 'which-oauth-flow')).toEqual({ nodes: 3, edges: 2 });
    await quiz.getByRole('button', { name: 'Back' }).click();
    const question = quiz.getByRole('heading', { level: 3, name: SECOND_QUESTION });
    await expectFocused(question);
    await expect.poll(() => highlighted(page, 'which-oauth-flow')).toEqual({ nodes: 2, edges: 1 });
    await expect.poll(() => param(page, 'which-oauth-flow')).toBe('no');
  });

  test('Start over returns to the first question and clears the highlight and the URL', async () => {
    const { page, quiz } = await openQuiz(ARTICLE);
    await answerAll(quiz, ['No', 'No', 'Yes']);
    await quiz.getByRole('button', { name: 'Start over' }).click();
    await expectFocused(quiz.getByRole('heading', { level: 3, name: FIRST_QUESTION }));
    await expect.poll(() => highlighted(page, 'which-oauth-flow')).toEqual({ nodes: 0, edges: 0 });
    expect(
      await page
        .locator('#decision-tree-which-oauth-flow .is-on-path, #decision-tree-which-oauth-flow .is-current')
        .count(),
    ).toBe(0);
    const url = new URL(page.url());
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(await quiz.getByRole('button', { name: 'Start over' }).count()).toBe(0);
  });

  test('a shared URL restores the result, on reload and in a new browser', async () => {
    const { page, quiz } = await openQuiz(ARTICLE);
    await answerAll(quiz, ['No', 'No', 'No', 'SPA']);
    await expect.poll(() => page.url()).toMatch(/which-oauth-flow=no\.no\.no\.spa/);
    const shared = page.url();
    expect(shared).toMatch(/\?which-oauth-flow=no\.no\.no\.spa#quiz-which-oauth-flow$/);

    await page.reload();
    await quiz.getByRole('heading', { level: 3, name: 'Implicit Grant' }).waitFor();

    // The link opens at the quiz, so it hydrates without scrolling.
    const { page: other, errors } = await openPage(browser, shared);
    pages.push(other);
    const restored = other.getByRole('region', { name: /^Find your grant/ });
    await restored.getByRole('heading', { level: 3, name: 'Implicit Grant' }).waitFor();
    expect(await restored.getByRole('complementary', { name: 'Current guidance' }).count()).toBe(1);
    await expect.poll(() => highlighted(other, 'which-oauth-flow')).toEqual({ nodes: 5, edges: 4 });
    expect(errors).toEqual([]);
  });

  test.each([
    { kind: 'markup', value: 'yes.%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E' },
    { kind: 'an image tag', value: '%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E' },
    { kind: 'an unknown slug', value: 'no.maybe' },
    { kind: 'answers out of order', value: 'native-app.no.no.no' },
    { kind: 'answers past the outcome', value: 'yes.no' },
    { kind: 'an empty answer', value: 'no..no' },
  ])('a URL with $kind is ignored and the quiz starts cleanly', async ({ value }) => {
    const { page, quiz, errors } = await openQuiz(`${ARTICLE}?which-oauth-flow=${value}`);
    await quiz.getByRole('heading', { level: 3, name: FIRST_QUESTION }).waitFor();
    expect(await quiz.getByRole('button', { name: 'Yes', exact: true }).count()).toBe(1);
    await expect.poll(() => highlighted(page, 'which-oauth-flow')).toEqual({ nodes: 0, edges: 0 });
    await expect.poll(() => param(page, 'which-oauth-flow')).toBeNull();
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    expect(await quiz.locator('script, img').count()).toBe(0);
    expect(await quiz.innerText()).not.toContain('<');
    expect(errors).toEqual([]);
  });

  test('the quiz can be finished and restarted with the keyboard alone', async () => {
    const { page, quiz } = await openQuiz(ARTICLE);
    // Like a reader who has tabbed to the quiz: focus sits on the question heading.
    await quiz.getByRole('heading', { level: 3, name: FIRST_QUESTION }).focus();
    const steps: readonly { tabs: number; key: string; next: string }[] = [
      { tabs: 2, key: 'Enter', next: SECOND_QUESTION }, // No
      { tabs: 2, key: 'Space', next: 'Is the Client absolutely trusted with user credentials?' }, // No
      { tabs: 2, key: 'Enter', next: 'Is the Client a native app or a SPA?' }, // No
      { tabs: 1, key: 'Enter', next: 'Authorization Code Grant with PKCE' }, // Native app
    ];
    for (const step of steps) {
      for (let i = 0; i < step.tabs; i++) await page.keyboard.press('Tab');
      await page.keyboard.press(step.key);
      await expectFocused(quiz.getByRole('heading', { level: 3, name: step.next }));
    }

    const startOver = quiz.getByRole('button', { name: 'Start over' });
    for (let i = 0; i < 10 && !(await isFocused(startOver)); i++) await page.keyboard.press('Tab');
    await expectFocused(startOver);
    await page.keyboard.press('Enter');
    await expectFocused(quiz.getByRole('heading', { level: 3, name: FIRST_QUESTION }));
  });

  test('without JavaScript the quiz says what it is and lists the five outcomes with links', async () => {
    const { page } = await openPage(browser, `${siteUrl}${ARTICLE}`, { javaScriptEnabled: false });
    pages.push(page);
    const quiz = page.getByRole('region', { name: /^Find your grant/ });
    expect(await quiz.getByText('This quiz asks the flowchart').count()).toBe(1);
    const links = quiz.getByRole('listitem').getByRole('link');
    expect(await links.count()).toBe(5);
    for (const route of ARTICLE_ROUTES) {
      expect(await quiz.getByRole('link', { name: route.grant, exact: true }).getAttribute('href')).toBe(route.page);
    }
    expect(await quiz.getByRole('button').count()).toBe(0);
  });

  test.each(['light', 'dark'] as const)(
    'the page has no axe violations in the %s theme after answering',
    async (colorScheme) => {
      const { page, quiz } = await openQuiz(ARTICLE, { colorScheme });
      await answerAll(quiz, ['No', 'No', 'No', 'SPA']);
      await quiz.getByRole('heading', { level: 3, name: 'Implicit Grant' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});

describe('the grant quiz on the current-guidance page', () => {
  test.each(TODAY_ROUTES.map((r) => ({ ...r, route: r.answers.join(', ') })))(
    'answering $route reaches the $grant',
    async (route) => {
      const { page, quiz, errors } = await openQuiz(TODAY);
      await answerAll(quiz, route.answers);
      await quiz.getByRole('heading', { level: 3, name: route.grant, exact: true }).waitFor();
      expect(await quiz.innerText()).toContain(route.why);
      expect(await quiz.getByRole('link', { name: `Read the ${route.grant} page` }).getAttribute('href')).toBe(
        route.page,
      );
      expect(await quiz.getByRole('complementary', { name: 'Current guidance' }).count()).toBe(0);
      await expect
        .poll(() => highlighted(page, 'which-flow-today'))
        .toEqual({ nodes: route.answers.length + 1, edges: route.answers.length });
      await expect.poll(() => param(page, 'which-flow-today')).toBe(route.encoded);
      expect(errors).toEqual([]);
    },
  );

  // One click-through per distinct page, so every outcome link is followed once.
  const DISTINCT_PAGES = TODAY_ROUTES.filter((r, i) => TODAY_ROUTES.findIndex((o) => o.page === r.page) === i);
  test.each(DISTINCT_PAGES.map((r) => ({ ...r, route: r.answers.join(', ') })))(
    'the result of $route opens the page titled $title',
    async (route) => {
      const { page, quiz } = await openQuiz(TODAY);
      await answerAll(quiz, route.answers);
      await quiz.getByRole('link', { name: `Read the ${route.grant} page` }).click();
      await page.waitForURL((url) => url.pathname.endsWith(route.page));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(route.title);
    },
  );
});

describe('the home page', () => {
  test('opens with the current-guidance quiz before any other content, and links to the classic article', async () => {
    const { page, quiz, errors } = await openQuiz('');
    const headings = await page.locator('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toBe('Find your grant: Which flow should I use today?');
    const intro = page.getByText('This site answers one question');
    const quizComesFirst = await quiz.evaluate(
      (region, text) => !!text && (region.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      await intro.elementHandle(),
    );
    expect(quizComesFirst).toBe(true);
    await answerAll(quiz, ['No', 'Yes']);
    await quiz.getByRole('heading', { level: 3, name: 'Token Exchange', exact: true }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Which OAuth 2.0 flow should I use?' }).first().getAttribute('href'),
    ).toBe('/api-auth/which-oauth-flow-to-use/');
    expect(errors).toEqual([]);
  });

  test.each(TODAY_ROUTES.map((r) => ({ ...r, route: r.answers.join(', ') })))(
    'its quiz reaches every outcome: answering $route names the $grant and links to its page',
    async (route) => {
      const { quiz, errors } = await openQuiz('');
      await answerAll(quiz, route.answers);
      await quiz.getByRole('heading', { level: 3, name: route.grant, exact: true }).waitFor();
      expect(await quiz.getByRole('link', { name: `Read the ${route.grant} page` }).getAttribute('href')).toBe(
        route.page,
      );
      expect(errors).toEqual([]);
    },
  );

  test('every grant page is two clicks away, through Grants compared', async () => {
    const { page } = await openPage(browser, siteUrl);
    pages.push(page);
    await page.getByRole('link', { name: 'Grants compared' }).first().click();
    await page.waitForURL(/\/api-auth\/grants-compared\/$/);
    const table = page.getByRole('table').first();
    const hrefs = await table.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      '/api-auth/grant/authorization-code/',
      '/api-auth/grant/authorization-code-pkce/',
      '/api-auth/grant/client-credentials/',
      '/api-auth/grant/device-code/',
      '/api-auth/grant/refresh-token/',
      '/api-auth/grant/ciba/',
      '/api-auth/grant/token-exchange/',
      '/api-auth/grant/implicit/',
      '/api-auth/grant/password/',
    ]);
  });
});
