import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Output of one `astro build`: exit code and everything it printed. */
export interface BuildResult {
  code: number | null;
  output: string;
}

/** Runs `astro build` in a project folder with extra environment variables, capturing its output. */
export function astroBuild(
  options: { root?: string; outDir?: string; env?: Record<string, string> } = {},
): Promise<BuildResult> {
  const root = options.root ?? process.cwd();
  const args = ['build', ...(options.outDir ? ['--outDir', options.outDir] : [])];
  const astro = resolve(process.cwd(), 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = cleanEnv();
  return new Promise((done) => {
    const child = spawn(process.execPath, [astro, ...args], {
      cwd: root,
      env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

/**
 * The environment without what Vitest sets for Vite (BASE_URL, MODE, NODE_ENV=test…): a real build or dev server
 * must not inherit them, or Astro builds with the wrong base and mode.
 */
export function cleanEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)),
  );
}
