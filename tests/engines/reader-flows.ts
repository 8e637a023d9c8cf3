import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { until, type Engine, type EnginePage, type Locator, type OpenOptions } from '../support/engines/driver.ts';
import { ENGINE_LIMITS, engineOrSkip, type EngineId } from '../support/engines/engines.ts';
import { serveForEngines, type EngineSiteServer } from '../support/engines/site-server.ts';
import { builtPages } from '../support/measure.ts';
import {
  API_OK,
  API_REQUEST,
  CODE_FLOW,
  GRANT_PAGES,
  HAPPY_PATHS,
  SEND,
  TAMPERS,
  type Act,
} from '../support/playground-scenarios.ts';
import { ARTICLE_ROUTES, TODAY_ROUTES, type QuizRoute } from '../support/quiz-routes.ts';

/**
 * The reader's flows, written once against the page-driver layer and run in every engine: `full` in Firefox
 * (what tests/e2e checks in Chromium, minus what no engine changes, such as the build's output), `focused` in
 * WebKit (every built page, article and flowchart, every quiz path, the PKCE vector and one invalid input, the
 * playground's PKCE grant and one tamper, search, theme, axe).
 * The assertions are the Chromium suites' assertions; only how a page is opened and driven differs.
 */
export type Depth = 'full' | 'focused';

const ARTICLE = 'api-auth/which-oauth-flow-to-use/';
const TODAY = 'which-flow-today/';
const TOOL = 'tools/pkce/';
const PLAYGROUND = 'playground/';
const FIRST_QUESTION = 'Is the Client the Resource Owner?';
const SECOND_QUESTION = 'Is the Client a web app executing on the server?';
const QUESTIONS = [
  FIRST_QUESTION,
  SECOND_QUESTION,
  'Is the Client absolutely trusted with user credentials?',
  'Is the Client a native app or a SPA?',
];
const OUTCOMES = [
  'Client Credentials Grant',
  'Authorization Code Grant',
  'Resource Owner Password Credentials Grant',
  'Authorization Code Grant with PKCE',
  'Implicit Grant',
];

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const FORMULA = 'code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))';
const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

type Route = QuizRoute & { readonly tree: 'which-oauth-flow' | 'which-flow-today'; readonly why?: string };

const ROUTES: readonly Route[] = [
  ...ARTICLE_ROUTES.map((r) => ({ ...r, tree: 'which-oauth-flow' as const })),
  ...TODAY_ROUTES.map((r) => ({ ...r, tree: 'which-flow-today' as const })),
];

const INVALID_VERIFIERS = [
  {
    input: `${RFC_VERIFIER.slice(0, 11)}+${RFC_VERIFIER.slice(12)}`,
    sentence: 'Character 12 is "+", which is not allowed in a code_verifier.',
  },
  { input: 'too-short', sentence: 'The code_verifier is 9 characters long; RFC 7636 requires 43 to 128.' },
  { input: `${RFC_VERIFIER} `, sentence: 'The code_verifier ends with white space; delete it before using the value.' },
];

