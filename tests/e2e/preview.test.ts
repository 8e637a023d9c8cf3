import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const dist = process.env['E2E_DIST'] ?? 'dist';

describe('npm run preview', () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = 43_000 + (process.pid % 1000);
    child = spawn(
      process.execPath,
      [resolve('node_modules/astro/bin/astro.mjs'), 'preview', '--port', String(port), '--outDir', dist],
      {
        env: { ...process.env, NO_COLOR: '1', NODE_ENV: 'production' },
      },
    );
    url = `http://localhost:${port}/`;
    // Ready when it answers.
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(url).then(
        () => true,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('astro preview did not start');
  });
  afterAll(() => {
    child?.kill();
  });

  test.each(['', 'api-auth/which-oauth-flow-to-use/', 'tools/pkce/'])(
    'serves /%s byte for byte as built',
    async (path) => {
      const served = await fetch(url + path).then((r) => r.text());
      expect(served).toBe(await readFile(join(dist, path, 'index.html'), 'utf8'));
    },
  );

  test('answers an unknown path with the 404 page and status', async () => {
    const response = await fetch(`${url}no/such/page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(await readFile(join(dist, '404.html'), 'utf8'));
  });
});
