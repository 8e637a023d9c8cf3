import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind full-text index of every page into dist/pagefind/ once the site is built. Only each
 * page's <main> content is indexed (data-pagefind-body in the layout), so navigation does not pollute results.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: dir.pathname });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: join(dir.pathname, 'pagefind') });
        await pagefind.close();
        logger.info(`indexed ${added.page_count} pages for search`);
      },
    },
  };
}
