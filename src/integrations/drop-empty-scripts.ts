import type { Plugin } from 'vite';

/**
 * Leaves out of the client build any script chunk with no code. MermaidClient.astro's script is compiled away
 * to nothing when every diagram was drawn at build time (`__MERMAID_CLIENT__` is false), yet Astro would still
 * write it to dist/_astro as a 0-byte file that no page loads.
 */
export function dropEmptyScripts(): Plugin {
  return {
    name: 'drop-empty-scripts',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    generateBundle(_, bundle) {
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.code.trim() === '' && output.exports.length === 0) delete bundle[file];
      }
    },
  };
}
