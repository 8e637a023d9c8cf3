import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawOnPage, prepareMermaidPage } from '../../src/diagrams/renderer.ts';
import { filesUnder } from '../../src/integrations/files.ts';
import { launch } from '../support/browser.ts';

/** Every sequence diagram of the site's pages, with the words its messages and notes are written with. */
function sequenceDiagrams(): { name: string; source: string; words: Set<string> }[] {
  return filesUnder('content', '.mdx').flatMap((file) =>
    [...readFileSync(join('content', file), 'utf8').matchAll(/^```mermaid\n(sequenceDiagram\n[\s\S]*?)^```/gm)].map(
      (m, i) => {
        const source = m[1]!;
        const labels = [...source.matchAll(/^\s*(?:[^:\n]*?-[^:\n]*|Note [^:\n]*):(.*)$/gm)].map((l) => l[1]!);
        return { name: `${file} #${i + 1}`, source, words: new Set(labels.join(' ').split(/\s+/).filter(Boolean)) };
      },
    ),
  );
}

/** What a reader sees of each message and note label, as drawn: its lines, and where a message runs from and to. */
interface DrawnLabel {
  lines: string[];
  /** For a message between two lifelines: the label's horizontal extent and the lifelines' positions. */
  span?: { left: number; right: number; from: number; to: number };
}

function drawnLabels(page: Page): Promise<DrawnLabel[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('#out svg')!;
    const lifeline = (name: string | null) =>
      (svg.querySelector(`line.actor-line[data-id="${name}"]`) as SVGLineElement | null)?.getBBox().x;
    const labels: DrawnLabel[] = [];
    let texts: SVGTextElement[] = [];
    // Mermaid draws a message's lines of text just before the message's own line or path.
    for (const element of svg.querySelectorAll('text.messageText, [data-et="message"]')) {
      if (element.matches('text.messageText')) {
        texts.push(element as SVGTextElement);
        continue;
      }
      const from = lifeline(element.getAttribute('data-from'));
      const to = lifeline(element.getAttribute('data-to'));
      const boxes = texts.map((t) => t.getBBox());
      const label: DrawnLabel = { lines: texts.map((t) => t.textContent ?? '') };
      if (from !== undefined && to !== undefined && from !== to && boxes.length > 0) {
        label.span = {
          left: Math.min(...boxes.map((b) => b.x)),
          right: Math.max(...boxes.map((b) => b.x + b.width)),
          from: Math.min(from, to),
          to: Math.max(from, to),
        };
      }
      labels.push(label);
      texts = [];
    }
    for (const note of svg.querySelectorAll('text.noteText')) {
      labels.push({ lines: [...note.querySelectorAll('tspan')].map((t) => t.textContent ?? '') });
    }
    return labels;
  });
}

describe("sequence diagram labels, as Mermaid draws them with the site's settings", () => {
  const diagrams = sequenceDiagrams();
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    await prepareMermaidPage(page);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { id: 'out' })));
  });
  afterAll(() => browser?.close());

  test('the site has sequence diagrams to check', () => {
    expect(diagrams.length).toBeGreaterThanOrEqual(6);
  });

  test.each(diagrams.map((d) => [d.name, d] as const))(
    '%s: every word, parameter name and value reads whole, and no message label runs over its lifelines',
    async (_, { source, words }) => {
      const drawn = await drawOnPage(page, source, 'light');
      if ('error' in drawn) throw new Error(drawn.error);
      await page.evaluate((svg) => (document.getElementById('out')!.innerHTML = svg), drawn.svg);
      const labels = await drawnLabels(page);
      expect(labels.length).toBeGreaterThan(0);
      const cut = labels.flatMap((l) => l.lines.flatMap((line) => line.split(/\s+/))).filter((w) => w && !words.has(w));
      expect(cut, 'drawn words that are not words of the source: a value was hyphenated or cut').toEqual([]);
      const over = labels
        .filter((l) => l.span && (l.span.left < l.span.from || l.span.right > l.span.to))
        .map((l) => l.lines.join(' / '));
      expect(over, 'message labels wider than the space between their two lifelines').toEqual([]);
    },
  );
});
