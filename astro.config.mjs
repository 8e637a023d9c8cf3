// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { entryChunksTakeSharedCode, ownCopyOfS256 } from './src/integrations/chunks.ts';
import { citationCheck } from './src/citations/integration.ts';
import { diagrams as diagramsIntegration } from './src/diagrams/integration.ts';
import { diagramStyleHashes, themeScriptHash } from './src/integrations/csp.ts';
import { dropEmptyScripts } from './src/integrations/drop-empty-scripts.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { reproducibleIslands, tokenizeWholeLines } from './src/integrations/reproducible.ts';
import { preactWithoutSignals } from './src/integrations/preact-without-signals.ts';
import { siteUrlCheck } from './src/integrations/site-url-check.ts';
import { markdownPipeline } from './src/markdown/pipeline.ts';
import { LOCAL_SITE_URL, readSettings } from './src/settings.ts';

const settings = readSettings();
const base = settings.BASE_PATH;
const diagrams = diagramsIntegration(settings);

export default defineConfig({
  site: settings.SITE_URL ?? LOCAL_SITE_URL,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    preact(),
    sitemap(),
    diagrams.integration,
    siteUrlCheck(settings),
    // Before anything is rendered: every specification link and citation checked against the texts.
    citationCheck(settings),
    // After the build: island uids that do not depend on the checkout's folder, then the search index, then CSP
    // hashes for diagram styles, then the link check over the result.
    reproducibleIslands(),
    pagefindIndex(),
    diagramStyleHashes(),
    linkCheck(base, settings),
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
    processor: unified(markdownPipeline({ base, diagrams })),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      transformers: [tokenizeWholeLines],
    },
  },
  vite: {
    plugins: [preactWithoutSignals(), dropEmptyScripts(), entryChunksTakeSharedCode(), ownCopyOfS256()],
    // Modules bundled on their own and loaded only when needed (src/scripts/site-ui.ts, the calculator's SHA-256
    // fallback) are imported with "?worker&url"; they run as page modules, so they are built as ES modules.
    worker: { format: 'es' },
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
      __MERMAID_CLIENT__: JSON.stringify(diagrams.clientRendering),
    },
  },
});
