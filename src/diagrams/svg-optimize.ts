import { optimize, VERSION, type CustomPlugin, type PluginConfig, type XastElement, type XastParent } from 'svgo';

/**
 * Attributes Mermaid writes for its own runtime (edge routing points as base64 JSON, edge types) that a static
 * drawing never reads. `data-points` alone is about a third of a flowchart's gzip bytes: base64 barely compresses.
 * `data-id` stays: the quiz finds the flowchart's edges by it.
 */
const RUNTIME_ATTRIBUTES = ['data-points', 'data-et', 'data-edge'];

/**
 * Mermaid defines a dozen arrowhead markers in every flowchart and uses one or two. Drops every `<marker>` that
 * no `url(#id)` (in an attribute or the style sheet) points at.
 */
const removeUnusedMarkers: CustomPlugin = {
  name: 'removeUnusedMarkers',
  fn: (root) => {
    const referenced = new Set<string>();
    const collect = (parent: XastParent) => {
      for (const child of parent.children) {
        if (child.type === 'text' || child.type === 'cdata') {
          for (const [, id] of child.value.matchAll(/url\(#([^)]+)\)/g)) referenced.add(id!);
        }
        if (child.type !== 'element') continue;
        for (const value of Object.values(child.attributes)) {
          for (const [, id] of value.matchAll(/url\(#([^)]+)\)/g)) referenced.add(id!);
        }
        collect(child);
      }
    };
    collect(root);
    return {
      element: {
        enter: (node: XastElement, parent: XastParent) => {
          if (node.name !== 'marker') return;
          const id = node.attributes['id'];
          if (id === undefined || referenced.has(id)) return;
          parent.children = parent.children.filter((child) => child !== node);
        },
      },
    };
  },
};

/**
 * The plugins, chosen one by one rather than SVGO's default preset: the preset renames ids (which the page's
 * aria-labelledby, the dark-theme styles and the quiz rely on) and moves styles into style attributes (which
 * the Content-Security-Policy would then have to allow one by one).
 */
const plugins: PluginConfig[] = [
  'removeComments',
  'cleanupAttrs',
  // Drops every rule naming a class, id or element the drawing does not have: Mermaid ships the style sheet of
  // all its diagram types with each one. `force`: the SVG has no scripts, so the usage data is complete.
  { name: 'minifyStyles', params: { usage: { force: true } } },
  'cleanupNumericValues',
  'convertPathData',
  'removeEmptyAttrs',
  { name: 'removeAttrs', params: { attrs: RUNTIME_ATTRIBUTES.map((name) => `*:${name}`) } },
  removeUnusedMarkers,
];

/**
 * What decides the optimizer's output besides the SVG: SVGO's version and the plugins with their parameters.
 * Part of the diagram cache key, so a change here never serves a stale drawing.
 */
export const optimizerSignature = JSON.stringify({ svgo: VERSION, plugins });

/**
 * Shrinks one SVG as Mermaid drew it, before it is cached: the same drawing in fewer bytes. Titles, descriptions,
 * ids, classes, text and `data-id` are kept; coordinates keep three decimals.
 */
export function optimizeSvg(svg: string): string {
  // SVGO wraps a style sheet holding "<" or ">" (child combinators) in CDATA. Escaped text is the same to the
  // browser, and keeps the sheet something mergeThemes can append to and the CSP step can hash.
  return optimize(svg, { plugins }).data.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
  );
}
