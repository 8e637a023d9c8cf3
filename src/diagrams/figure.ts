/** One diagram figure: its drawing (or its source, left for the reader's browser), id, name and caption. */
export interface DiagramFigure {
  /** The figure's id: the public `#anchor` of the diagram. */
  id: string;
  /** From `accTitle:`; the drawing's accessible name. */
  title: string;
  /** From `accDescr:`; the caption. */
  description: string;
  /** The drawing as one SVG (both themes merged, ids already `${id}-svg…`), or the source when none was drawn. */
  drawing: { svg: string } | { source: string };
}

/**
 * The smallest share of its drawn size a diagram shrinks to: Mermaid draws text at 15 to 16 px, so it stays at
 * 11 px or more. A narrower column (a phone) scrolls the diagram sideways instead of shrinking it further.
 */
export const MIN_DIAGRAM_SCALE = 0.75;

/**
 * The figure's HTML, the same from the build and from the reader-side fallback: the drawing as an accessible
 * image named by the accTitle, with a minimum width (MIN_DIAGRAM_SCALE) inside a wrapper that scrolls and can be
 * focused to scroll with the keyboard, then the accDescr as caption. Without a drawing, the figure holds the
 * source for the reader's browser and is marked `data-diagram="pending"`. Throws when `svg` is not an SVG.
 */
export function figureHtml({ id, title, description, drawing }: DiagramFigure): string {
  const caption = `<figcaption>${escapeText(description)}</figcaption>`;
  if ('source' in drawing) {
    const pre = `<pre class="mermaid-source" data-title="${escapeAttribute(title)}">${escapeText(drawing.source)}</pre>`;
    return `<figure class="diagram" id="${escapeAttribute(id)}" data-diagram="pending">${pre}${caption}</figure>`;
  }
  const { svg } = drawing;
  const opening = /^\s*<svg\b[^>]*>/.exec(svg)?.[0];
  if (!opening) throw new Error(`the drawing of diagram "${id}" does not start with an <svg> element`);
  const tag = opening
    .trimStart()
    .replace(/\srole="[^"]*"/, '')
    .replace(/\saria-roledescription="[^"]*"/, '')
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttribute(title)}"`)
    .replace(/\bstyle="max-width:\s*([\d.]+)px;?"/, (_, width: string) => {
      const min = Math.round(Number(width) * MIN_DIAGRAM_SCALE);
      return `style="max-width:${width}px;min-width:${min}px"`;
    });
  const scroll = `<div class="diagram__scroll" tabindex="0">${tag}${svg.slice(opening.length)}</div>`;
  return `<figure class="diagram" id="${escapeAttribute(id)}">${scroll}${caption}</figure>`;
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
