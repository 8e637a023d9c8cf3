/**
 * Merges the light and dark drawings of one Mermaid diagram into one SVG: the light drawing's markup, its own
 * styles, and the dark drawing's styles scoped to the dark page theme (the toggle's data-theme, or the system
 * setting when no script ran). Both drawings come from the same source and layout, so only colours differ;
 * the dark drawing's extra gradients are carried over. Half the bytes of shipping two SVGs.
 *
 * `id` is the id both drawings were rendered with (every Mermaid selector starts with `#id`).
 */
export function mergeThemes(light: string, dark: string, id: string): string {
  const darkCss = styleOf(dark);
  if (darkCss === undefined) return light;
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `#id` as a selector, not inside url(#id-…) and not a longer id.
  const selector = new RegExp(`(?<!\\()#${escaped}(?![-\\w])`, 'g');
  const explicit = darkCss.replace(selector, `:root[data-theme="dark"] #${id}`);
  const system = darkCss.replace(selector, `:root:not([data-theme="light"]) #${id}`);
  const scoped = `${explicit}@media (prefers-color-scheme: dark){${system}}`;
  const gradients = [...dark.matchAll(/<linearGradient\b[\s\S]*?<\/linearGradient>/g)]
    .map((m) => m[0])
    .filter((g) => !light.includes(g));
  let merged = light.replace('</style>', `${scoped}</style>`);
  if (gradients.length > 0) merged = merged.replace(/<\/svg>\s*$/, `<defs>${gradients.join('')}</defs></svg>`);
  return merged;
}

function styleOf(svg: string): string | undefined {
  return /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1];
}
