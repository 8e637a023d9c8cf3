import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { filesUnder } from '../../src/integrations/files.ts';
import { astroBuild, type BuildResult } from './build.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** One build of a fixture site: where it was built from and to, and what `astro build` printed. */
export interface FixtureBuild {
  /** The site's folder: this project's config, src/ and public/, and the fixture's content/. */
  root: string;
  /** The built site. */
  dist: string;
  build: BuildResult;
  /** Deletes the site's folder and the build. */
  remove: () => Promise<void>;
}

/**
 * Builds `tests/fixtures/<fixture>/content` as a site with this project's config and code, in its own folder
 * under .tmp-fixtures/ (Node finds the project's node_modules from there) named `<name>-<pid>`, into a fresh
 * temporary folder with an empty diagram cache of its own. `env` adds environment variables, `files` adds or
 * replaces files (paths inside the site).
 */
export async function buildFixture(
  fixture: string,
  name: string,
  { env = {}, files = {} }: { env?: Record<string, string>; files?: Record<string, string> } = {},
): Promise<FixtureBuild> {
  const root = join(ROOT, '.tmp-fixtures', `${name}-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src', 'public']) {
    await cp(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  await cp(join(ROOT, 'tests', 'fixtures', fixture, 'content'), join(root, 'content'), { recursive: true });
  for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text);
  const out = await mkdtemp(join(tmpdir(), `${name}-`));
  const dist = join(out, 'dist');
  const build = await astroBuild({ root, outDir: dist, env: { MERMAID_CACHE_DIR: join(out, 'cache'), ...env } });
  return {
    root,
    dist,
    build,
    remove: async () => {
      await rm(root, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    },
  };
}

/** Every file of a built site, by its path inside it, as bytes. */
export async function siteFiles(dist: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of filesUnder(dist, '').sort()) {
    const bytes = await readFile(join(dist, file)).catch(() => undefined);
    if (bytes) files.set(file, bytes); // folders are listed too, and read as nothing
  }
  return files;
}
