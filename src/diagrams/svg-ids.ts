/**
 * Attributes whose value is a list of ids (WAI-ARIA 1.2 ID reference and ID reference list properties).
 * @see https://www.w3.org/TR/wai-aria-1.2/#propcharacteristic_value
 */
const ARIA_ID_REFERENCES = [
  'activedescendant',
  'controls',
  'describedby',
  'details',
  'errormessage',
  'flowto',
  'labelledby',
  'owns',
];

/**
 * Gives every element of a Mermaid drawing an id of its own under the drawing's id, and updates what refers to
 * them (`url(#…)`, `href="#…"`, the aria-* id lists).
 *
 * An id that does not already contain the drawing's id moves under it, numbered by order of appearance: Mermaid
 * numbers sequence diagrams' lifelines (`actor7`, `root-7`) with a counter that lives as long as the browser
 * page, so without this the ids depend on which pooled page drew the diagram, and two diagrams on one page can
 * share one. An id that repeats gets a new name for each repeat: Mermaid draws an `actor`'s stick figure at the
 * top and the bottom of a sequence diagram, and every copy's torso and arms take the id of the last lifeline
 * drawn. References keep pointing at the first element with the id, the one a browser resolves them to.
 */
export function scopeIds(svg: string, id: string): string {
  const values = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  // Names no new id may take: the ids kept as they are, then every name given.
  const taken = new Set(values.filter((value) => value.includes(id)));
  const counts = new Map<string, number>();
  const fresh = (stem: string, from: number): string => {
    let n = counts.get(stem) ?? from;
    while (taken.has(`${stem}${n}`)) n++;
    counts.set(stem, n + 1);
    taken.add(`${stem}${n}`);
    return `${stem}${n}`;
  };
  const first = new Map<string, string>();
  const named = values.map((value) => {
    let name = value;
    if (!value.includes(id)) name = fresh(`${id}-${value.replace(/\d+$/, '')}`, 0);
    // The second copy of a kept id is "-2", as with a diagram drawn twice on one page.
    else if (first.has(value)) name = fresh(`${value}-`, 2);
    if (!first.has(value)) first.set(value, name);
    return name;
  });
  if (named.every((name, i) => name === values[i])) return svg;

  let next = 0;
  const ids = svg.replace(/(\sid=")[^"]+/g, (_, before: string) => `${before}${named[next++]}`);
  const aria = new RegExp(`(\\saria-(?:${ARIA_ID_REFERENCES.join('|')})=")([^"]*)`, 'g');
  return ids
    .replace(/(url\(#|href="#)([^")]+)/g, (_, before: string, value: string) => `${before}${first.get(value) ?? value}`)
    .replace(
      aria,
      (_, before: string, list: string) => `${before}${list.replace(/\S+/g, (value) => first.get(value) ?? value)}`,
    );
}
