import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchableHtml } from '../lib/search-text.ts';
import { filesUnder } from './files.ts';

/**
 * Builds the Pagefind full-text index of every page into dist/pagefind/ once the site is built. Only each
 * page's <main> content is indexed (data-pagefind-body in the layout), so navigation does not pollute results,
 * and each page is handed over with its diagrams' text as plain text (searchableHtml), which Pagefind would
 * otherwise skip.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let pages = 0;
        for (const file of filesUnder(dir.pathname, '.html')) {
          const content = searchableHtml(await readFile(join(dir.pathname, file), 'utf8'));
          const added = await index.addHTMLFile({ sourcePath: file, content });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
          pages++;
        }
        await index.writeFiles({ outputPath: join(dir.pathname, 'pagefind') });
        await pagefind.close();
        logger.info(`indexed ${pages} pages for search, with the text of their diagrams`);
      },
    },
  };
}
