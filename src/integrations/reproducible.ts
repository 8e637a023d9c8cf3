import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { ShikiTransformer } from 'shiki';
import { filesUnder } from './files.ts';

/**
 * Lets Shiki tokenize every line to its end. By default it gives up on a line after 500 ms and leaves the rest
 * of it one colour, which happens on a busy build machine (the grammar compiles on first use), so the colours,
 * and the CSP hashes of their style attributes, changed from build to build. Astro's shikiConfig has no
 * `tokenizeTimeLimit`, but passes its transformers the options object Shiki then tokenizes with.
 */
export const tokenizeWholeLines: ShikiTransformer = {
  name: 'tokenize-whole-lines',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};

/**
 * Gives every `<astro-island>` a uid that depends on the page alone: the island's other attributes and its
 * place among identical islands of the page. Astro derives the uid from a hash that includes the component's
 * absolute path on the build machine (its compiler resolves `client:component-path` to a file path, which the
 * build then maps to the bundled `component-url`), so the same commit built in two folders differed. No Vite
 * or Astro option changes that path, and the uid is only read in development (hot reload; Preact's renderer
 * uses `data-preact-island-id`), so the built pages are rewritten instead.
 */
export function stableIslandUids(html: string): string {
  const seen = new Map<string, number>();
  return html.replace(/<astro-island uid="[^"]*"([^>]*)>/g, (_, rest: string) => {
    const n = (seen.get(rest) ?? 0) + 1;
    seen.set(rest, n);
    const uid = createHash('sha256').update(`${n}\n${rest}`).digest('base64url').slice(0, 8);
    return `<astro-island uid="${uid}"${rest}>`;
  });
}

/** After the build, rewrites each page's island uids with stableIslandUids. */
export function reproducibleIslands(): AstroIntegration {
  return {
    name: 'reproducible-islands',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = dir.pathname;
        for (const file of filesUnder(root, '.html')) {
          const path = join(root, file);
          const html = await readFile(path, 'utf8');
          const updated = stableIslandUids(html);
          if (updated !== html) await writeFile(path, updated);
        }
      },
    },
  };
}
