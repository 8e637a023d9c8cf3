import type { Plugin } from 'vite';

const RENDERER = /[\\/]@astrojs[\\/]preact[\\/]dist[\\/]client\.js$/;
const SIGNALS_IMPORT = 'import("@preact/signals")';
/** Where the renderer's signals handling starts, and the statement that follows it. */
const SIGNALS_START = 'let signalsRaw = element.dataset.preactSignals;';
const AFTER_SIGNALS = 'const child = h(';

/**
 * Astro's Preact renderer imports @preact/signals dynamically, for islands given a signal as a prop, and then
 * wires each signal into the island's props. No island here is given one, yet that import pulls Vite's preload
 * helper (about 0.9 KB gzip) into the Preact chunk and emits an unused signals chunk, and the wiring (about
 * 0.2 KB gzip) ships on every page with an island. This build replaces the whole block with an error that says
 * what to change, and fails when the renderer no longer contains it as expected, so the next Astro upgrade
 * revisits this instead of silently keeping a no-op.
 */
export function preactWithoutSignals(): Plugin {
  return {
    name: 'preact-without-signals',
    apply: 'build',
    transform(code, id) {
      if (!RENDERER.test(id)) return undefined;
      const start = code.indexOf(SIGNALS_START);
      const end = code.indexOf(AFTER_SIGNALS, start);
      const signalsImport = code.indexOf(SIGNALS_IMPORT, start);
      if (start < 0 || end < 0 || signalsImport < 0 || signalsImport > end) {
        this.error(
          `${id} no longer handles signals as "${SIGNALS_START} … ${SIGNALS_IMPORT} … ${AFTER_SIGNALS}": update or remove preactWithoutSignals() in astro.config.mjs (src/integrations/preact-without-signals.ts).`,
        );
      }
      const refusal =
        'if (element.dataset.preactSignals) throw new Error("Preact signals as island props are left out of this build: src/integrations/preact-without-signals.ts");\n  ';
      return { code: code.slice(0, start) + refusal + code.slice(end), map: null };
    },
  };
}
