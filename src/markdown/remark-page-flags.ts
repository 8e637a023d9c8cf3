import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Flags a page that has code blocks (other than diagrams), so only such pages load the copy-button script. */
export function remarkPageFlags() {
  return (tree: Root, file: VFile) => {
    let hasCode = false;
    visit(tree, 'code', (node) => {
      if (node.lang !== 'mermaid') hasCode = true;
    });
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, hasCode };
  };
}
