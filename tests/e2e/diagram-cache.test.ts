import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawingProblem } from '../../src/diagrams/cache.ts';
import { cacheKey, createRenderer, PLACEHOLDER_ID, type DiagramRenderer } from '../../src/diagrams/renderer.ts';
import { readSettings } from '../../src/settings.ts';

const SOURCE = `sequenceDiagram
  accTitle: Cache test
  accDescr: The client asks the authorization server for a token.
  participant C as Client
  participant AS as Authorization Server
  C->>AS: POST /token grant_type=client_credentials
  AS-->>C: 200 OK access_token`;

// The renderer of a build, drawing into an empty cache; a truncated, an empty and a garbage entry are then planted
// for the diagram it drew, as an interrupted build, a full disk or a stray tool would leave them.
describe('a cached diagram that is unusable', { timeout: 120_000 }, () => {
  let dir: string;
  let lines: string[];
  let renderer: DiagramRenderer;
  let drawn: string;
  const file = () => join(dir, `${cacheKey(SOURCE, 'light')}.svg`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diagram-cache-'));
    lines = [];
    renderer = createRenderer(
      { CHROMIUM_PATH: readSettings().CHROMIUM_PATH, MERMAID_CACHE_DIR: dir },
      { warn: (line) => lines.push(line) },
    );
    const first = await renderer.render(SOURCE, 'light');
    if (!first || !('svg' in first)) throw new Error('the first drawing failed');
    drawn = first.svg;
  });
  afterAll(async () => {
    await renderer?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('is first drawn and cached whole', async () => {
    expect(drawingProblem(drawn, PLACEHOLDER_ID)).toBeUndefined();
    await expect(readFile(file(), 'utf8')).resolves.toBe(drawn);
  });

  test.each([
    ['truncated', () => drawn.slice(0, Math.floor(drawn.length / 2)), /^cut short/],
    ['empty', () => '', /^empty$/],
    ['garbage', () => 'not a drawing at all', /^not an SVG drawing/],
  ])(
    'is drawn again when %s, replaced in the cache, and reported in one line naming the file',
    async (_, planted, problem) => {
      await writeFile(file(), planted());
      lines.length = 0;
      const rendered = renderer.stats.rendered;
      await expect(renderer.render(SOURCE, 'light')).resolves.toEqual({ svg: drawn });
      expect(renderer.stats.rendered).toBe(rendered + 1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^Cache file ${file().replaceAll('.', '\\.')} is unusable \\((.*)\\); drawing the diagram again and replacing it\\.$`,
        ),
      );
      expect(lines[0]!.match(/\((.*)\)/)![1]).toMatch(problem);
      await expect(readFile(file(), 'utf8')).resolves.toBe(drawn);
    },
  );

  test('is read from the cache again once replaced, with nothing reported', async () => {
    lines.length = 0;
    const cached = renderer.stats.cached;
    await expect(renderer.render(SOURCE, 'light')).resolves.toEqual({ svg: drawn });
    expect(renderer.stats.cached).toBe(cached + 1);
    expect(lines).toEqual([]);
  });
});
