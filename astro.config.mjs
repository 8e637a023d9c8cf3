// @ts-check
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { toText } from 'hast-util-to-text';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkDirective from 'remark-directive';
import { remarkCallouts } from './src/markdown/remark-callouts.ts';
import { remarkDecisionTree } from './src/markdown/remark-decision-tree.ts';
import { remarkPageFlags } from './src/markdown/remark-page-flags.ts';
import { clientRenderingNeeded, rehypeMermaid } from './src/markdown/rehype-mermaid.ts';
import { rehypeInternalLinks } from './src/markdown/rehype-internal-links.ts';
import { closeRenderer } from './src/markdown/mermaid-renderer.ts';

/** Public URL of the deployed site (canonical links, sitemap). */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Path the site is served under, e.g. /docs/ on GitHub Pages project sites. */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    preact(),
    {
      name: 'diagram-browser',
      hooks: {
        // One Chromium draws every diagram of a build; it is closed when the build or dev server ends.
        'astro:build:done': closeRenderer,
        'astro:server:done': closeRenderer,
      },
    },
  ],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkDirective, remarkCallouts, remarkDecisionTree, remarkPageFlags],
      rehypePlugins: [
        rehypeMermaid,
        [rehypeInternalLinks, { base }],
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            // The link sits after the heading, not inside it, so the heading's accessible name stays its text.
            behavior: 'after',
            group: () => ({ type: 'element', tagName: 'div', properties: { className: ['heading-wrapper'] }, children: [] }),
            properties: { className: ['heading-anchor'] },
            content: (/** @type {import('hast').Element} */ heading) => [
              { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['sr-only'] },
                children: [{ type: 'text', value: `Section titled ${toText(heading)}` }],
              },
            ],
          },
        ],
      ],
    }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } },
  },
  vite: {
    define: {
      // false when a browser draws diagrams at build time: the client-side Mermaid code is then dropped
      // from the bundle entirely, so no Mermaid JavaScript reaches dist/.
      __MERMAID_CLIENT__: JSON.stringify(clientRenderingNeeded()),
    },
  },
});
