import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { copySite } from '../support/fixture-site.ts';

// Each case plants one mistake in a copy of the site and builds it: the build must fail and say where.
describe('a build with an author mistake', () => {
  let site: Awaited<ReturnType<typeof copySite>>;
  beforeAll(async () => {
    site = await copySite('author-errors');
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
        'See [nothing](/no/such/page/) and [a missing section](/api-auth/grant/implicit/#no-such-section).',
      ),
      expected: [
        /Broken links:/,
        /\/tools\/broken\/: \/no\/such\/page\/ \(HTTP 404\)/,
        /\/tools\/broken\/: \/api-auth\/grant\/implicit\/#no-such-section/,
      ],
    },
  ])('fails on $mistake, naming the file and the place', async ({ file, text, expected }) => {
    await site.write(file, text);
    const build = await astroBuild({ root: site.root, outDir: 'dist' });
    expect(build.code).not.toBe(0);
    for (const pattern of expected) expect(build.output).toMatch(pattern);
  });
});
