import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDirectory } from '../../src/integrations/serve-directory.ts';
import { astroBuild, type BuildResult } from './build.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * A throwaway copy of the site under .tmp-fixtures/ (git-ignored; Node still finds the project's node_modules
 * from there), so a test can plant broken content and build it without touching the real content/.
 */
export async function copySite(
  name: string,
): Promise<{ root: string; write: (path: string, text: string) => Promise<void>; remove: () => Promise<void> }> {
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

/** A build of a copy of the site into a temporary folder, served like a static host, for one test file. */
export interface ServedBuild {
  /** The folder the build wrote (its dist). */
  dist: string;
  /** What `astro build` printed and its exit code. */
  build: BuildResult;
  /** URL of the served site, ending in "/" (under `base` when one is given). */
  url: string;
  /** Stops the server and deletes the build. */
  close: () => Promise<void>;
}

/**
 * Builds a copy of the site with extra environment variables (`{dir}` in a value is replaced by the temporary
 * folder) and serves the result under `base`. The copy keeps this build's caches apart from the main build's.
 */
export async function buildAndServe(name: string, env: Record<string, string>, base = '/'): Promise<ServedBuild> {
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  const site = await copySite(name);
  const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replaceAll('{dir}', dir)]));
  const build = await astroBuild({ root: site.root, outDir: join(dir, 'dist'), env: resolved });
  await site.remove();
  const server = await serveDirectory(join(dir, 'dist'), base);
  return {
    dist: join(dir, 'dist'),
    build,
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
