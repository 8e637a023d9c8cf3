import type { Plugin } from 'vite';

const RENDERER = /[\\/]@astrojs[\\/]preact[\\/]dist[\\/]client\.js$/;
const SIGNALS_IMPORT = 'import("@preact/signals")';

/**
 * Astro's Preact renderer imports @preact/signals dynamically, for islands given a signal as a prop. No island
 * here is, yet that one import pulls Vite's preload helper (about 0.9 KB gzip) into the Preact chunk and emits
 * an unused signals chunk. This build replaces the import with an error that says what to change, and fails
 * when the renderer no longer contains it, so the next Astro upgrade revisits this instead of silently keeping
 * a no-op.
 */
export function preactWithoutSignals(): Plugin {
  return {
    name: 'preact-without-signals',
    apply: 'build',
    transform(code, id) {
      if (!RENDERER.test(id)) return undefined;
      if (!code.includes(SIGNALS_IMPORT)) {
        this.error(
          `${id} no longer contains ${SIGNALS_IMPORT}: remove preactWithoutSignals() from astro.config.mjs (src/integrations/preact-without-signals.ts).`,
        );
      }
      const refusal =
        'Promise.reject(new Error("An island was given a Preact signal as a prop; this site builds without @preact/signals (src/integrations/preact-without-signals.ts)."))';
      return { code: code.replace(SIGNALS_IMPORT, refusal), map: null };
    },
  };
}
