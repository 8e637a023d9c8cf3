import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { addStyleHashes } from '../lib/csp.ts';
import { minifyInlineScript } from '../scripts/inline-script.ts';
import { filesUnder } from './files.ts';

/** CSP hash of a piece of inline text, `sha256-…`, as Astro's csp config takes it. */
export const sha256 = (text: string): `sha256-${string}` =>
  `sha256-${createHash('sha256').update(text).digest('base64')}`;
/** The same as a CSP source expression, quoted: `'sha256-…'`. */
const sha256Source = (text: string) => `'${sha256(text)}'`;

/** Hash of the inline theme script as ThemeScript.astro inlines it (minified), the one inline script the site has. */
export const themeScriptHash = sha256(
  minifyInlineScript(readFileSync(new URL('../scripts/theme-init.js', import.meta.url), 'utf8')),
);

/**
 * Astro's CSP hashes the scripts and styles Astro itself emits. Diagrams drawn at build time carry Mermaid's
 * own <style> blocks and style attributes; this adds exactly their hashes to each page's style-src, so no
 * 'unsafe-inline' is needed for styles either.
 */
export function diagramStyleHashes(): AstroIntegration {
  return {
    name: 'csp-diagram-styles',
    hooks: {
      // Astro warns on every build that Shiki's inline styles are not CSP-compatible, and has no setting to
      // silence that one warning. Here they are, by hash: say so once, right after it.
      'astro:config:done': ({ logger }) => {
        logger.info(
          "Shiki's inline colour styles are allowed by their exact hashes, added to each page's CSP after the build (src/lib/csp.ts): the CSP warning about Shiki above does not apply to this site.",
        );
      },
      'astro:build:done': async ({ dir }) => {
        const root = dir.pathname;
        for (const file of filesUnder(root, '.html')) {
          const path = join(root, file);
          const html = await readFile(path, 'utf8');
          const updated = addStyleHashes(html, sha256Source);
          if (updated !== html) await writeFile(path, updated);
        }
      },
    },
  };
}
