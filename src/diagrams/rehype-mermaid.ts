import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { mermaidErrorLine, readAccessibility, summariseMermaidError } from './meta.ts';
import { DIAGRAM_THEMES } from './meta.ts';
import { mergeThemes } from './svg-themes.ts';
import { cacheKey, PLACEHOLDER_ID, type DiagramRenderer } from './renderer.ts';
import { AuthorError, sourceLocation } from '../markdown/author-error.ts';

/** Options of rehypeMermaid: the build's renderer, and what to call once when it has no browser. */
export interface RehypeMermaidOptions {
  renderer: DiagramRenderer;
  /** Called for every diagram left to the reader's browser; the integration warns once. */
  onClientRendering: () => void;
}

/**
 * Replaces every ```mermaid code block with a <figure>: the diagram drawn at build time as one inline SVG that
 * carries a light and a dark theme's styles, its accTitle as accessible name and its accDescr as caption. Without a browser at
 * build time the figure keeps the source for the reader's browser to draw, and the page is flagged for that.
 */
export function rehypeMermaid({ renderer, onClientRendering }: RehypeMermaidOptions) {
  return async (tree: Root, file: VFile) => {
    const blocks: { pre: Element; parent: Element | Root; index: number; source: string; figureId?: string }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      const code = node.tagName === 'pre' ? node.children[0] : undefined;
      if (!code || code.type !== 'element' || code.tagName !== 'code' || index === undefined || !parent) return;
      if (parent.type !== 'root' && parent.type !== 'element') return;
      const classes = code.properties['className'];
      if (!Array.isArray(classes) || !classes.includes('language-mermaid')) return;
      const meta = (code.data as { meta?: unknown } | undefined)?.meta;
      const figureId = typeof meta === 'string' ? /(?:^|\s)id=([a-z0-9-]+)(?:\s|$)/.exec(meta)?.[1] : undefined;
      const source = toText(code, { whitespace: 'pre' }).trimEnd();
      blocks.push({ pre: node, parent, index, source, ...(typeof figureId === 'string' && { figureId }) });
    });
    if (blocks.length === 0) return;

    const where = (line?: number) => sourceLocation(file, line);
    const seen = new Map<string, number>();
    await Promise.all(
      blocks.map(async ({ pre, parent, index, source, figureId }) => {
        // The fence line is pre's first line; the diagram's line 1 is the line after it.
        const fenceLine = pre.position?.start.line;
        const a11y = readAccessibility(source);
        if ('problem' in a11y) throw new AuthorError(`${where(fenceLine)}: ${a11y.problem}`, fenceLine);
        const key = cacheKey(source, 'light').slice(0, 10);
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        const id = figureId ?? `mmd-${key}${count > 1 ? `-${count}` : ''}`;

        const drawings = await Promise.all(DIAGRAM_THEMES.map((theme) => renderer.render(source, theme)));
        const figure = figureFor(id, a11y.description);
        const [light, dark] = drawings;
        if (!light || !dark) {
          onClientRendering();
          markClientRendering(file);
          figure.properties['dataDiagram'] = 'pending';
          figure.children.unshift({
            type: 'element',
            tagName: 'pre',
            properties: { className: ['mermaid-source'], dataTitle: a11y.title },
            children: [{ type: 'text', value: source }],
          });
        } else {
          for (const drawing of [light, dark]) {
            if (!('error' in drawing)) continue;
            const line = mermaidErrorLine(drawing.error);
            const at = fenceLine !== undefined && line !== undefined ? fenceLine + line : fenceLine;
            throw new AuthorError(
              `${where(at)}: Mermaid could not parse this diagram: ${summariseMermaidError(drawing.error)}`,
              at,
            );
          }
          if ('svg' in light && 'svg' in dark) {
            const svg = mergeThemes(light.svg, dark.svg, PLACEHOLDER_ID).replaceAll(PLACEHOLDER_ID, `${id}-svg`);
            figure.children.unshift(svgFragment(svg, a11y.title, isMdx(file)));
          }
        }
        parent.children[index] = figure as ElementContent & Element;
      }),
    );
  };
}

function figureFor(id: string, description: string): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram'], id },
    children: [
      { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: description }] },
    ],
  };
}

/**
 * The smallest share of its drawn size a diagram shrinks to: Mermaid draws text at 15 to 16 px, so it stays at
 * 11 px or more. A narrower column (a phone) scrolls the diagram sideways instead of shrinking it further.
 */
const MIN_DIAGRAM_SCALE = 0.75;

/**
 * The SVG as one string, rendered by Astro's <Fragment set:html>: turning a large SVG into MDX/JSX nodes
 * cost a warm 800-page build about half its time again (see README, Performance). The opening tag becomes an
 * accessible image named by the diagram's accTitle, and gets a minimum width (MIN_DIAGRAM_SCALE) inside a
 * wrapper that scrolls, and can be focused to scroll with the keyboard.
 */
function svgFragment(svg: string, title: string, mdx: boolean): ElementContent {
  const opening = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (!opening) throw new Error('Mermaid returned no <svg> element');
  const tag = opening
    .replace(/\srole="[^"]*"/, '')
    .replace(/\saria-roledescription="[^"]*"/, '')
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttribute(title)}"`)
    .replace(/\bstyle="max-width:\s*([\d.]+)px;?"/, (_, width: string) => {
      const min = Math.round(Number(width) * MIN_DIAGRAM_SCALE);
      return `style="max-width:${width}px;min-width:${min}px"`;
    });
  const html = `<div class="diagram__scroll" tabindex="0">${tag}${svg.slice(opening.length)}</div>`;
  // Plain Markdown (a decision tree's flowchart, rendered by the content layer) takes raw HTML; MDX does not.
  if (!mdx) return { type: 'raw', value: html } as unknown as ElementContent;
  const node: MdxJsxFlowElementHast = {
    type: 'mdxJsxFlowElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
    children: [],
  };
  return node;
}

const isMdx = (file: VFile) => file.path?.endsWith('.mdx') ?? false;

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

function markClientRendering(file: VFile): void {
  const astro = (file.data.astro ??= {});
  astro.frontmatter = { ...astro.frontmatter, clientDiagrams: true };
}
