import type { Plugin } from 'vite';

/**
 * Lets the reader's Preact code be the renderer's entry file itself. Astro builds the client with
 * `preserveEntrySignatures: 'exports-only'`, so the Preact renderer's entry (`client.js`, each island's
 * renderer-url) could not export what the islands import from the "preact" chunk (astro.config.mjs): it became an
 * 86-byte file that only re-exports that chunk, one more request on every page with an island. With
 * 'allow-extension' the entry file may export more than the renderer's own default export, so the Preact chunk is
 * the entry. The setting matters only for entries: the site's client entries are islands and page scripts, whose
 * extra exports nothing reads.
 */
export function entryChunksTakeSharedCode(): Plugin {
  return {
    name: 'entry-chunks-take-shared-code',
    apply: 'build',
    configEnvironment(name, config) {
      if (name !== 'client') return;
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      config.build.rolldownOptions.preserveEntrySignatures = 'allow-extension';
    },
  };
}

const S256_MODULE = /[\\/]src[\\/]pkce[\\/]s256\.ts$/;
const PKCE_FEATURE = /[\\/]src[\\/]pkce[\\/]/;
const OWN_COPY = '?own-copy';

/**
 * src/pkce/s256.ts (base64url and the S256 transform, about 0.3 KB gzip) is the one implementation of both, imported
 * by the PKCE calculator, on the article, and by the OAuth model, which the flow playground loads when the reader
 * starts it. Shared by two bundles, it would get a chunk of its own: one more request and, measured, about 0.19 KB
 * more JavaScript on the article. So at build time, an import of it from outside src/pkce/ gets a module id of its
 * own and that bundle carries its own copy of the same source, as webpack does for small shared modules. Tests and
 * the dev server see one module.
 */
export function ownCopyOfS256(): Plugin {
  return {
    name: 'own-copy-of-s256',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || PKCE_FEATURE.test(importer.split('?')[0] ?? '') || !/s256\.ts$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !S256_MODULE.test(resolved.id)) return null;
      return { ...resolved, id: resolved.id + OWN_COPY };
    },
  };
}
