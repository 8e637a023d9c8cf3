/**
 * What a callout is, in one place: the Markdown blocks (src/markdown/remark-callouts.ts) and the islands'
 * notes (Callout.tsx) render the same markup from it. Every callout is an <aside> labelled by its title, and
 * the title is a heading one level below the section the callout sits in, written as
 * `<p role="heading" aria-level>` so it never enters the table of contents or gets a section anchor.
 * Only a callout that corrects a text the site reproduces (a `:::guidance` block in a page) says so in
 * `CORRECTION_NOTE`; the quiz's and the calculator's notes (Callout.tsx) are the site's own words and carry none.
 */

/** The kinds of callout, and the classes each one renders with. */
export const CALLOUT_CLASSES = {
  panel: ['callout', 'callout--panel'],
  guidance: ['callout', 'callout--guidance'],
} as const;

/** A callout kind: `panel` (background, aside from the text) or `guidance` (current practice, styled as a warning). */
export type CalloutKind = keyof typeof CALLOUT_CLASSES;

/** The line under the title of a callout that corrects a reproduced text. */
export const CORRECTION_NOTE = 'Note from this site, not part of the original article';

/** The heading level of a callout's title inside a section whose heading has `sectionLevel` (h1 to h6). */
export const calloutTitleLevel = (sectionLevel: number): number => Math.min(Math.max(sectionLevel, 1) + 1, 6);
