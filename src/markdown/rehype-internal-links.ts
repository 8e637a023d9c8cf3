import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../lib/links.ts';

/**
 * Rewrites root-relative links written in Markdown (`/api-auth/grant/implicit`) to the site's base path and
 * trailing-slash policy, so content stays portable between hosts.
 */
export function rehypeInternalLinks(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.tagName === 'a' ? node.properties['href'] : undefined;
      if (typeof href === 'string') node.properties['href'] = withBase(options.base, href);
    });
  };
}
