import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../settings.ts';
import { AuthorError } from '../markdown/author-error.ts';
import { checkLinks } from './check-links.ts';
import { describeBrokenLink } from './link-source.ts';

/**
 * Fails the build on any broken internal link, asset or #anchor, naming the page and the target. External
 * links are not fetched. LINK_CHECK=0 skips it (the benchmark's synthetic sites use this).
 */
export function linkCheck(base: string, settings: Pick<Settings, 'LINK_CHECK'>): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (settings.LINK_CHECK === '0') return;
        const broken = await checkLinks(dir.pathname, base);
        if (broken.length > 0) {
          const lines = [...new Set(broken.map((link) => describeBrokenLink(root, base, link)))];
          throw new AuthorError(`Broken links:\n${lines.join('\n')}`);
        }
        logger.info('no broken internal links or anchors');
      },
    },
  };
}
