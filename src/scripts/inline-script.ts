import { transformSync } from 'esbuild';

/**
 * The bytes an inline script ships as: minified, comments dropped. ThemeScript.astro inlines exactly this text
 * and src/integrations/csp.ts hashes exactly this text, so the page and its CSP always agree.
 */
export function minifyInlineScript(source: string): string {
  // A classic script (not a module), as <script is:inline> runs it; es2020 keeps every browser the site supports.
  return transformSync(source, { loader: 'js', minify: true, target: 'es2020', legalComments: 'none' }).code.trim();
}
