import type { AstroIntegration } from 'astro';
import type { Settings } from '../settings.ts';
import { checkLinks } from './check-links.ts';

/**
 * Fails the build on any broken internal link, asset or #anchor, naming the page and the target. External
 * links are not fetched. LINK_CHECK=0 skips it (the benchmark's synthetic sites use this).
 */
export function linkCheck(base: string, settings: Pick<Settings, 'LINK_CHECK'>): AstroIntegration {
  return {
    name: 'link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (settings.LINK_CHECK === '0') return;
        const broken = await checkLinks(dir.pathname, base);
        if (broken.length > 0) {
          throw new Error(`Broken links:\n${broken.map((b) => `  ${b.page}: ${b.target} (${b.reason})`).join('\n')}`);
        }
        logger.info('no broken internal links or anchors');
      },
    },
  };
}
