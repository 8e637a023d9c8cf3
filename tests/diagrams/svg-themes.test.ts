import { describe, expect, test } from 'vitest';
import { mergeThemes } from '../../src/diagrams/svg-themes.ts';

const drawing = (css: string, body: string) =>
  `<svg id="d1" role="graphics-document"><style>${css}</style><g>${body}</g></svg>`;

describe('mergeThemes', () => {
  const light = drawing(
    '#d1 .node rect{fill:#ECECFF;}#d1 .edge{stroke:url(#d1-gradient);}',
    '<rect class="node"></rect>',
  );
  const dark = drawing(
    '#d1 .node rect{fill:#1f2020;}#d1 .edge{stroke:url(#d1-gradient);}',
    '<rect class="node"></rect>',
  ) //
    .replace(
      '</svg>',
      '<defs><linearGradient id="d1-gradient"><stop offset="0%"></stop></linearGradient></defs></svg>',
    );
  const merged = mergeThemes(light, dark, 'd1');

  test('keeps the light drawing and its styles', () => {
    expect(merged.startsWith('<svg id="d1" role="graphics-document"><style>#d1 .node rect{fill:#ECECFF;}')).toBe(true);
    expect(merged.match(/<rect class="node">/g)).toHaveLength(1);
  });

  test('adds the dark styles for the dark page theme and for a dark system setting without a chosen theme', () => {
    expect(merged).toContain(':root[data-theme="dark"] #d1 .node rect{fill:#1f2020;}');
    expect(merged).toContain(
      '@media (prefers-color-scheme: dark){:root:not([data-theme="light"]) #d1 .node rect{fill:#1f2020;}',
    );
  });

  test('leaves url(#id-…) references alone and carries over gradients only the dark drawing has', () => {
    expect(merged).toContain(':root[data-theme="dark"] #d1 .edge{stroke:url(#d1-gradient);}');
    expect(merged).not.toContain('url(:root');
    expect(
      merged.endsWith('<defs><linearGradient id="d1-gradient"><stop offset="0%"></stop></linearGradient></defs></svg>'),
    ).toBe(true);
  });

  test('does not touch a longer id that starts with the same text', () => {
    const css = '#d1-x{fill:red}#d1 .a{fill:blue}';
    expect(mergeThemes(drawing('', ''), drawing(css, ''), 'd1')).toContain(
      '#d1-x{fill:red}:root[data-theme="dark"] #d1 .a{fill:blue}',
    );
  });
});
