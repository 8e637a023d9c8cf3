import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * A throwaway copy of the site under .tmp-fixtures/ (git-ignored; Node still finds the project's node_modules
 * from there), so a test can plant broken content and build it without touching the real content/.
 */
export async function copySite(name: string): Promise<{ root: string; write: (path: string, text: string) => Promise<void>; remove: () => Promise<void> }> {
  const root = join(ROOT, '.tmp-fixtures', `${name}-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src', 'content', 'public']) {
    await cp(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  return {
    root,
    write: async (path, text) => {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
