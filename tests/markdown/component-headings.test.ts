import { describe, expect, test } from 'vitest';
import { withComponentHeadings } from '../../src/markdown/component-headings.ts';

describe('withComponentHeadings', () => {
  const h = (slug: string, depth = 2) => ({ depth, slug, text: slug });

  test('puts each component heading after the Markdown headings before it, in document order', () => {
    const merged = withComponentHeadings(
      [h('a'), h('b', 3), h('c')],
      [
        { ...h('late'), before: 3 },
        { ...h('mid'), before: 2 },
        { ...h('first'), before: 0 },
      ],
    );
    expect(merged.map((x) => x.slug)).toEqual(['first', 'a', 'b', 'mid', 'c', 'late']);
    expect(merged[0]).toEqual(h('first'));
  });

  test('returns the Markdown headings unchanged when no component adds one', () => {
    expect(withComponentHeadings([h('a')])).toEqual([h('a')]);
  });
});
