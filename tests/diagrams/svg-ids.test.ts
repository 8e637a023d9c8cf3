import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PLACEHOLDER_ID } from '../../src/diagrams/renderer.ts';
import { scopeIds } from '../../src/diagrams/svg-ids.ts';
import { duplicateIdsIn } from '../support/duplicate-ids.ts';

// Mermaid 12's SVG for this source, as drawOnPage's page.evaluate returned it before scopeIds (light theme, on a
// freshly prepared page), with PLACEHOLDER_ID as the drawing's id:
//   sequenceDiagram / accTitle … / accDescr … / actor User / participant AS as Authorization Server / actor Attacker
//   and four messages. Each `actor` is a stick figure drawn at the top and again at the bottom, and every copy's
//   torso and arms take the id of the last lifeline drawn: "actor-man-torso2" three times.
const sequenceWithActors = readFileSync(new URL('../fixtures/diagrams/sequence-actor.svg', import.meta.url), 'utf8');

/** Every id an attribute of the SVG refers to: url(#…), href="#…" and the aria-* id lists. */
function references(svg: string): string[] {
  return [
    ...[...svg.matchAll(/url\(#([^)"]+)\)|href="#([^"]+)"/g)].map((m) => (m[1] ?? m[2])!),
    ...[...svg.matchAll(/\saria-(?:labelledby|describedby)="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)),
  ];
}

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

  test('renames every repeat of an id and points references, aria-* id lists included, at the first, as a browser does', () => {
    expect(
      scopeIds(
        '<svg id="d1" aria-labelledby="t d1-t"><title id="t"></title><desc id="d1-t"></desc><filter id="f1"></filter><filter id="f1"></filter><g filter="url(#f1)"></g><marker id="d1-m"></marker><marker id="d1-m"></marker><use href="#d1-m"></use><p id="t"></p></svg>',
        'd1',
      ),
    ).toBe(
      '<svg id="d1" aria-labelledby="d1-t0 d1-t"><title id="d1-t0"></title><desc id="d1-t"></desc><filter id="d1-f0"></filter><filter id="d1-f1"></filter><g filter="url(#d1-f0)"></g><marker id="d1-m"></marker><marker id="d1-m-2"></marker><use href="#d1-m"></use><p id="d1-t1"></p></svg>',
    );
  });

  test('never renames an id onto one the drawing already has', () => {
    expect(scopeIds('<svg id="d1"><g id="x"></g><g id="d1-x0"></g></svg>', 'd1')).toBe(
      '<svg id="d1"><g id="d1-x1"></g><g id="d1-x0"></g></svg>',
    );
  });

  test("gives each of a sequence diagram's actor stick figures ids of its own", () => {
    expect(duplicateIdsIn(sequenceWithActors)).toEqual({ 'actor-man-arms2': 3, 'actor-man-torso2': 3 });
    const scoped = scopeIds(sequenceWithActors, PLACEHOLDER_ID);
    expect(duplicateIdsIn(scoped)).toEqual({});
    const ids = new Set([...scoped.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
    expect(references(scoped).filter((id) => !ids.has(id))).toEqual([]);
  });
});
