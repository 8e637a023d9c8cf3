import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import type { DiagramTheme } from '../../src/diagrams/meta.ts';
import { rehypeMermaid } from '../../src/diagrams/rehype-mermaid.ts';
import { PLACEHOLDER_ID, type DiagramRenderer, type RenderResult } from '../../src/diagrams/renderer.ts';

/** A renderer that draws every diagram as a fixed SVG naming `drawnBy`, or fails as Mermaid does on "BROKEN". */
function stubRenderer(drawnBy: string): DiagramRenderer {
  return {
    lookup: { found: true, executablePath: '/stub', source: 'stub' },
    stats: { cached: 0, rendered: 0, browsersLaunched: 0 },
    async render(source: string, theme: DiagramTheme): Promise<RenderResult> {
      if (source.includes('BROKEN')) return { error: "Parse error on line 4:\n...\n----^\nExpecting 'NODE_STRING'" };
      const fill = theme === 'dark' ? '#000' : '#fff';
      return {
        svg: `<svg id="${PLACEHOLDER_ID}" style="max-width: 100px;"><style>#${PLACEHOLDER_ID} .a{fill:${fill}}</style><text>${drawnBy}</text></svg>`,
      };
    },
    async close() {},
  };
}

async function toHtml(markdown: string, renderer = stubRenderer('Mermaid 12.3')): Promise<string> {
  const file = new VFile({ path: `${process.cwd()}/content/page.md`, value: markdown });
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeMermaid, { renderer, onClientRendering: () => {} })
    .use(rehypeStringify, { allowDangerousHtml: true });
  return String(await processor.process(file));
}

const diagram = (meta = '', body = 'A --> B') =>
  `\`\`\`mermaid${meta}\nflowchart TD\n  accTitle: Pick a grant\n  accDescr: Two questions.\n  ${body}\n\`\`\`\n`;

describe('rehypeMermaid', () => {
  // mmd- and the first 10 hex digits of the source's SHA-256: printf '<source>' | sha256sum
  test('names a figure after its source alone, so the #anchor survives a Mermaid, SVGO or renderer upgrade', async () => {
    const before = await toHtml(diagram(), stubRenderer('Mermaid 12.3'));
    const after = await toHtml(diagram(), stubRenderer('Mermaid 13.0'));
    expect(before).toContain('<figure class="diagram" id="mmd-16403b00bb">');
    expect(after).toContain('<figure class="diagram" id="mmd-16403b00bb">');
    expect(before).toContain('<svg role="img" aria-label="Pick a grant" id="mmd-16403b00bb-svg"');
  });

  test('takes the id from id= in the fence meta, and numbers a repeated diagram', async () => {
    expect(await toHtml(diagram(' id=decision-tree-x'))).toContain('<figure class="diagram" id="decision-tree-x">');
    const twice = await toHtml(`${diagram()}\n${diagram()}`);
    expect(twice).toContain('id="mmd-16403b00bb"');
    expect(twice).toContain('id="mmd-16403b00bb-2"');
  });

  test('draws the figure with the scroll container and caption figureHtml makes, the dark styles scoped', async () => {
    const html = await toHtml(diagram());
    expect(html).toMatch(
      /^<figure class="diagram" id="mmd-16403b00bb"><div class="diagram__scroll" tabindex="0"><svg role="img"[^>]*>.*<\/svg><\/div><figcaption>Two questions\.<\/figcaption><\/figure>$/s,
    );
    expect(html).toContain(':root[data-theme="dark"] #mmd-16403b00bb-svg .a{fill:#000}');
  });

  test("reports a Mermaid syntax error at the page's file and line, once, with that line as the error's location", async () => {
    const error = await toHtml(`Intro.\n\n${diagram('', 'A --> BROKEN')}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "content/page.md:7: Mermaid could not parse this diagram: Parse error on line 4: Expecting 'NODE_STRING'",
    );
    expect(error).toMatchObject({ line: 7, column: 1 });
    expect((error as Error).stack).toBe((error as Error).message);
  });
});
