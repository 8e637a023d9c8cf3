import type { AstroIntegration } from 'astro';
import { createRenderer, type DiagramRenderer, type RendererSettings } from './renderer.ts';

/** The diagrams integration and the renderer it owns, which the Markdown pipeline draws with. */
export interface Diagrams {
  integration: AstroIntegration;
  renderer: DiagramRenderer;
  /** True when no browser was found: diagrams are drawn in the reader's browser, so Mermaid ships. */
  clientRendering: boolean;
  /** Warns once, naming how to fix it, that diagrams are left to the reader's browser. */
  onClientRendering: () => void;
}

/**
 * Creates the build's diagram renderer (one browser, a page pool, the cache), and an integration that closes it
 * when the build or dev server ends. At the end of a build it prints one summary line, which the benchmark reads
 * (counts are SVGs, one per diagram and theme): `[diagrams] 0 drawn, 812 from cache, 0 browsers started`.
 */
export function diagrams(settings: RendererSettings): Diagrams {
  let logger: { warn(message: string): void } = console;
  const renderer = createRenderer(settings, { warn: (line) => logger.warn(line) });
  let warned = false;
  const close = () => renderer.close();
  return {
    renderer,
    clientRendering: !renderer.lookup.found,
    onClientRendering() {
      if (warned || renderer.lookup.found) return;
      warned = true;
      logger.warn(
        `No Chromium was found, so Mermaid diagrams are not drawn at build time; they will be drawn in the reader's browser when scrolled into view. Looked for: ${renderer.lookup.looked.join(', ')}. Fix: install one (apt-get install chromium) or set CHROMIUM_PATH to a Chrome or Chromium executable.`,
      );
    },
    integration: {
      name: 'diagrams',
      hooks: {
        'astro:config:done': ({ logger: astroLogger }) => {
          logger = astroLogger.fork('diagrams');
        },
        'astro:build:generated': close,
        'astro:build:done': async ({ logger: astroLogger }) => {
          await close();
          const { rendered, cached, browsersLaunched } = renderer.stats;
          astroLogger
            .fork('diagrams')
            .info(
              `${rendered} drawn, ${cached} from cache, ${browsersLaunched} browser${browsersLaunched === 1 ? '' : 's'} started`,
            );
        },
        'astro:server:done': close,
      },
    },
  };
}
