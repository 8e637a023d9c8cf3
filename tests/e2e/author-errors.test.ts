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
      astroReports: true,
    },
    {
      mistake: 'a description that is too short',
      file: 'content/tools/broken.mdx',
      text: page('title: Broken page\ndescription: Too short.\nsidebar:\n  group: Tools\n  order: 1', 'Hello.'),
      expected: [/tools\/broken\.mdx/, /description must be at least 50 characters/],
      astroReports: true,
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
      mistake: 'an HTTP example whose code_verifier does not hash to the code_challenge',
      file: 'content/tools/broken.mdx',
      text: page(
        goodFrontmatter,
        [
          '```http',
          'GET /authorize?response_type=code&client_id=photo-app&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=photos.read&state=Qm4vT8zK1xWp&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256 HTTP/1.1',
          'Host: auth.example.com',
          '```',
          '',
          '```http',
          'HTTP/1.1 302 Found',
          'Location: https://app.example.com/callback?code=Nw5rJ8kTq2Lx0VbZ&state=Qm4vT8zK1xWp',
          '```',
          '',
          '```http',
          'POST /token HTTP/1.1',
          'Host: auth.example.com',
          'Content-Type: application/x-www-form-urlencoded',
          '',
          'grant_type=authorization_code&code=Nw5rJ8kTq2Lx0VbZ&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&client_id=photo-app&code_verifier=not-the-verifier-of-that-challenge-0123456789',
          '```',
        ].join('\n'),
      ),
      expected: [/content\/tools\/broken\.mdx:20: .*Rule: pkce-verifier-mismatch \(RFC 7636 section 4\.6, MUST\)/],
    },
    {
      mistake: 'a decision tree whose answer leads nowhere',
      file: 'content/decision-trees/fixture-tree.yaml',
      text: 'title: T\ndescription: D\nstart: ask\nnodes:\n  - id: ask\n    question: Q?\n    answers:\n      - label: Yes\n        next: nowhere\n      - label: No\n        next: done\n  - id: done\n    outcome: Done\n    why: W.\n    href: /\n',
      expected: [
        /content\/decision-trees\/fixture-tree\.yaml:9: nodes\[0\]\.answers\[0\]\.next \(node "ask"\): Node "ask", answer "Yes": next "nowhere" does not match any node id\. Use one of: ask, done\./,
      ],
    },
  ])(
    'fails on $mistake, naming the file and the place',
    { timeout: 180_000 },
    async ({ file, text, expected, astroReports }) => {
      const original = await readFile(join(site.root, file), 'utf8').catch(() => undefined);
      await site.write(file, text);
      try {
        const build = await astroBuild({ root: site.root, outDir: 'dist' });
        expect(build.code).not.toBe(0);
        for (const pattern of expected) expect(build.output).toMatch(pattern);
        // One place, the author's: no stack trace of the site's code, and no second location such as ":0:0"
        // (Astro's own frontmatter errors, which are not the site's, still print one).
        expect(build.output).not.toMatch(/^\s+at .*\/src\//m);
        if (!astroReports) expect(build.output).not.toMatch(/:0:0/);
      } finally {
        if (original === undefined) await rm(join(site.root, file));
        else await site.write(file, original);
      }
    },
  );
});
