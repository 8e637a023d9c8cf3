import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { findBrowser } from '../../src/diagrams/find-browser.ts';
import { createRenderer, type DiagramRenderer } from '../../src/diagrams/renderer.ts';
import { readSettings } from '../../src/settings.ts';

const diagram = (n: number) =>
  `flowchart TD\n  accTitle: Diagram ${n}\n  accDescr: Diagram number ${n}.\n  A${n}[Step ${n}] --> B${n}[Done]`;

/** Kills, by process id, the browsers this test process started (Playwright starts them with a pipe to talk to). */
function killBrowsers(): number {
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  const pids = children
    .split('\n')
    .filter((line) => line.includes('--remote-debugging-pipe'))
    .map((line) => Number.parseInt(line.trim(), 10));
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids.length;
}

const chromium = () => {
  const found = findBrowser({ CHROMIUM_PATH: readSettings().CHROMIUM_PATH });
  if (!found.found) throw new Error('These tests need Chromium: set CHROMIUM_PATH or install one.');
  return found.executablePath;
};

// Every test starts Chromium once or more; on a busy 2-core machine a start with Mermaid loaded can take a minute.
describe('the diagram renderer when its browser dies', { timeout: 240_000 }, () => {
  let dir: string;
  let renderer: DiagramRenderer | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diagram-browser-'));
  });
  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const rendererWith = (settings: { CHROMIUM_PATH?: string }, cache: string) =>
    createRenderer({ ...settings, MERMAID_CACHE_DIR: join(dir, cache) }, { warn: () => {} });

  test('starts it again once and keeps drawing, whether it died between diagrams or during one', async () => {
    renderer = rendererWith({ CHROMIUM_PATH: chromium() }, 'relaunch');
    await expect(renderer.render(diagram(1), 'light')).resolves.toHaveProperty('svg');
    expect(killBrowsers()).toBe(1);
    await expect(renderer.render(diagram(2), 'light')).resolves.toHaveProperty('svg');
    expect(renderer.stats.browsersLaunched).toBe(2);

    const during = [3, 4, 5, 6].map((n) => renderer!.render(diagram(n), 'dark'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(killBrowsers()).toBe(1);
    for (const drawing of await Promise.all(during)) expect(drawing).toHaveProperty('svg');
    expect(renderer.stats.browsersLaunched).toBe(3);
  });

  test('says in one line what failed and what to do when it does not start again', async () => {
    // A "browser" that is Chromium the first time it runs and fails every time after.
    const marker = join(dir, 'started-once');
    const flaky = join(dir, 'flaky-chromium');
    await writeFile(
      flaky,
      `#!/bin/sh\nif [ -e '${marker}' ]; then echo 'cannot open shared object file' >&2; exit 127; fi\ntouch '${marker}'\nexec '${chromium()}' "$@"\n`,
    );
    await chmod(flaky, 0o755);
    renderer = rendererWith({ CHROMIUM_PATH: flaky }, 'flaky');
    await expect(renderer.render(diagram(1), 'light')).resolves.toHaveProperty('svg');
    killBrowsers();
    const error = await renderer.render(diagram(2), 'light').catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      new RegExp(
        `^\\[diagrams\\] Chromium at ${flaky} \\(from \\$CHROMIUM_PATH\\) closed while drawing and did not restart: .+\\. Point CHROMIUM_PATH at a Chrome or Chromium executable and check that it runs: ${flaky} --headless --version; or unset CHROMIUM_PATH; or set MERMAID_NO_BROWSER=1 to leave diagrams to the reader's browser\\.$`,
      ),
    );
  });

  test.each(['/bin/true', '/bin/ls'])(
    'fails naming CHROMIUM_PATH when it points at %s, a program but no browser',
    async (path) => {
      renderer = rendererWith({ CHROMIUM_PATH: path }, 'not-a-browser');
      const error = await renderer.render(diagram(1), 'light').catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      const { message } = error as Error;
      expect(message).not.toContain('\n');
      expect(message).toMatch(
        new RegExp(
          `^\\[diagrams\\] Chromium at ${path} \\(from \\$CHROMIUM_PATH\\) did not start: .+\\. Point CHROMIUM_PATH at a Chrome or Chromium executable and check that it runs: ${path} --headless --version; or unset CHROMIUM_PATH; or set MERMAID_NO_BROWSER=1 to leave diagrams to the reader's browser\\.$`,
        ),
      );
    },
  );
});
