import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

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