/** Polls a value until it equals `expected` (10 s), then asserts it, so a failure shows the last value. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  let last: T | undefined;
  await until(
    async () => {
      last = await read();
      // Not JSON.stringify: WebKit's WebDriver returns an object's keys in another order ({ edges, nodes }), which
      // spun every quiz test here for the full 10 s before toEqual, which ignores key order, passed.
      return isDeepStrictEqual(last, expected);
    },
    'waiting for a value',
    timeoutMs,
  ).catch(() => {});
  expect(last).toEqual(expected);
}

/** Registers the reader's flows for one engine (skipped with a loud line, or failing on CI, when it is missing). */
export function readerFlows(id: EngineId, depth: Depth): void {
  const lookup = engineOrSkip(id);
  const full = depth === 'full';
  const cannot = ENGINE_LIMITS[id];
  describe.skipIf(!lookup.found)(`${lookup.found ? lookup.name : id}`, () => {
    let engine: Engine;
    let site: EngineSiteServer;

    beforeAll(async () => {
      if (!lookup.found) return;
      site = await serveForEngines(inject('engineDist'), { probe: id === 'webkit' });
      engine = lookup.create(site);
    });
    afterAll(async () => {
      await engine?.close();
      await site?.close();
    });

    /** Opens a page, runs a flow on it, and fails if the page logged an error or violated its CSP meanwhile. */
    async function visit(path: string, flow: (page: EnginePage) => Promise<void>, options: OpenOptions = {}) {
      const page = await engine.open(site.url + path, options);
      try {
        await flow(page);
        expect(await page.problems(), `problems on /${path}`).toEqual([]);
      } finally {
        await page.close();
      }
    }

    /**
     * Brings each island that has not hydrated yet into view, one at a time, until Astro has removed every ssr
     * attribute. It scrolls the island's first child: an astro-island is display: contents, and Firefox does not
     * scroll to a box-less element, so the island would never become visible.
     */
    async function hydrateAll(page: EnginePage) {
      await until(
        async () => {
          const left = await page.evaluate(() => {
            const island = document.querySelector('astro-island[ssr]');
            (island?.firstElementChild ?? island)?.scrollIntoView({ block: 'center' });
            return document.querySelectorAll('astro-island[ssr]').length;
          });
          if (left > 0) await new Promise((r) => setTimeout(r, 200));
          return left === 0;
        },
        'every island hydrates once scrolled into view',
        20_000,
      );
    }

    describe('the harness', () => {
      test('sees a CSP violation and an uncaught error on a page that commits both', async () => {
        const page = await engine.open(`${site.url}__engines/canary/`);
        try {
          expect(await page.evaluate(() => document.title)).toBe('Canary');
          const problems = (await page.problems()).join('\n');
          expect(problems).toMatch(/CSP violation.*script-src/);
          expect(problems).toContain('canary error');
        } finally {
          await page.close();
        }
      });
    });

    describe('the article', () => {
      test('shows its title and the flowchart as an image with every question and outcome, and hydrates both islands with no error', async () => {
        await visit(ARTICLE, async (page) => {
          expect(await page.find({ role: 'heading', level: 1 }).textContent()).toBe(
            'Which OAuth 2.0 flow should I use?',
          );
          const figure = page.find({ css: 'figure#decision-tree-which-oauth-flow' });
          const svg = figure.find({ css: 'svg' });
          expect(await svg.count()).toBe(1);
          expect(await svg.attribute('role')).toBe('img');
          expect(await page.find({ role: 'img', name: 'Which OAuth 2.0 flow should I use?' }).isVisible()).toBe(true);
          const text = (await svg.textContent()).replace(/\s/g, '');
          for (const label of [...QUESTIONS, ...OUTCOMES]) expect(text).toContain(label.replace(/\s/g, ''));
          expect(await figure.find({ css: 'figcaption' }).textContent()).toMatch(/\w{10,}/);
          // The flowchart is drawn, not just present: its boxes have a size.
          expect(await svg.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(200);
          await hydrateAll(page);
        });
      });

      test.skipIf(cannot.has('no-javascript'))(
        'without JavaScript, shows every heading, both panels, the flowchart and the quiz as a list of outcomes',
        async () => {
          await visit(
            ARTICLE,
            async (page) => {
              expect(await page.evaluate(() => document.querySelectorAll('astro-island[ssr]').length)).toBeGreaterThan(
                0,
              );
              const h2 = await page.evaluate(() =>
                [...document.querySelectorAll('.prose h2')].map((h) => h.textContent?.trim()),
              );
              expect(h2).toEqual(expect.arrayContaining(QUESTIONS));
              for (const name of ['Quick refresher - OAuth 2.0 terminology', 'SPAs and Refresh Tokens']) {
                expect(await page.find({ role: 'complementary', name }).isVisible()).toBe(true);
              }
              const svgText = (
                await page.find({ css: 'figure#decision-tree-which-oauth-flow svg' }).textContent()
              ).replace(/\s/g, '');
              for (const label of [...QUESTIONS, ...OUTCOMES]) expect(svgText).toContain(label.replace(/\s/g, ''));
              const quiz = page.find({ role: 'region', name: /^Find your grant/ });
              expect(await quiz.innerText()).toContain('This quiz asks the flowchart');
              for (const route of ROUTES.filter((r) => r.tree === 'which-oauth-flow')) {
                expect(await quiz.find({ role: 'link', name: route.grant }).attribute('href')).toBe(route.page);
              }
              expect(await quiz.find({ role: 'button' }).count()).toBe(0);
            },
            { javaScript: false },
          );
        },
      );
    });

    // Every built page in both engines: under a second a page in WebKit, 2 to 6 s in Firefox.
    const pages = builtPages(inject('engineDist'));
    // axe on the two pages with islands, hydrated, and on the started playground (below): its results differ
    // between engines only where rendering does (contrast, focus, hidden content), and Chromium runs it on every
    // page. In Firefox over BiDi it is slow: 20 to 45 s a page on the shared 2-core machine, 90 s on the
    // authorization-code-pkce page's code blocks.
    const axePages = [ARTICLE, TOOL];
    const themes = cannot.has('dark-system-theme') ? (['light'] as const) : (['light', 'dark'] as const);
    describe('every page', () => {
      test.each(pages)('/%s loads with no console error or CSP violation, and one h1', async (path) => {
        await visit(path, async (page) => {
          expect(await page.find({ role: 'heading', level: 1 }).count()).toBe(1);
          await hydrateAll(page);
        });
      });

      test.each(axePages.flatMap((p) => themes.map((t) => [p, t] as const)))(
        '/%s in the %s theme has no axe-core violations',
        async (path, theme) => {
          await visit(
            path,
            async (page) => {
              expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
              await hydrateAll(page);
              expect(await page.axe()).toEqual([]);
            },
            { theme },
          );
        },
      );
    });

    /** Opens a page with a quiz, brings it into view (it hydrates when visible) and waits for its first question. */
    async function openQuiz(page: EnginePage): Promise<Locator> {
      const quiz = page.find({ role: 'region', name: /^Find your grant/ });
      await quiz.scrollIntoView();
      await quiz.find({ role: 'heading', level: 3, name: /\?$/ }).waitFor(15_000);
      return quiz;
    }

    /** Clicks each answer by its accessible name, waiting for the next question (or the result) each time. */
    async function answerAll(quiz: Locator, answers: readonly string[]) {
      const heading = quiz.find({ role: 'heading', level: 3 });
      for (const label of answers) {
        const before = await heading.textContent();
        await quiz.find({ role: 'button', name: label }).click();
        await until(async () => (await heading.textContent()) !== before, `the quiz did not move on after "${label}"`);
      }
    }

    const highlighted = (page: EnginePage, tree: string) =>
      page.evaluate(
        (id) => ({
          nodes: document.querySelectorAll(`#decision-tree-${id} svg g.node.is-on-path`).length,
          edges: document.querySelectorAll(`#decision-tree-${id} svg path.is-on-path`).length,
        }),
        tree,
      );
    const param = async (page: EnginePage, name: string) => new URL(await page.url()).searchParams.get(name);

    describe('the grant quiz', () => {
      test.each(ROUTES.map((r) => ({ ...r, route: r.answers.join(', ') })))(
        'on $tree, answering $route names the $grant, links to its page and highlights the path',
        async (route) => {
          await visit(route.tree === 'which-oauth-flow' ? ARTICLE : TODAY, async (page) => {
            const quiz = await openQuiz(page);
            await answerAll(quiz, route.answers);
            await quiz.find({ role: 'heading', level: 3, name: route.grant }).waitFor();
            expect(await quiz.find({ role: 'link', name: `Read the ${route.grant} page` }).attribute('href')).toBe(
              route.page,
            );
            if (route.why) expect(await quiz.innerText()).toContain(route.why);
            const guidance = quiz.find({ role: 'complementary', name: 'Current guidance' });
            if (route.guidance) {
              expect(await guidance.count()).toBe(1);
              expect(await guidance.find({ role: 'link', name: route.guidance }).attribute('href')).toMatch(
                /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc9700#section-/,
              );
            } else {
              expect(await guidance.count()).toBe(0);
            }
            await eventually(() => highlighted(page, route.tree), {
              nodes: route.answers.length + 1,
              edges: route.answers.length,
            });
            await eventually(() => param(page, route.tree), route.encoded);
          });
        },
      );

      test.runIf(full)(
        'Back returns to the previous question, Start over to the first, clearing path and URL',
        async () => {
          await visit(ARTICLE, async (page) => {
            const quiz = await openQuiz(page);
            await answerAll(quiz, ['No', 'No']);
            await eventually(() => highlighted(page, 'which-oauth-flow'), { nodes: 3, edges: 2 });
            await quiz.find({ role: 'button', name: 'Back' }).click();
            const second = quiz.find({ role: 'heading', level: 3, name: SECOND_QUESTION });
            await second.waitFor();
            await eventually(() => second.evaluate((el) => el === document.activeElement), true);
            await eventually(() => highlighted(page, 'which-oauth-flow'), { nodes: 2, edges: 1 });
            await eventually(() => param(page, 'which-oauth-flow'), 'no');
            await quiz.find({ role: 'button', name: 'Start over' }).click();
            await quiz.find({ role: 'heading', level: 3, name: FIRST_QUESTION }).waitFor();
            await eventually(() => highlighted(page, 'which-oauth-flow'), { nodes: 0, edges: 0 });
            const url = new URL(await page.url());
            expect([url.search, url.hash]).toEqual(['', '']);
          });
        },
      );

      test.runIf(full)('a shared URL restores the result on reload', async () => {
        await visit(ARTICLE, async (page) => {
          const quiz = await openQuiz(page);
          await answerAll(quiz, ['No', 'No', 'No', 'SPA']);
          await eventually(
            async () => /\?which-oauth-flow=no\.no\.no\.spa#quiz-which-oauth-flow$/.test(await page.url()),
            true,
          );
          await page.reload();
          await page
            .find({ role: 'region', name: /^Find your grant/ })
            .find({ role: 'heading', level: 3, name: 'Implicit Grant' })
            .waitFor(15_000);
          await eventually(() => highlighted(page, 'which-oauth-flow'), { nodes: 5, edges: 4 });
        });
      });
    });

    const verifierField = (page: EnginePage) => page.find({ role: 'textbox', name: 'Code verifier' });
    const challengeOutput = (page: EnginePage) => page.find({ role: 'textbox', name: 'Code challenge' });
    const button = (page: EnginePage, name: string) => page.find({ role: 'button', name });
    const status = (page: EnginePage) => page.find({ css: '.pkce [role="status"]' });
    const description = (control: Locator) =>
      control.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );

    /** Waits until the calculator has hydrated: its controls are server-rendered disabled and enabled by hydration. */
    async function hydrated(page: EnginePage) {
      const generate = button(page, 'Generate');
      await generate.scrollIntoView();
      await eventually(() => generate.isEnabled(), true, 15_000);
    }
    async function enterVerifier(page: EnginePage, verifier: string, challenge: string) {
      await verifierField(page).fill(verifier);
      await eventually(() => challengeOutput(page).inputValue(), challenge);
    }

    describe('the PKCE calculator', () => {
      test('typing the RFC 7636 Appendix B verifier shows the Appendix B challenge and its steps', async () => {
        await visit(TOOL, async (page) => {
          await hydrated(page);
          await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
          await page.find({ text: 'Show the steps' }).click();
          const steps = await page.find({ css: '.pkce-steps__list' }).innerText();
          expect(steps).toContain('43 bytes');
          expect(steps).toContain(createHash('sha256').update(RFC_VERIFIER, 'ascii').digest('hex'));
          expect(steps).toContain(RFC_CHALLENGE);
        });
      });

      test.each(full ? INVALID_VERIFIERS : INVALID_VERIFIERS.slice(0, 1))(
        'an invalid verifier ("$input") shows its sentence next to the field and an empty challenge',
        async ({ input, sentence }) => {
          await visit(TOOL, async (page) => {
            await hydrated(page);
            await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
            const field = verifierField(page);
            await field.fill(input);
            await eventually(() => challengeOutput(page).inputValue(), '');
            expect(await field.attribute('aria-invalid')).toBe('true');
            expect(await description(field)).toContain(sentence);
            const gap = await page.find({ text: sentence }).evaluate((problem) => {
              const field = document.getElementById('pkce-calculator-verifier')!.getBoundingClientRect();
              return problem.getBoundingClientRect().y - (field.y + field.height);
            });
            expect(gap).toBeLessThan(80);
            expect(await button(page, 'Copy code challenge').isEnabled()).toBe(false);
            await enterVerifier(page, RFC_VERIFIER, RFC_CHALLENGE);
            expect(await field.attribute('aria-invalid')).toBeNull();
          });
        },
      );

      test.runIf(full)(
        'Generate gives a valid verifier of the chosen length (43, 64 and 128) and its challenge',
        async () => {
          await visit(TOOL, async (page) => {
            await hydrated(page);
            const length = page.find({ role: 'spinbutton', name: 'Verifier length' });
            for (const n of [43, 64, 128]) {
              await length.fill(String(n));
              await button(page, 'Generate').click();
              // Generation is asynchronous (crypto.getRandomValues, then SHA-256): wait for the announcement.
              await eventually(
                async () => (await status(page).innerText()).trim(),
                `Generated a ${n}-character code_verifier; the code challenge is updated.`,
              );
              const verifier = await verifierField(page).inputValue();
              expect(verifier).toMatch(new RegExp(`^[A-Za-z0-9\\-._~]{${n}}$`));
              await eventually(() => challengeOutput(page).inputValue(), s256(verifier));
            }
            await length.fill('200');
            await button(page, 'Generate').click();
            await eventually(() => length.attribute('aria-invalid'), 'true');
            expect(await description(length)).toBe('Choose a length from 43 to 128 characters.');
          });
        },
      );

      test.runIf(full)(
        'the pair checker says Match for a matching pair and Mismatch with the real challenge otherwise',
        async () => {
          await visit(TOOL, async (page) => {
            await hydrated(page);
            const checker = page.find({ role: 'form', name: 'Check a pair' });
            await checker.find({ role: 'textbox', name: 'Verifier to check' }).fill(RFC_VERIFIER);
            await checker.find({ role: 'textbox', name: 'Challenge to check' }).fill(RFC_CHALLENGE);
            await checker.find({ role: 'button', name: 'Check pair' }).click();
            await checker.find({ text: 'Match' }).waitFor();
            await eventually(
              async () => (await status(page).innerText()).trim(),
              'Match. With S256, this verifier produces the challenge you entered.',
            );
            await checker.find({ role: 'textbox', name: 'Challenge to check' }).fill(`${RFC_CHALLENGE.slice(0, -1)}A`);
            await checker.find({ role: 'button', name: 'Check pair' }).click();
            await checker.find({ text: 'Mismatch' }).waitFor();
            expect(await checker.find({ css: '.pkce-verdict__value' }).innerText()).toBe(RFC_CHALLENGE);
            await eventually(
              async () => (await status(page).innerText()).trim(),
              'Mismatch. With S256, this verifier produces a different challenge.',
            );
            await checker
              .find({ role: 'radiogroup', name: 'Method of the challenge to check' })
              .find({ role: 'radio', name: 'plain' })
              .click();
            await checker.find({ role: 'textbox', name: 'Challenge to check' }).fill(RFC_VERIFIER);
            await checker.find({ role: 'button', name: 'Check pair' }).click();
            await checker.find({ text: 'Match' }).waitFor();
          });
        },
      );

      test.runIf(full && !cannot.has('no-javascript'))(
        'without JavaScript the page shows the formula and the Appendix B example, and the controls are disabled',
        async () => {
          await visit(
            TOOL,
            async (page) => {
              const text = await page.find({ css: 'main' }).innerText();
              for (const expected of [FORMULA, RFC_VERIFIER, RFC_CHALLENGE, 'The calculator needs JavaScript']) {
                expect(text).toContain(expected);
              }
              for (const control of [
                verifierField(page),
                button(page, 'Generate'),
                challengeOutput(page),
                button(page, 'Check pair'),
              ]) {
                expect(await control.isEnabled()).toBe(false);
              }
            },
            { javaScript: false },
          );
        },
      );
    });

    describe('search', () => {
      test('Ctrl+K opens search, which finds the article and opens it, loading Pagefind only once opened', async () => {
        await visit('', async (page) => {
          const pagefindLoaded = () =>
            page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/')));
          expect(await pagefindLoaded()).toBe(false);
          await page.press('Control+k');
          const dialog = page.find({ role: 'dialog', name: 'Search the docs' });
          await eventually(() => dialog.isVisible(), true);
          await eventually(() => page.evaluate(() => document.activeElement?.id), 'search-input');
          await page.type('Which OAuth 2.0 flow');
          const result = dialog.find({ role: 'link', name: 'Which OAuth 2.0 flow should I use?' });
          await result.waitFor(15_000);
          expect(await dialog.find({ role: 'status' }).textContent()).toMatch(/results? for/);
          expect(await dialog.find({ css: 'mark' }).count()).toBeGreaterThan(0);
          expect(await pagefindLoaded()).toBe(true);
          await result.click();
          await eventually(async () => new URL(await page.url()).pathname, `/${ARTICLE}`);
          expect(await page.find({ role: 'heading', level: 1 }).textContent()).toBe(
            'Which OAuth 2.0 flow should I use?',
          );
        });
      });

      test('"/" and the search button open search too, and Escape closes it', async () => {
        await visit('', async (page) => {
          const dialog = page.find({ css: '#search-dialog' });
          await page.press('/');
          await eventually(() => dialog.isVisible(), true);
          await page.press('Escape');
          await eventually(() => dialog.isVisible(), false);
          await page.find({ role: 'button', name: 'Search' }).click();
          await eventually(() => dialog.isVisible(), true);
        });
      });
    });

    describe('the theme toggle', () => {
      test('starts light from a light system, switches to dark with a darker flowchart, and remembers the choice', async () => {
        await visit(ARTICLE, async (page) => {
          const toggle = page.find({ role: 'button', name: 'Dark theme' });
          expect(await toggle.attribute('aria-pressed')).toBe('false');
          const nodeFill = () =>
            page
              .find({ css: '#decision-tree-which-oauth-flow svg g.node polygon' })
              .evaluate((el) => getComputedStyle(el).fill);
          const lightFill = await nodeFill();
          await toggle.click();
          await eventually(() => page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
          expect(await toggle.attribute('aria-pressed')).toBe('true');
          const darkFill = await nodeFill();
          const lum = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + Number(b), 0);
          expect(lum(darkFill)).toBeLessThan(lum(lightFill));
          await page.reload();
          expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
          expect(await page.find({ role: 'button', name: 'Dark theme' }).attribute('aria-pressed')).toBe('true');
        });
      });

      test.skipIf(cannot.has('dark-system-theme'))(
        'starts dark from a dark system, and switches to light',
        async () => {
          await visit(
            ARTICLE,
            async (page) => {
              expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
              const toggle = page.find({ role: 'button', name: 'Dark theme' });
              expect(await toggle.attribute('aria-pressed')).toBe('true');
              await toggle.click();
              await eventually(() => page.evaluate(() => document.documentElement.dataset['theme']), 'light');
              expect(await toggle.attribute('aria-pressed')).toBe('false');
            },
            { theme: 'dark' },
          );
        },
      );
    });

    describe.runIf(full)('keyboard use', () => {
      test('Tab reaches the skip link first, and it moves focus to the content', async () => {
        await visit(ARTICLE, async (page) => {
          await page.press('Tab');
          expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
          await page.press('Enter');
          await eventually(() => page.evaluate(() => document.activeElement?.id), 'main');
        });
      });

      test.each([
        ['desktop', 1280],
        ['phone', 375],
      ])('Tab reaches every visible link and button on the article (%s)', async (_, width) => {
        await visit(
          ARTICLE,
          async (page) => {
            await hydrateAll(page);
            await page.evaluate(() => window.scrollTo(0, 0));
            const total = await page.evaluate(() => {
              const all = [
                ...document.querySelectorAll<HTMLElement>(
                  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
                ),
              ];
              all.forEach((el, i) => (el.dataset['kb'] = String(i)));
              const outOfTabOrder = (el: HTMLElement) =>
                el instanceof HTMLInputElement && el.type === 'radio' && !el.checked;
              return all
                .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled && !outOfTabOrder(el))
                .map((el) => el.dataset['kb']);
            });
            const reached = new Set<string>();
            for (let i = 0; i < total.length + 20; i++) {
              await page.press('Tab');
              const kb = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['kb']);
              if (kb) reached.add(kb);
            }
            const missed = total.filter((kb) => kb && !reached.has(kb));
            const described = await page.evaluate(
              (ids) => ids.map((kb) => document.querySelector(`[data-kb="${kb}"]`)?.outerHTML.slice(0, 160)),
              missed,
            );
            expect(described).toEqual([]);
          },
          { viewport: { width, height: 900 } },
        );
      });

      test('the mobile menu opens with the keyboard and closes with Escape', async () => {
        await visit(
          ARTICLE,
          async (page) => {
            const menu = page.find({ role: 'button', name: 'Menu' });
            const nav = page.find({ css: 'nav[aria-label="Site"]' });
            expect(await nav.isVisible()).toBe(false);
            await menu.focus();
            await page.press('Enter');
            await eventually(() => menu.attribute('aria-expanded'), 'true');
            expect(await nav.isVisible()).toBe(true);
            await page.press('Escape');
            await eventually(() => nav.isVisible(), false);
            expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-toggle');
          },
          { viewport: { width: 375, height: 800 } },
        );
      });
    });

    const stepHeadings = (page: EnginePage) => page.find({ role: 'heading', name: /^Step \d+: / });
    const step = (page: EnginePage, n: number) => page.find({ role: 'region', name: new RegExp(`^Step ${n}: `) });
    const nextHeading = (page: EnginePage) => page.find({ role: 'heading', name: /^Next: / });
    const focusedText = (page: EnginePage) => page.evaluate(() => document.activeElement?.textContent ?? '');
    const announced = (page: EnginePage) =>
      page.evaluate(() => [...document.querySelectorAll('.playground [role="status"]')].at(-1)?.textContent ?? '');
    /** The wire text of a step's request or response block. */
    const wire = (region: Locator, label: 'Request' | 'Response') =>
      region.find({ role: 'group', name: label }).innerText();

    /**
     * Waits for the Start button to hydrate, presses it and waits for the first move and for the page's requests to
     * stop, checking that meanwhile it loaded only scripts: the playground's, and the header's (Start is the reader's
     * first input, which loads it). From then on the page must request nothing.
     */
    async function startPlayground(page: EnginePage) {
      const start = button(page, 'Start the playground');
      await start.scrollIntoView();
      await eventually(() => start.isEnabled(), true, 15_000);
      await networkQuiet(page);
      await start.click();
      await nextHeading(page).waitFor(15_000);
      const starting = await networkQuiet(page);
      expect(
        starting.filter((url) => !/\/_astro\/[\w.-]+\.js$/.test(url)),
        'requests while starting',
      ).toEqual([]);
    }

    /** Waits until the page has requested nothing for half a second, and returns what it requested until then. */
    async function networkQuiet(page: EnginePage): Promise<string[]> {
      const requested: string[] = [];
      await until(async () => {
        await new Promise((r) => setTimeout(r, 500));
        const more = await page.requests();
        requested.push(...more);
        return more.length === 0;
      }, 'the page kept making requests');
      return requested;
    }

    /** Waits until a restart has finished: the control shows the new choice and the playground is no longer busy. */
    async function settled(page: EnginePage, chosen: () => Promise<boolean>) {
      await eventually(chosen, true);
      await eventually(() => page.find({ css: '.playground__app' }).attribute('aria-busy'), 'false');
      expect(await stepHeadings(page).count()).toBe(0);
    }

    /** Does one thing by role and label, then checks that focus moved to the new step and it was announced. */
    async function act(page: EnginePage, action: Act) {
      const before = await stepHeadings(page).count();
      if ('grant' in action) {
        const radio = page.find({ role: 'radio', name: action.grant });
        await radio.click();
        return settled(page, () => radio.isChecked());
      }
      if ('legacy' in action) {
        const legacy = page.find({ role: 'checkbox', name: /^Run the server as RFC 6749 defined it/ });
        await legacy.click();
        return settled(page, () => legacy.isChecked());
      }
      if ('instead' in action) {
        await page.find({ role: 'group', name: 'Other moves' }).find({ role: 'button', name: action.instead }).click();
        await eventually(async () => (await nextHeading(page).textContent()).trim(), `Next: ${action.instead}`);
      }
      if ('fill' in action)
        for (const [name, value] of Object.entries(action.fill)) await page.find({ role: 'textbox', name }).fill(value);
      if ('wait' in action) {
        await page
          .find({ role: 'spinbutton', name: 'Seconds to advance the simulated clock' })
          .fill(String(action.wait));
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
      const title = new RegExp(`^Step ${n}: `);
      await eventually(async () => title.test(await focusedText(page)), true);
      await eventually(async () => title.test(await announced(page)), true);
    }

    /** Does each thing in turn and returns the last step. */
    async function run(page: EnginePage, actions: readonly Act[]): Promise<Locator> {
      for (const action of actions) await act(page, action);
      return step(page, await stepHeadings(page).count());
    }

    // Every grant in Firefox; in WebKit the one a browser app runs (its S256 hashing is WebKit's Web Crypto).
    const happyPaths = full ? HAPPY_PATHS : HAPPY_PATHS.filter(([grant]) => grant === 'Authorization Code with PKCE');
    // The model's answers are the same in every engine (Chromium checks every tamper); what an engine changes is its
    // Web Crypto (the S256 of a typed code_verifier), Basic credentials, typing over a field and the clock's number
    // field. All 21 would add two minutes to the Firefox suite; these four take 20 to 30 s, WebKit's one 3 to 5 s.
    const TAMPERED = full
      ? [
          'a wrong code_verifier',
          'a wrong client secret: 401 invalid_client with WWW-Authenticate',
          'a redirect whose state was changed: the client refuses it',
          'a code redeemed after the simulated clock passed its ten minutes',
        ]
      : ['a wrong code_verifier'];
    const tampers = TAMPERS.filter((t) => TAMPERED.includes(t.name));
    if (tampers.length !== TAMPERED.length)
      throw new Error(`A tamper named here is not in tests/support/playground-scenarios.ts: ${TAMPERED.join('; ')}`);

    describe('the flow playground', () => {
      test('loads its code only on Start, then moves focus to the first move', async () => {
        await visit(PLAYGROUND, async (page) => {
          const start = button(page, 'Start the playground');
          await start.scrollIntoView();
          await eventually(() => start.isEnabled(), true, 15_000);
          expect((await networkQuiet(page)).filter((url) => /PlaygroundApp/.test(url))).toEqual([]);
          await start.click();
          await nextHeading(page).waitFor(15_000);
          await eventually(() => focusedText(page), 'Next: Authorization request');
          const loaded = await page.requests();
          expect(loaded.filter((url) => /PlaygroundApp/.test(url))).toHaveLength(1);
        });
      });

      test.each(happyPaths)(
        '%s runs to a 200 from the API, focus on each new step, with no request once the playground has loaded',
        async (grant, actions) => {
          await visit(PLAYGROUND, async (page) => {
            await startPlayground(page);
            const last = await run(page, [{ grant }, ...actions]);
            expect(await wire(last, 'Request')).toMatch(API_REQUEST);
            expect(await wire(last, 'Response')).toMatch(API_OK);
            expect(await page.requests(), 'requests after the playground loaded').toEqual([]);
          });
        },
      );

      // A grant page's own playground runs that grant alone (Chromium runs every grant page's): Firefox the device
      // grant's page, WebKit the PKCE grant's.
      const embed = GRANT_PAGES.find(
        (p) => p.grant === (full ? 'Device Authorization (RFC 8628)' : 'Authorization Code with PKCE'),
      );
      const embedPath = HAPPY_PATHS.find(([grant]) => grant === embed?.grant)?.[1];
      if (!embed || !embedPath) throw new Error('The embedded grant is not in GRANT_PAGES and HAPPY_PATHS');
      test(`the ${embed.grant} page's own playground runs its grant to a 200 from the API, with no request once loaded`, async () => {
        await visit(embed.path, async (page) => {
          await startPlayground(page);
          const last = await run(page, embedPath);
          expect(await wire(last, 'Request')).toMatch(API_REQUEST);
          expect(await wire(last, 'Response')).toMatch(API_OK);
          expect(await page.requests(), 'requests after the playground loaded').toEqual([]);
        });
      });

      test.each(tampers)('tampering: $name shows the error and the rule it cites', async (tamper) => {
        await visit(PLAYGROUND, async (page) => {
          await startPlayground(page);
          const last = await run(page, tamper.grant ? [{ grant: tamper.grant }, ...tamper.actions] : tamper.actions);
          expect(await last.innerText()).toMatch(tamper.shows);
          expect(await last.find({ role: 'link', name: tamper.cite }).attribute('href')).toBe(tamper.href);
          expect(await page.requests(), 'requests after the playground loaded').toEqual([]);
        });
      });

      test.each(themes)('with a grant run, in the %s theme, has no axe-core violations', async (theme) => {
        await visit(
          PLAYGROUND,
          async (page) => {
            expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
            await startPlayground(page);
            await run(page, [...CODE_FLOW, SEND, SEND]);
            expect(await page.axe()).toEqual([]);
          },
          { theme },
        );
      });
    });
  });
}
