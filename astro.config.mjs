// @ts-check
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { toText } from 'hast-util-to-text';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkDirective from 'remark-directive';
import { mdxComponents } from './src/components/mdx-components.ts';
import { remarkCallouts } from './src/markdown/remark-callouts.ts';
import { remarkComponentImports } from './src/markdown/remark-component-imports.ts';
import { remarkDecisionTree } from './src/markdown/remark-decision-tree.ts';
import { remarkPageFlags } from './src/markdown/remark-page-flags.ts';
import { clientRenderingNeeded, rehypeMermaid } from './src/markdown/rehype-mermaid.ts';
import { rehypeInternalLinks } from './src/markdown/rehype-internal-links.ts';
import { citationCheck } from './src/citations/integration.ts';
import { diagramStyleHashes, themeScriptHash } from './src/integrations/csp.ts';
import { diagramBrowser } from './src/integrations/diagram-browser.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

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
    sitemap(),
    diagramBrowser(),
    // Before anything is rendered: every specification link and citation checked against the texts.
    citationCheck(),
    // After the build: search index, then CSP hashes for diagram styles, then the link check over the result.
    pagefindIndex(),
    diagramStyleHashes(),
    linkCheck(base),
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
      ],
      // The inline theme script, by hash; Pagefind compiles its WebAssembly search engine, and needs nothing else.
      scriptDirective: { hashes: [themeScriptHash], resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [
        remarkDirective,
        remarkCallouts,
        remarkDecisionTree,
        remarkComponentImports(mdxComponents),
        remarkPageFlags,
      ],
      rehypePlugins: [
        rehypeMermaid,
        [rehypeInternalLinks, { base }],
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            // The link sits after the heading, not inside it, so the heading's accessible name stays its text.
            behavior: 'after',
            group: () => ({
              type: 'element',
              tagName: 'div',
              properties: { className: ['heading-wrapper'] },
              children: [],
            }),
            properties: { className: ['heading-anchor'] },
            content: (/** @type {import('hast').Element} */ heading) => [
              {
                type: 'element',
                tagName: 'span',
                properties: { ariaHidden: 'true' },
                children: [{ type: 'text', value: '#' }],
              },
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
    build: {
      // Never inline a script as a data: URL (the CSP allows scripts from 'self' only); other assets as usual.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        output: {
          // Preact, its hooks and JSX runtime and Astro's Preact renderer load together on every page with an
          // island: one file compresses better and costs one request instead of four.
          codeSplitting: {
            groups: [{ name: 'preact', test: /node_modules[\\/](preact|@astrojs[\\/]preact)[\\/]/ }],
          },
        },
        // Astro marks compiled MDX modules with a "use astro:head-inject" directive that the bundler warns
        // about once per page; it is Astro's own marker and harmless, so that one warning is dropped.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
    define: {
      // false when a browser draws diagrams at build time: the client-side Mermaid code is then dropped
      // from the bundle entirely, so no Mermaid JavaScript reaches dist/.
      __MERMAID_CLIENT__: JSON.stringify(clientRenderingNeeded()),
    },
  },
});
