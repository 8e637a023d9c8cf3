import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GRANT_PAGES } from '../support/playground-scenarios.ts';

const dist = process.env['E2E_DIST'] ?? 'dist';

describe('the build output', () => {
  test('has no empty script in _astro/', () => {
    const scripts = readdirSync(join(dist, '_astro')).filter((f) => /\.m?js$/.test(f));
    expect(scripts.length, 'no scripts at all: nothing checked').toBeGreaterThan(0);
    expect(scripts.filter((f) => statSync(join(dist, '_astro', f)).size === 0)).toEqual([]);
  });

  test('ships no @preact/signals chunk, which no island uses', () => {
    expect(readdirSync(join(dist, '_astro')).filter((f) => f.startsWith('signals'))).toEqual([]);
  });
});

describe('"On this page" on the grant pages', () => {
  test.each(GRANT_PAGES)(
    '/$path lists its playground heading where the playground stands, before Related',
    ({ path, grant }) => {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      const links = [...toc.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
      const index = links.findIndex(([slug]) => slug === 'playground-title');
      expect(links[index], `no playground entry in: ${JSON.stringify(links)}`).toEqual([
        'playground-title',
        `Try it: ${grant} in the playground`,
      ]);
      expect(links[index + 1]?.[0]).toBe('related');
      expect(html).toMatch(/<h2 id="playground-title">/);
    },
  );
});
