/**
 * Moves every id of a Mermaid drawing that does not already contain the drawing's own id under it, numbered by
 * order of appearance, and updates what refers to them (`url(#…)`, `href="#…"`). Mermaid numbers sequence
 * diagrams' lifelines (`actor7`, `root-7`) with a counter that lives as long as the browser page, so without
 * this the ids depend on which pooled page drew the diagram, and two diagrams on one page can share one.
 */
export function scopeIds(svg: string, id: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [, value] of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (value === undefined || value.includes(id) || renamed.has(value)) continue;
    const base = value.replace(/\d+$/, '');
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    renamed.set(value, `${id}-${base}${n}`);
  }
  if (renamed.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (match, before: string, value: string) => {
    const name = renamed.get(value);
    return name === undefined ? match : `${before}${name}`;
  });
}
