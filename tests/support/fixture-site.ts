import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDirectory } from '../../src/integrations/serve-directory.ts';
import { astroBuild, cleanEnv, type BuildResult } from './build.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A fixture site ready to build: the real site's wiring with a small content folder of its own. */
export interface FixtureSite {
  /** The site's root folder, under .tmp-fixtures/. */
  root: string;
  /** Writes a file, relative to the root (e.g. content/guides/broken.mdx). */
  write: (path: string, text: string) => Promise<void>;
  /** Deletes the site. */
  remove: () => Promise<void>;
}

/**
 * A throwaway site under .tmp-fixtures/ (git-ignored; Node still finds the project's node_modules from there):
 * the project's own astro.config.mjs, src/ and public/, with the content of tests/fixtures/sites/<name>/, so a
 * test exercises the production wiring on a few pages and can plant mistakes without touching content/.
 */
export async function fixtureSite(name: string, instance = name): Promise<FixtureSite> {
  const root = join(ROOT, '.tmp-fixtures', `${instance}-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src', 'public']) {
    await cp(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  await cp(join(ROOT, 'tests', 'fixtures', 'sites', name, 'content'), join(root, 'content'), { recursive: true });
  return {
    root,
    write: async (path, text) => {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** A build of a fixture site into a temporary folder, served like a static host, for one test file. */
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
 * Builds a fixture site with extra environment variables (`{dir}` in a value is replaced by the temporary
 * folder) and serves the result under `base`.
 */
export async function buildAndServe(
  name: string,
  env: Record<string, string>,
  base = '/',
  instance = name,
): Promise<ServedBuild> {
  const dir = await mkdtemp(join(tmpdir(), `${instance}-`));
  const site = await fixtureSite(name, instance);
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

/** A running `astro dev` server of a site: its URL, everything it printed so far, and a stop function. */
export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `astro dev` on a free port for a site root and resolves once it serves. */
export async function startDevServer(root: string): Promise<DevServer> {
  const port = await freePort();
  const astro = resolve(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`astro dev did not start in 120 s:\n${output}`);
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
