import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, type FixtureBuild } from '../support/diagram-fixture.ts';

const BROKEN = `---
title: Broken diagram
description: A page planted by a test with a Mermaid syntax error, to check where the build says it is.
sidebar:
  group: Tools
  order: 9
---

Intro.

\`\`\`mermaid
flowchart TD
  accTitle: Broken
  accDescr: A broken diagram.
  A -->
\`\`\`
`;

// The small fixture site with one page whose diagram has a syntax error on the page's line 16.
describe('a build with a Mermaid syntax error', { timeout: 120_000 }, () => {
  let site: FixtureBuild;
  beforeAll(async () => {
    site = await buildFixture('reproducible', 'diagram-error', { files: { 'content/broken.mdx': BROKEN } });
  }, 600_000);
  afterAll(() => site?.remove());

  test('fails, saying what is wrong at the file and line', () => {
    expect(site.build.code).not.toBe(0);
    expect(site.build.output).toMatch(
      /^content\/broken\.mdx:16: Mermaid could not parse this diagram: Parse error on line 5: Expecting .*, got 'EOF'$/m,
    );
  });

  test('gives that one place wherever it names the page, never a second :0:0', () => {
    const places = [...site.build.output.matchAll(/broken\.mdx(:\d+(?::\d+)?)?/g)].map((m) => m[1] ?? '');
    expect(places.length).toBeGreaterThan(0);
    expect(places.filter((place) => !/^:16(?::1)?$/.test(place))).toEqual([]);
  });
});
