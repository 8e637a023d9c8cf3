import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch } from '../support/browser.ts';
import { fixtureSite, startDevServer, type DevServer, type FixtureSite } from '../support/fixture-site.ts';

// An author edits a decision tree while `npm run dev` runs: the flowchart and the quiz both come from the one
// collection entry, so both must follow the edit, and a mistake must reach the page with its file and line.
describe('the dev server, while an author edits a decision tree', () => {
  let site: FixtureSite;
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  const treeFile = () => join(site.root, 'content', 'decision-trees', 'fixture-tree.yaml');

  beforeAll(async () => {
    site = await fixtureSite('small', 'dev-server');
    server = await startDevServer(site.root);
    browser = await launch();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.remove();
  });

  /**
   * Reads the page again until `done` says what was read is what the test waits for, or 90 s have passed; returns
   * the last read. Each read waits up to 30 s for the page (a first render in the dev server draws the flowchart in a
   * browser). The author's edit makes the dev server rebuild and reload the open page, so a read can be cut off
   * by that reload (a navigation aborted, a context destroyed) or land before the page is drawn again (a wait that
   * times out): such a read is simply read again. Any other error fails the test.
   */
  async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, empty: T): Promise<T> {
    let last = empty;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
      try {
        last = await read();
        if (done(last)) return last;
      } catch (error) {
        if (!/Execution context was destroyed|net::ERR_ABORTED|Timeout \d+ms exceeded/.test(String(error))) throw error;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    return last;
  }

  /** The flowchart's drawn text and the quiz's first question, as a reader sees them after hydration. */
  async function drawnAndAsked(): Promise<{ flowchart: string; quiz: string }> {
    await page.goto(`${server.url}guides/tree/`);
    // Mermaid writes each word of a label in its own <tspan>.
    const flowchart = await page.locator('#decision-tree-fixture-tree svg').evaluate((svg) =>
      [...svg.querySelectorAll('text')]
        .map((text) =>
          [...text.querySelectorAll('tspan tspan')]
            .map((word) => word.textContent)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .join('\n'),
    );
    const quiz = page.getByRole('region', { name: /Find your grant/ });
    await quiz.scrollIntoViewIfNeeded();
    const question = quiz.getByRole('heading', { level: 3 });
    await question.waitFor({ timeout: 30_000 });
    return { flowchart, quiz: (await question.textContent()) ?? '' };
  }

  test('shows the tree as written', { timeout: 120_000 }, async () => {
    const { flowchart, quiz } = await drawnAndAsked();
    expect(flowchart).toContain('Is this the first question?');
    expect(quiz).toContain('Is this the first question?');
  });

  test('updates both the flowchart and the quiz when a question is edited', { timeout: 150_000 }, async () => {
    const text = await readFile(treeFile(), 'utf8');
    await writeFile(treeFile(), text.replace('Is this the first question?', 'Was this question edited?'));
    const seen = await readUntil(
      drawnAndAsked,
      ({ flowchart, quiz }) =>
        flowchart.includes('Was this question edited?') && quiz.includes('Was this question edited?'),
      { flowchart: '', quiz: '' },
    );
    expect(seen.flowchart).toContain('Was this question edited?');
    expect(seen.quiz).toContain('Was this question edited?');
  });

  test('shows a mistake in the tree on the page, with its file, line and node', { timeout: 150_000 }, async () => {
    const text = await readFile(treeFile(), 'utf8');
    await writeFile(treeFile(), text.replace('next: calculator', 'next: calculater'));
    const expected =
      'content/decision-trees/fixture-tree.yaml:18: nodes[1].answers[1].next (node "second"): Node "second", answer "No": next "calculater" does not match any node id.';
    // The page shows Astro's error overlay, which carries the message in its shadow DOM once Vite's client script has
    // defined the element: wait for that text rather than read the element as soon as it is parsed.
    const shown = await readUntil(
      async () => {
        await page.goto(`${server.url}guides/tree/`);
        const filled = await page.waitForFunction(
          () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes('calculater') ?? false,
          undefined,
          { timeout: 30_000 },
        );
        await filled.dispose();
        return page
          .locator('vite-error-overlay')
          .evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
      },
      (text) => text.includes('calculater'),
      '',
    );
    expect(shown).toContain(expected);
    expect(server.output()).toContain(expected);
  });
});
