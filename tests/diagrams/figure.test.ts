import { describe, expect, test } from 'vitest';
import { figureHtml } from '../../src/diagrams/figure.ts';

const svg =
  '<svg id="mmd-1-svg" width="100%" style="max-width: 800px;" role="graphics-document document" aria-roledescription="flowchart-v2"><style>#mmd-1-svg .node{fill:red}</style><g></g></svg>';

describe('figureHtml', () => {
  test('wraps a drawing in a focusable scroll container, names it by the accTitle and captions it by the accDescr', () => {
    expect(figureHtml({ id: 'mmd-1', title: 'Pick a grant', description: 'Two questions.', drawing: { svg } })).toBe(
      '<figure class="diagram" id="mmd-1"><div class="diagram__scroll" tabindex="0">' +
        '<svg role="img" aria-label="Pick a grant" id="mmd-1-svg" width="100%" style="max-width:800px;min-width:600px">' +
        '<style>#mmd-1-svg .node{fill:red}</style><g></g></svg></div><figcaption>Two questions.</figcaption></figure>',
    );
  });

  test('escapes the name and the caption', () => {
    const html = figureHtml({ id: 'd', title: 'A "quoted" <name>', description: 'x < y & z', drawing: { svg } });
    expect(html).toContain('aria-label="A &quot;quoted&quot; &lt;name>"');
    expect(html).toContain('<figcaption>x &lt; y &amp; z</figcaption>');
  });

  test("keeps the source of a diagram left for the reader's browser, marked pending", () => {
    expect(
      figureHtml({ id: 'd', title: 'T', description: 'D.', drawing: { source: 'flowchart TD\n  A --> B<br>' } }),
    ).toBe(
      '<figure class="diagram" id="d" data-diagram="pending"><pre class="mermaid-source" data-title="T">flowchart TD\n  A --&gt; B&lt;br&gt;</pre><figcaption>D.</figcaption></figure>',
    );
  });

  test('refuses a drawing that is not an SVG', () => {
    expect(() => figureHtml({ id: 'd', title: 'T', description: 'D.', drawing: { svg: '<div></div>' } })).toThrow(
      'the drawing of diagram "d" does not start with an <svg> element',
    );
  });
});
