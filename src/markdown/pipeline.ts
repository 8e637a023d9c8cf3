import { rehypeHeadingIds, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkDirective from 'remark-directive';
import { mdxComponents } from '../components/mdx-components.ts';
import { rehypeMermaid, type RehypeMermaidOptions } from '../diagrams/rehype-mermaid.ts';
import { remarkHttpExamples } from '../examples/remark-http-examples.ts';
import { remarkPlaygroundHeading } from '../playground/remark-playground-heading.ts';
import { rehypeInternalLinks } from './rehype-internal-links.ts';
import { remarkCallouts } from './remark-callouts.ts';
import { remarkComponentImports } from './remark-component-imports.ts';
import { remarkPageFlags } from './remark-page-flags.ts';

/** What the pipeline needs from the build: the base path links get, and the diagram renderer. */
export interface PipelineOptions {
  base: string;
  diagrams: RehypeMermaidOptions;
}

/**
 * The site's remark and rehype plugins, in order: the one definition astro.config.mjs gives Astro's unified
 * processor (and MDX inherits), and the tests run Markdown through.
 */
export function markdownPipeline({
  base,
  diagrams,
}: PipelineOptions): Required<Pick<UnifiedProcessorOptions, 'remarkPlugins' | 'rehypePlugins'>> {
  return {
    remarkPlugins: [
      remarkDirective,
      remarkCallouts,
      // Every ```http example runs through the OAuth model; a wrong one fails the build with file:line and rule.
      remarkHttpExamples,
      remarkComponentImports(mdxComponents),
      remarkPageFlags,
      remarkPlaygroundHeading,
    ],
    rehypePlugins: [
      [rehypeMermaid, diagrams],
      [rehypeInternalLinks, { base }],
      rehypeHeadingIds,
      [rehypeAutolinkHeadings, headingAnchors],
    ],
  };
}

// The link sits after the heading, not inside it, so the heading's accessible name stays its text. Search
// leaves it out (data-pagefind-ignore): its visually hidden "Section titled …" would show in result excerpts.
const headingAnchors = {
  behavior: 'after',
  group: () => ({ type: 'element', tagName: 'div', properties: { className: ['heading-wrapper'] }, children: [] }),
  properties: { className: ['heading-anchor'], dataPagefindIgnore: '' },
  content: (heading: Element) => [
    { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['sr-only'] },
      children: [{ type: 'text', value: `Section titled ${toText(heading)}` }],
    },
  ],
} as const;
