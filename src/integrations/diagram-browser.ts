import type { AstroIntegration } from 'astro';
import { closeRenderer } from '../markdown/mermaid-renderer.ts';

/** One Chromium draws every diagram of a build; this closes it when the build or dev server ends. */
export function diagramBrowser(): AstroIntegration {
  return {
    name: 'diagram-browser',
    hooks: {
      'astro:build:generated': closeRenderer,
      'astro:build:done': closeRenderer,
      'astro:server:done': closeRenderer,
    },
  };
}
