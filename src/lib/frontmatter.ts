import { z } from 'astro/zod';

/** Sidebar groups, in the order the sidebar shows them. */
export const SIDEBAR_GROUPS = ['Start here', 'Grants', 'Architectures', 'Tutorials', 'Tools'] as const;

/** Frontmatter every page in content/ carries; the single source of the layout's props. */
export const frontmatterSchema = z.strictObject({
  /** The page's <h1> and <title>. */
  title: z.string().min(1, 'title must not be empty'),
  /** Meta description and social card text: one sentence a search result can show. */
  description: z
    .string()
    .min(50, 'description must be at least 50 characters: one full sentence for search results')
    .max(160, 'description must be at most 160 characters so search results do not cut it off'),
  /**
   * The page reproduces an older text (the Auth0 article): its `:::guidance` callouts then say they are the
   * site's note, not part of that text. Pages the site wrote itself leave it off.
   */
  reproduces: z.boolean().default(false),
  /** Show an on-page table of contents of the page's ## and ### headings. */
  toc: z.boolean().default(false),
  /** Where the page sits in the sidebar and in previous/next links. */
  sidebar: z.strictObject({
    /** One of the sidebar's groups. */
    group: z.enum(SIDEBAR_GROUPS),
    /** Position inside the group, smallest first. */
    order: z.number().int(),
    /** Shorter text for the sidebar than the title. */
    label: z.string().min(1).optional(),
  }),
});

/** A page's validated frontmatter. */
export type Frontmatter = z.infer<typeof frontmatterSchema>;

/**
 * Splits a page's source into its frontmatter YAML (undefined when it has none) and its body, with the
 * frontmatter's lines left blank so line numbers in the body stay the file's own, as Astro's MDX does.
 */
export function splitFrontmatter(source: string): { yaml: string | undefined; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?=\r?\n|$)/.exec(source);
  if (!match) return { yaml: undefined, body: source };
  return { yaml: match[1] ?? '', body: match[0].replace(/[^\n]/g, '') + source.slice(match[0].length) };
}
