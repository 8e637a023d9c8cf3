import { SIDEBAR_GROUPS, type Frontmatter } from './frontmatter.ts';

/** The part of a page the navigation needs. */
export interface NavPage {
  /** Collection id: the file's path in content/ without extension ("index" is the home page). */
  id: string;
  data: Pick<Frontmatter, 'title' | 'sidebar'>;
}

/** One sidebar link. */
export interface NavLink {
  label: string;
  /** Root-relative path with a trailing slash, before the base path is applied. */
  path: string;
}

/** A titled group of sidebar links. */
export interface NavGroup {
  label: (typeof SIDEBAR_GROUPS)[number];
  links: NavLink[];
}

/** URL path of a page from its collection id. */
export function pathOf(id: string): string {
  return id === 'index' ? '/' : `/${id.replace(/\/index$/, '')}/`;
}

/** Sidebar groups in their fixed order, pages ordered by sidebar.order then title; empty groups left out. */
export function sidebar(pages: readonly NavPage[]): NavGroup[] {
  return SIDEBAR_GROUPS.map((label) => ({
    label,
    links: pages
      .filter((p) => p.data.sidebar.group === label)
      .sort((a, b) => a.data.sidebar.order - b.data.sidebar.order || a.data.title.localeCompare(b.data.title))
      .map((p) => ({ label: p.data.sidebar.label ?? p.data.title, path: pathOf(p.id) })),
  })).filter((group) => group.links.length > 0);
}

/** The pages before and after a path in sidebar reading order. */
export function prevNext(groups: readonly NavGroup[], path: string): { prev?: NavLink; next?: NavLink } {
  const flat = groups.flatMap((g) => g.links);
  const at = flat.findIndex((l) => l.path === path);
  if (at === -1) return {};
  const prev = flat[at - 1];
  const next = flat[at + 1];
  return { ...(prev && { prev }), ...(next && { next }) };
}
