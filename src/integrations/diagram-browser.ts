import type { AstroIntegration } from 'astro';
import { closeRenderer, stats } from '../markdown/mermaid-renderer.ts';

/**
 * One Chromium draws every diagram of a build; this closes it when the build or dev server ends. At the end of
 * a build it prints one summary line, which the benchmark reads (counts are SVGs, one per diagram and theme):
 * `[diagrams] 0 drawn, 812 from cache, 0 browsers started`.
 */
export function diagramBrowser(): AstroIntegration {
  return {
    name: 'diagram-browser',
    hooks: {
      'astro:build:generated': closeRenderer,
      'astro:build:done': async ({ logger }) => {
        await closeRenderer();
        logger
          .fork('diagrams')
          .info(
            `${stats.rendered} drawn, ${stats.cached} from cache, ${stats.browsersLaunched} browser${stats.browsersLaunched === 1 ? '' : 's'} started`,
          );
      },
      'astro:server:done': closeRenderer,
    },
  };
}
