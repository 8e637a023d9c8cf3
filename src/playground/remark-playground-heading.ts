import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ComponentHeading } from '../markdown/component-headings.ts';
import { isGrantId } from './grant-ids.ts';
import { PLAYGROUND_HEADING_ID, playgroundHeading } from './heading.ts';

/**
 * Puts a page's `<Playground />` heading in its "On this page" list, where the component stands among the
 * Markdown headings ([...slug].astro merges them). A grant the playground does not run is left to Playground.astro,
 * which fails the build naming it.
 */
export function remarkPlaygroundHeading() {
  return (tree: Root, file: VFile) => {
    const found: ComponentHeading[] = [];
    let before = 0;
    visit(tree, (node) => {
      if (node.type === 'heading') before++;
      if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Playground') return;
      const grant = attribute(node, 'grant');
      if (grant !== undefined && !isGrantId(grant)) return;
      const level = Number(attribute(node, 'headingLevel') ?? 2);
      found.push({ before, depth: level, slug: PLAYGROUND_HEADING_ID, text: playgroundHeading(grant) });
    });
    if (found.length === 0) return;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, componentHeadings: found };
  };
}

/** A JSX attribute's value: the string, or the source of an expression such as `{3}`. */
function attribute(node: MdxJsxFlowElement, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name !== name || a.value == null) continue;
    return typeof a.value === 'string' ? a.value : a.value.value.trim();
  }
  return undefined;
}
