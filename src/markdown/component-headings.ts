import type { MarkdownHeading } from 'astro';

/**
 * A heading a component renders (such as `<Playground />`'s). Astro lists only a page's Markdown headings, so a
 * remark plugin records where the component stands: `before` is how many Markdown headings come before it.
 */
export interface ComponentHeading extends MarkdownHeading {
  before: number;
}

/** The page's headings in document order, the components' among the Markdown ones ("On this page" lists them). */
export function withComponentHeadings(
  headings: readonly MarkdownHeading[],
  components: readonly ComponentHeading[] = [],
): MarkdownHeading[] {
  const merged: MarkdownHeading[] = [];
  const pending = [...components].sort((a, b) => a.before - b.before);
  headings.forEach((heading, index) => {
    while (pending[0] && pending[0].before <= index) merged.push(strip(pending.shift()!));
    merged.push(heading);
  });
  return [...merged, ...pending.map(strip)];
}

const strip = ({ depth, slug, text }: ComponentHeading): MarkdownHeading => ({ depth, slug, text });
