import { describe, expect, test } from 'vitest';
import { optimizeSvg } from '../../src/diagrams/svg-optimize.ts';
import { mergeThemes } from '../../src/diagrams/svg-themes.ts';

/** A flowchart shaped as Mermaid draws one: its whole style sheet, every marker, runtime data attributes. */
const drawing = (fill: string) =>
  [
    '<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 200 100"',
    ' aria-labelledby="chart-title-d1" aria-describedby="chart-desc-d1">',
    '<title id="chart-title-d1">Pick a grant</title><desc id="chart-desc-d1">Two questions.</desc>',
    `<style>#d1 .node rect{fill:${fill};stroke:#9370DB;}#d1 .cluster rect{fill:#ffffde;}`,
    '#d1 .flowchart-link{stroke:#333;fill:none;}#d1 .actor-man line{stroke:#000;}</style>',
    '<g><marker id="d1_pointEnd" viewBox="0 0 10 10"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker>',
    '<marker id="d1_circleEnd" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"></circle></marker>',
    '<path d="M 10.123456,20.987654 L 10.123456,80.5" class="flowchart-link" data-id="L_a_b_0" data-et="edge"',
    ' data-edge="true" data-points="W3sieCI6MTAuMTIzNDU2LCJ5IjoyMC45ODc2NTR9XQ==" marker-end="url(#d1_pointEnd)"></path>',
    '<g class="node default" id="flowchart-a-0"><rect x="-40" y="-20" width="80" height="40"></rect>',
    '<text>Is the Client the Resource Owner?</text></g></g></svg>',
  ].join('');

describe('optimizeSvg', () => {
  const light = drawing('#ECECFF');
  const optimized = optimizeSvg(light);

  test('is smaller and keeps the accessible name, description, text and the ids other code refers to', () => {
    expect(optimized.length).toBeLessThan(light.length);
    expect(optimized).toContain('<title id="chart-title-d1">Pick a grant</title>');
    expect(optimized).toContain('<desc id="chart-desc-d1">Two questions.</desc>');
    expect(optimized).toContain('aria-labelledby="chart-title-d1"');
    expect(optimized).toContain('<svg id="d1"');
    expect(optimized).toContain('id="flowchart-a-0"');
    expect(optimized).toContain('data-id="L_a_b_0"');
    expect(optimized).toContain('Is the Client the Resource Owner?');
  });

  test('drops style rules for classes the drawing does not use, and keeps the ones it does', () => {
    expect(optimized).toContain('#d1 .node rect{fill:#ececff;stroke:#9370db}');
    expect(optimized).toContain('#d1 .flowchart-link{');
    expect(optimized).not.toContain('.cluster');
    expect(optimized).not.toContain('.actor-man');
  });

  test("drops Mermaid's runtime attributes and the markers nothing points at", () => {
    expect(optimized).not.toMatch(/data-points|data-et|data-edge/);
    expect(optimized).toContain('<marker id="d1_pointEnd"');
    expect(optimized).not.toContain('d1_circleEnd');
    expect(optimized).toContain('marker-end="url(#d1_pointEnd)"');
  });

  test('keeps style attributes out: no inline style the Content-Security-Policy would have to allow', () => {
    expect(optimized).not.toContain('style="');
  });

  test('writes a style sheet with ">" as escaped text, not CDATA, so the dark theme can be appended to it', () => {
    const nested = optimizeSvg(light.replace('#d1 .node rect{', '#d1 .node>rect{'));
    expect(nested).not.toContain('CDATA');
    expect(nested).toContain('#d1 .node&gt;rect{');
    const merged = mergeThemes(nested, optimizeSvg(drawing('#1f2020').replace('.node rect{', '.node>rect{')), 'd1');
    expect(merged).toMatch(/<style>[^<]*:root\[data-theme="dark"\] #d1 \.node&gt;rect\{fill:#1f2020;[^<]*<\/style>/);
  });

  test('leaves a drawing mergeThemes can still give a dark theme', () => {
    const merged = mergeThemes(optimized, optimizeSvg(drawing('#1f2020')), 'd1');
    expect(merged).toContain(':root[data-theme="dark"] #d1 .node rect{fill:#1f2020;stroke:#9370db}');
  });
});
