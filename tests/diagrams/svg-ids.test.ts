import { describe, expect, test } from 'vitest';
import { scopeIds } from '../../src/diagrams/svg-ids.ts';

describe('scopeIds', () => {
  test("numbers Mermaid's page-wide lifeline ids from 0 under the drawing's id, whatever page drew it", () => {
    const drawn = (first: number) =>
      `<svg id="d1"><line id="actor${first}"></line><g id="root-${first}"></g><line id="actor${first + 1}"></line></svg>`;
    const expected =
      '<svg id="d1"><line id="d1-actor0"></line><g id="d1-root-0"></g><line id="d1-actor1"></line></svg>';
    expect(scopeIds(drawn(7), 'd1')).toBe(expected);
    expect(scopeIds(drawn(10), 'd1')).toBe(expected);
  });

  test('updates url(#…) and href="#…" references and leaves ids that already carry the drawing id', () => {
    expect(
      scopeIds(
        '<svg id="d1"><marker id="d1-arrow"></marker><filter id="shadow"></filter><g filter="url(#shadow)"></g><use href="#shadow"></use><title id="chart-title-d1"></title></svg>',
        'd1',
      ),
    ).toBe(
      '<svg id="d1"><marker id="d1-arrow"></marker><filter id="d1-shadow0"></filter><g filter="url(#d1-shadow0)"></g><use href="#d1-shadow0"></use><title id="chart-title-d1"></title></svg>',
    );
  });
});
