import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { toText } from 'hast-util-to-text';
import { createHash } from 'node:crypto';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { figureHtml } from './figure.ts';
import { DIAGRAM_THEMES, mermaidErrorLine, readAccessibility, summariseMermaidError } from './meta.ts';
import { PLACEHOLDER_ID, type DiagramRenderer } from './renderer.ts';
import { mergeThemes } from './svg-themes.ts';
import { AuthorError, sourceLocation } from '../markdown/author-error.ts';

/** Options of rehypeMermaid: the build's renderer, and what to call once when it has no browser. */
export interface RehypeMermaidOptions {
  renderer: DiagramRenderer;
  /** Called for every diagram left to the reader's browser; the integration warns once. */
  onClientRendering: () => void;
}

/**
 * The id of a diagram's figure, its public `#anchor`: the `id=` in the fence's meta when there is one, otherwise
 * a hash of the diagram's source text alone, so the anchor survives upgrades of Mermaid, SVGO and the renderer.
 */
export function figureIdFor(source: string, meta: unknown): string {
  const explicit = typeof meta === 'string' ? /(?:^|\s)id=([a-z0-9-]+)(?:\s|$)/.exec(meta)?.[1] : undefined;
  return explicit ?? `mmd-${createHash('sha256').update(source).digest('hex').slice(0, 10)}`;
}

/**
 * Replaces every ```mermaid code block with a <figure> (figureHtml): the diagram drawn at build time as one inline
 * SVG that carries a light and a dark theme's styles, its accTitle as accessible name and its accDescr as caption.
 * Without a browser at build time the figure keeps the source for the reader's browser to draw, and the page is
 * flagged for that.
 */
export function rehypeMermaid({ renderer, onClientRendering }: RehypeMermaidOptions) {
  return async (tree: Root, file: VFile) => {
    const blocks: { parent: Element | Root; index: number; source: string; id: string; fenceLine?: number }[] = [];
    const seen = new Map<string, number>();
    visit(tree, 'element', (node, index, parent) => {
      const code = node.tagName === 'pre' ? node.children[0] : undefined;
      if (!code || code.type !== 'element' || code.tagName !== 'code' || index === undefined || !parent) return;
      if (parent.type !== 'root' && parent.type !== 'element') return;
      const classes = code.properties['className'];
      if (!Array.isArray(classes) || !classes.includes('language-mermaid')) return;
      const source = toText(code, { whitespace: 'pre' }).trimEnd();
      const base = figureIdFor(source, (code.data as { meta?: unknown } | undefined)?.meta);
      // The same diagram twice on one page: the second figure gets "-2", in document order.
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const id = count > 1 ? `${base}-${count}` : base;
      // The fence line is pre's first line; the diagram's line 1 is the line after it.
      const fenceLine = node.position?.start.line;
      blocks.push({ parent, index, source, id, ...(fenceLine !== undefined && { fenceLine }) });
    });
    if (blocks.length === 0) return;

    await Promise.all(
      blocks.map(async ({ parent, index, source, id, fenceLine }) => {
        const a11y = readAccessibility(source);
        if ('problem' in a11y) throw new AuthorError(`${sourceLocation(file, fenceLine)}: ${a11y.problem}`, fenceLine);
        const [light, dark] = await Promise.all(DIAGRAM_THEMES.map((theme) => renderer.render(source, theme)));
        let html: string;
        if (!light || !dark) {
          onClientRendering();
          markClientRendering(file);
          html = figureHtml({ id, ...a11y, drawing: { source } });
        } else {
          for (const drawing of [light, dark]) {
            if (!('error' in drawing)) continue;
            const line = mermaidErrorLine(drawing.error);
            const at = fenceLine !== undefined && line !== undefined ? fenceLine + line : fenceLine;
            throw new AuthorError(
              `${sourceLocation(file, at)}: Mermaid could not parse this diagram: ${summariseMermaidError(drawing.error)}`,
              at,
            );
          }
          if (!('svg' in light) || !('svg' in dark)) return;
          const svg = mergeThemes(light.svg, dark.svg, PLACEHOLDER_ID).replaceAll(PLACEHOLDER_ID, `${id}-svg`);
          html = figureHtml({ id, ...a11y, drawing: { svg } });
        }
        parent.children[index] = htmlNode(html, isMdx(file));
      }),
    );
  };
}

/**
 * The figure as one string. MDX gets Astro's <Fragment set:html>: turning a large SVG into MDX/JSX nodes cost a
 * warm 800-page build about half its time again (see README, Performance). Plain Markdown (a decision tree's
 * flowchart, rendered by the content layer) takes raw HTML.
 */
function htmlNode(html: string, mdx: boolean): ElementContent {
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

function markClientRendering(file: VFile): void {
  const astro = (file.data.astro ??= {});
  astro.frontmatter = { ...astro.frontmatter, clientDiagrams: true };
}
