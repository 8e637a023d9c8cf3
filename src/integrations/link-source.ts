import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokenLink } from './check-links.ts';

/**
 * Where an author wrote a broken link: the MDX file of the built page and the line the target is written on,
 * as `content/tools/pkce.mdx:12`, or the built page's URL when the link does not come from its source (a
 * layout, a component, a decision tree).
 */
export function linkSource(root: string, base: string, link: BrokenLink): string {
  const path = link.page.startsWith(base) ? link.page.slice(base.length) : link.page.replace(/^\//, '');
  const slug = path.replace(/\/$/, '');
  const candidates = slug === '' ? ['content/index.mdx'] : [`content/${slug}.mdx`, `content/${slug}/index.mdx`];
  const file = candidates.find((candidate) => existsSync(join(root, candidate)));
  if (!file) return link.page;
  // Authors write root-relative links; the build adds the base path.
  const written = `/${link.target.startsWith(base) ? link.target.slice(base.length) : link.target.replace(/^\//, '')}`;
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`(${written})`) || line.includes(`"${written}"`));
  return index === -1 ? file : `${file}:${index + 1}`;
}

/** One line per broken link: where it is written, the target, why it fails, and what to do. */
export function describeBrokenLink(root: string, base: string, link: BrokenLink): string {
  const fix =
    link.reason === 'no element with that id'
      ? 'Link to a heading that exists on that page (its id is the heading text in kebab-case), or drop the #fragment.'
      : 'Link to a page that exists, root-relative with a trailing slash, e.g. /api-auth/grant/implicit/.';
  return `${linkSource(root, base, link)}: broken link to ${link.target} (${link.reason}). ${fix}`;
}
