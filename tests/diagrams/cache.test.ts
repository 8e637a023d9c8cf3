import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { drawingProblem, openDiagramCache } from '../../src/diagrams/cache.ts';

const ID = 'mmdplaceholder0id';
/** A drawing shaped as the cache holds them: one <svg> drawn with ID, a style sheet, nested elements. */
const drawing = (label = 'Is the Client the Resource Owner?', padding = 0) =>
  `<svg id="${ID}" viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg"><style>#${ID} .node rect{fill:#ececff}#${ID} .a&gt;b{stroke:red}</style>` +
  `<!-- a comment --><g class="node"><rect x="1" y="2" width="80" height="40"/><text x="4">${label}</text></g>` +
  `<g>${'<path d="M0 0L10 10"/>'.repeat(padding)}</g></svg>`;

describe('drawingProblem', () => {
  const whole = drawing();

  test('accepts a complete drawing', () => {
    expect(drawingProblem(whole, ID)).toBeUndefined();
    expect(drawingProblem(`\n${whole}\n`, ID)).toBeUndefined();
  });

  test.each([
    ['an empty file', '', 'empty'],
    ['whitespace', ' \n', 'empty'],
    ['garbage', '\u0000\u0000binary', 'not an SVG drawing: it starts with "\\u0000\\u0000binary"'],
    ['an HTML error page', '<!doctype html><html>502</html>', 'not an SVG drawing: it starts with "<!doctype html><"'],
    ['a drawing cut inside a tag', whole.slice(0, whole.indexOf('<text') + 8), 'cut short inside a tag'],
    ['a drawing cut between tags', whole.slice(0, whole.indexOf('<text')), 'cut short: <g> is never closed'],
    ['a drawing cut inside its style sheet', whole.slice(0, 100), 'cut short: <style> is never closed'],
    ['a drawing cut just before its end', whole.slice(0, -3), 'cut short inside a tag'],
    ['two drawings', whole + whole, 'more than one root element'],
    ['a drawing with text after it', `${whole}trailing`, 'text after the <svg> element'],
    [
      'tags closed out of order',
      whole.replace('</text></g>', '</g></text>'),
      'not well-formed: </g> closes no open <g>',
    ],
    [
      'a stray "<"',
      whole.replace('Owner?', 'Owner < Client'),
      'not well-formed: a "<" that opens no tag at character 302',
    ],
    [
      'a drawing made with another id',
      whole.replace(`<svg id="${ID}"`, '<svg id="other"'),
      `the <svg> element's id is not "${ID}"`,
    ],
    [
      'no style sheet',
      whole.replace(/<style>.*<\/style>/, ''),
      'no <style> element with the styles the dark theme is merged into',
    ],
    [
      'an empty style sheet',
      whole.replace(/<style>.*<\/style>/, '<style></style>'),
      'no <style> element with the styles the dark theme is merged into',
    ],
  ])('rejects %s', (_, svg, problem) => {
    expect(drawingProblem(svg, ID)).toBe(problem);
  });

  test('rejects the drawing cut at any point', () => {
    for (let end = 0; end < whole.length; end++) expect(drawingProblem(whole.slice(0, end), ID)).toBeDefined();
  });
});

describe('openDiagramCache', () => {
  let dir: string;
  let lines: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diagram-cache-'));
    lines = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test('gives back what it stored, and nothing for a key it has not', async () => {
    const cache = openDiagramCache(dir, ID, (line) => lines.push(line));
    await cache.write('k1', drawing());
    await expect(cache.read('k1')).resolves.toBe(drawing());
    await expect(cache.read('k2')).resolves.toBeUndefined();
    expect(lines).toEqual([]);
  });

  test.each([
    ['truncated', drawing().slice(0, 150), 'cut short: <style> is never closed'],
    ['empty', '', 'empty'],
    ['garbage', 'garbage', 'not an SVG drawing: it starts with "garbage"'],
  ])('reports a %s entry in one line naming its file, and treats it as missing', async (_, planted, problem) => {
    const cache = openDiagramCache(dir, ID, (line) => lines.push(line));
    await writeFile(join(dir, 'k1.svg'), planted);
    await expect(cache.read('k1')).resolves.toBeUndefined();
    expect(lines).toEqual([
      `Cache file ${join(dir, 'k1.svg')} is unusable (${problem}); drawing the diagram again and replacing it.`,
    ]);
    await cache.write('k1', drawing());
    await expect(cache.read('k1')).resolves.toBe(drawing());
    expect(lines).toHaveLength(1);
  });

  // Many reads and writes race on purpose; on a loaded 2-core machine that takes longer than the default 5 s.
  test(
    'never lets a reader see a partly written entry while another build writes it',
    { timeout: 60_000 },
    async () => {
      const cache = openDiagramCache(dir, ID, (line) => lines.push(line));
      // Large enough that writing one takes several system calls.
      const versions = [drawing('first', 40_000), drawing('second', 40_000)];
      let writing = true;
      const writer = (async () => {
        for (let i = 0; i < 60; i++) await cache.write('k1', versions[i % 2]!);
        writing = false;
      })();
      const seen: string[] = [];
      while (writing) {
        const svg = await readFile(join(dir, 'k1.svg'), 'utf8').catch(() => undefined);
        if (svg !== undefined)
          seen.push(svg === versions[0] ? 'first' : svg === versions[1] ? 'second' : `${svg.length} bytes`);
      }
      await writer;
      expect(seen.filter((s) => s !== 'first' && s !== 'second')).toEqual([]);
      expect(seen.length).toBeGreaterThan(0);
      expect((await readdir(dir)).sort()).toEqual(['k1.svg']);
    },
  );
});
