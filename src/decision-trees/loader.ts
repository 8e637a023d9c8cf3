import type { Loader, LoaderContext } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthorError } from '../markdown/author-error.ts';
import { toMermaid } from './flowchart.ts';
import { parseTreeFile } from './parse.ts';
import { decisionTreeEntrySchema, type DecisionTreeEntry } from './schema.ts';

/** Id of the figure that holds a tree's flowchart; the quiz island finds the drawing by it. */
export const flowchartFigureId = (treeId: string) => `decision-tree-${treeId}`;

/**
 * The content collection of decision trees: one YAML file per tree in `folder`, parsed once, here, with line
 * numbers. Each entry holds the tree and its flowchart, rendered through the site's own Markdown pipeline (so
 * it is drawn like every other diagram). A broken file fails the build with `file:line`, the node and what to
 * write instead; in the dev server the entry keeps those problems instead, and <DecisionTree> throws them, so
 * they reach the error overlay and clear as soon as the file is fixed.
 */
export function decisionTreeLoader({ folder }: { folder: string }): Loader {
  return {
    name: 'decision-trees',
    schema: decisionTreeEntrySchema,
    load: async (context) => {
      const dir = fileURLToPath(new URL(folder.endsWith('/') ? folder : `${folder}/`, context.config.root));
      const files = (await readdir(dir)).filter(isTreeFile).map((name) => join(dir, name));
      const ids = new Set(files.map(treeId));
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
      for (const file of files) await loadFile(context, file, !context.watcher);

      context.watcher?.add(dir);
      const inFolder = (file: string) => file.startsWith(dir) && isTreeFile(file);
      const reload = (file: string) => {
        if (inFolder(file)) void loadFile(context, file, false);
      };
      context.watcher?.on('change', reload);
      context.watcher?.on('add', reload);
      context.watcher?.on('unlink', (file) => {
        if (inFolder(file)) context.store.delete(treeId(file));
      });
    },
  };
}

const isTreeFile = (file: string) => /\.ya?ml$/.test(file) && !basename(file).startsWith('_');
const treeId = (file: string) => basename(file).replace(/\.ya?ml$/, '');

async function loadFile(context: LoaderContext, file: string, failFast: boolean): Promise<void> {
  const id = treeId(file);
  const shown = relative(fileURLToPath(context.config.root), file);
  const text = await readFile(file, 'utf8');
  const digest = context.generateDigest(text);
  if (context.store.get(id)?.digest === digest) return;
  const parsed = parseTreeFile(text, shown);
  if ('problems' in parsed) {
    const message = `Decision tree "${id}" is not valid:\n${parsed.problems.join('\n')}`;
    if (failFast) throw new AuthorError(message);
    context.logger.error(message);
    context.store.set({ id, data: { problems: message } satisfies DecisionTreeEntry, digest, filePath: shown });
    return;
  }
  const fence = `\`\`\`mermaid id=${flowchartFigureId(id)}\n${toMermaid(parsed.tree)}\`\`\`\n`;
  const rendered = await context.renderMarkdown(fence, { fileURL: new URL(`file://${file}`) });
  context.store.set({
    id,
    data: { tree: parsed.tree } satisfies DecisionTreeEntry,
    digest,
    filePath: shown,
    rendered,
  });
}
