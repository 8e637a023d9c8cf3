import { describe, expect, test } from 'vitest';
import { scanDecisionTree, scanMdx, sentenceStarts } from '../../src/citations/page-scan.ts';

const sentences = (text: string) => {
  const starts = sentenceStarts(text);
  return starts.map((start, i) => text.slice(start, starts[i + 1]).trim());
};

describe('sentenceStarts', () => {
  test('splits after a full stop followed by a capital, not inside "e.g." or a section number', () => {
    expect(sentences('Use PKCE, e.g. with S256 (section 4.2). Then redeem the code. 2.1.2 applies! Done')).toEqual([
      'Use PKCE, e.g. with S256 (section 4.2).',
      'Then redeem the code.',
      '2.1.2 applies!',
      'Done',
    ]);
  });
});

describe('scanMdx', () => {
  test('finds each link with its line and sentence, skipping frontmatter', () => {
    const mdx = [
      '---',
      'title: T',
      '---',
      '',
      'First sentence. Second with [a link](https://x.test/a) in it.',
      '',
      '- Item [b](https://x.test/b)',
    ].join('\n');
    expect(scanMdx(mdx, 'content/p.mdx').map(({ line, href, sentence }) => ({ line, href, sentence }))).toEqual([
      { line: 5, href: 'https://x.test/a', sentence: 'Second with a link in it.' },
      { line: 7, href: 'https://x.test/b', sentence: 'Item b' },
    ]);
  });

  test('reads reference-style links and inline code', () => {
    const mdx =
      'Send `code_verifier` as [RFC 7636][pkce] says.\n\n[pkce]: https://www.rfc-editor.org/rfc/rfc7636#section-4.5';
    expect(scanMdx(mdx, 'content/p.mdx')).toMatchObject([
      {
        line: 1,
        href: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.5',
        sentence: 'Send code_verifier as RFC 7636 says.',
      },
    ]);
  });
});

describe('scanDecisionTree', () => {
  test('binds guidance.source.href to the sentences of the text that name no other RFC', () => {
    const yaml = [
      'title: T',
      'nodes:',
      '  - id: implicit',
      '    outcome: Implicit',
      '    guidance:',
      '      text: >-',
      '        RFC 9700 says clients SHOULD NOT use it. RFC 10017 says browser clients MUST NOT use it.',
      '        Use the code flow.',
      '      source: { label: "RFC 9700, section 2.1.2", href: "https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2" }',
    ].join('\n');
    expect(scanDecisionTree(yaml, 'content/decision-trees/t.yaml')).toMatchObject([
      {
        line: 9,
        href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2',
        sentence: 'RFC 9700 says clients SHOULD NOT use it. Use the code flow.',
      },
    ]);
  });
});
