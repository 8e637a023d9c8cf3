import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

// Each case plants one mistake in a small fixture site and builds it: the build must fail and say where, in one
// place, with no stack trace.
describe('a build with an author mistake', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await fixtureSite('small', 'author-errors');
  });
  afterAll(() => site.remove());

  const page = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}\n`;
  const goodFrontmatter =
    'title: Broken page\ndescription: A page planted by a test to check that the build reports mistakes clearly.\nsidebar:\n  group: Tools\n  order: 99';

  test.each([
    {
      mistake: 'frontmatter without a sidebar group',
      file: 'content/tools/broken.mdx',
      text: page(
        'title: Broken page\ndescription: A page planted by a test to check that the build reports mistakes clearly.\nsidebar:\n  order: 1',
        'Hello.',
      ),
      expected: [/tools\/broken\.mdx/, /sidebar\.group/],
    },
    {
      mistake: 'a description that is too short',
      file: 'content/tools/broken.mdx',
      text: page('title: Broken page\ndescription: Too short.\nsidebar:\n  group: Tools\n  order: 1', 'Hello.'),
      expected: [/tools\/broken\.mdx/, /description must be at least 50 characters/],
    },
    {
      mistake: 'a Mermaid diagram with a syntax error',
      file: 'content/tools/broken.mdx',
      text: page(
        goodFrontmatter,
        'Intro.\n\n```mermaid\nflowchart TD\n  accTitle: Broken\n  accDescr: A broken diagram.\n  A --> \n```',
      ),
      expected: [/content\/tools\/broken\.mdx:1[0-9]: Mermaid could not parse this diagram/],
    },
    {
      mistake: 'a Mermaid diagram without accTitle and accDescr',
      file: 'content/tools/broken.mdx',
      text: page(goodFrontmatter, '```mermaid\nflowchart TD\n  A --> B\n```'),
      expected: [/content\/tools\/broken\.mdx:9: Mermaid diagram has no accTitle/],
    },
    {
      mistake: 'an unknown callout',
      file: 'content/tools/broken.mdx',
      text: page(goodFrontmatter, ':::warning[Careful]\nText\n:::'),
      expected: [/content\/tools\/broken\.mdx:9: Unknown block ":::warning"/],
    },
    {
      mistake: 'a broken link and a broken anchor',
      file: 'content/tools/broken.mdx',
      text: page(
        goodFrontmatter,
        'See [nothing](/no/such/page/).\n\nAnd [a missing section](/guides/guide/#no-such-section).',
      ),
      expected: [
        /Broken links:/,
        /content\/tools\/broken\.mdx:9: broken link to \/no\/such\/page\/ \(HTTP 404\)\. Link to a page that exists/,
        /content\/tools\/broken\.mdx:11: broken link to \/guides\/guide\/#no-such-section \(no element with that id\)/,
      ],
    },
    {
      mistake: 'a decision tree whose answer leads nowhere',
      file: 'content/decision-trees/fixture-tree.yaml',
      text: 'title: T\ndescription: D\nstart: ask\nnodes:\n  - id: ask\n    question: Q?\n    answers:\n      - label: Yes\n        next: nowhere\n      - label: No\n        next: done\n  - id: done\n    outcome: Done\n    why: W.\n    href: /\n',
      expected: [
        /content\/decision-trees\/fixture-tree\.yaml:9: nodes\[0\]\.answers\[0\]\.next \(node "ask"\): Node "ask", answer "Yes": next "nowhere" does not match any node id\. Use one of: ask, done\./,
      ],
    },
  ])('fails on $mistake, naming the file and the place', { timeout: 180_000 }, async ({ file, text, expected }) => {
    const original = await readFile(join(site.root, file), 'utf8').catch(() => undefined);
    await site.write(file, text);
    try {
      const build = await astroBuild({ root: site.root, outDir: 'dist' });
      expect(build.code).not.toBe(0);
      for (const pattern of expected) expect(build.output).toMatch(pattern);
      // One place, the author's: no stack trace of the site's code, and no second location such as ":0:0".
      expect(build.output).not.toMatch(/^\s+at .*\/src\//m);
      expect(build.output).not.toMatch(/:0:0/);
    } finally {
      if (original === undefined) await rm(join(site.root, file));
      else await site.write(file, original);
    }
  });
});
