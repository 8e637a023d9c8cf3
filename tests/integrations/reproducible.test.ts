import { describe, expect, test } from 'vitest';
import { stableIslandUids } from '../../src/integrations/reproducible.ts';

const island = (uid: string, props: string) =>
  `<astro-island uid="${uid}" component-url="/_astro/Quiz.js" props="${props}" client="visible"></astro-island>`;

describe('stableIslandUids', () => {
  test('gives the same island the same uid whatever uid Astro derived from the checkout path', () => {
    expect(stableIslandUids(island('Z1nNRE4', '{}'))).toBe(stableIslandUids(island('ZNIrpp', '{}')));
    expect(stableIslandUids(island('Z1nNRE4', '{}'))).toMatch(
      /^<astro-island uid="[\w-]{8}" component-url="\/_astro\/Quiz.js" props="\{\}" client="visible"><\/astro-island>$/,
    );
  });

  test('gives islands with other props, and identical islands on one page, different uids', () => {
    const uids = (html: string) => [...html.matchAll(/uid="([^"]+)"/g)].map((m) => m[1]);
    const page = stableIslandUids(island('a', '{}') + island('a', '{}') + island('a', '{"x":1}'));
    expect(new Set(uids(page)).size).toBe(3);
  });
});
