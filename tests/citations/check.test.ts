import { describe, expect, test } from 'vitest';
import { checkEntries, checkLinks } from '../../src/citations/check.ts';
import { scanMdx } from '../../src/citations/page-scan.ts';
import { formatProblem, parseRegistry } from '../../src/citations/registry.ts';
import { PLANTED_RFC, textsFrom } from './support.ts';

const texts = textsFrom({ rfc9999: PLANTED_RFC });

const REGISTRY = `
- doc: rfc9999
  section: "2"
  level: MUST
  quote: "Clients MUST check the state parameter."
- doc: rfc9999
  section: "2.1"
  level: MUST NOT
  quote: "The server MUST NOT issue a token twice for one code."
- doc: rfc9999
  section: "3"
  level: informative
  quote: "No requirement here."
- doc: rfc8705
  section: "2"
  level: informative
  unchecked: true
  reason: "No text of RFC 8705 in the reference library."
`;

function entriesProblems(yaml: string): string[] {
  const registry = parseRegistry(yaml);
  expect(registry.problems.map(formatProblem)).toEqual([]);
  return checkEntries(registry.entries, texts).map(formatProblem);
}

function pageProblems(mdx: string, registry = REGISTRY): string[] {
  const { entries } = parseRegistry(registry);
  return checkLinks(scanMdx(mdx, 'content/page.mdx'), entries, texts).map(formatProblem);
}

describe('checkEntries', () => {
  test('accepts quotes that are in their section, across a page break, with the level they state', () => {
    expect(entriesProblems(REGISTRY)).toEqual([]);
  });

  test('fails a quote that is not in the section, and names the section that has it', () => {
    expect(
      entriesProblems('- doc: rfc9999\n  section: "3"\n  level: MAY\n  quote: "Servers MAY log requests."'),
    ).toEqual([
      'content/citations.yaml:1: The quote is not in RFC 9999 section 3 ("Examples"). It is in section 2.2 ("A Long Heading That Wraps Onto a Second Line"): cite that section, or quote this one.',
    ]);
  });

  test('fails a quote that is in no section at all', () => {
    expect(
      entriesProblems(
        '- doc: rfc9999\n  section: "2"\n  level: SHOULD\n  quote: "Clients SHOULD check the state parameter."',
      ),
    ).toEqual([
      'content/citations.yaml:1: The quote is not in RFC 9999 section 2 ("Rules"). Copy it word for word from the section (line breaks, indentation and page breaks do not matter).',
    ]);
  });

  test('fails a level the quote does not state in capitals', () => {
    expect(
      entriesProblems(
        '- doc: rfc9999\n  section: "2.1"\n  level: SHOULD\n  quote: "The server MUST NOT issue a token"',
      ),
    ).toEqual([
      'content/citations.yaml:1: level is SHOULD, but the quote does not state SHOULD in capitals; it states MUST NOT. Set level to MUST NOT.',
    ]);
  });

  test('fails MUST for a quote that says MUST NOT', () => {
    expect(
      entriesProblems('- doc: rfc9999\n  section: "2.1"\n  level: MUST\n  quote: "The server MUST NOT issue a token"'),
    ).toEqual([
      'content/citations.yaml:1: level is MUST, but the quote does not state MUST in capitals; it states MUST NOT. Set level to MUST NOT.',
    ]);
  });

  test('fails informative for a quote that states a keyword', () => {
    expect(
      entriesProblems(
        '- doc: rfc9999\n  section: "2"\n  level: informative\n  quote: "Clients MUST check the state parameter."',
      ),
    ).toEqual(['content/citations.yaml:1: The quote states MUST, so level must be MUST, not informative.']);
  });

  test('fails a section the text does not have', () => {
    expect(
      entriesProblems('- doc: rfc9999\n  section: "2.3"\n  level: informative\n  quote: "No requirement here."'),
    ).toEqual([
      'content/citations.yaml:1: RFC 9999 has no section 2.3. Write the number as its heading does, e.g. "4.1.2" or "Appendix B".',
    ]);
  });

  test('fails a document with no text unless the entry is marked unchecked', () => {
    expect(
      entriesProblems('- doc: rfc8705\n  section: "2"\n  level: informative\n  quote: "Mutual TLS for OAuth clients."'),
    ).toEqual([
      'content/citations.yaml:1: There is no text "rfc8705" in /texts. Use one of its file stems (rfc9999), or, for a document we have no text of, write unchecked: true and a reason instead of the quote.',
    ]);
  });

  test('fails an unchecked entry for a document we do have the text of', () => {
    expect(
      entriesProblems('- doc: rfc9999\n  section: "2"\n  level: MUST\n  unchecked: true\n  reason: "Not read yet."'),
    ).toEqual([
      'content/citations.yaml:1: RFC 9999 is in /texts, so this entry can be checked: remove unchecked and reason, and add a quote from section 2.',
    ]);
  });
});

describe('checkLinks', () => {
  test('accepts a sentence that states the level of the cited section', () => {
    expect(
      pageProblems(
        'The server MUST NOT reuse codes ([RFC 9999, section 2.1](https://www.rfc-editor.org/rfc/rfc9999#section-2.1)).',
      ),
    ).toEqual([]);
  });

  test('fails a link to a section that does not exist', () => {
    expect(pageProblems('Intro.\n\nSee [section 2.9](https://www.rfc-editor.org/rfc/rfc9999#section-2.9).')).toEqual([
      'content/page.mdx:3: RFC 9999 has no section 2.9. Link a section that exists, as numbered in its headings, e.g. https://www.rfc-editor.org/rfc/rfc9999#section-1.',
    ]);
  });

  test('fails a sentence stating SHOULD where the entry says MUST', () => {
    expect(
      pageProblems(
        'Clients SHOULD check state ([RFC 9999, section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)). The rest is fine.',
      ),
    ).toEqual([
      'content/page.mdx:1: "Clients SHOULD check state (RFC 9999, section 2)." states SHOULD, but the entries for RFC 9999 section 2 in content/citations.yaml say MUST. Write the keyword the section states, or cite the section that states SHOULD and add its entry.',
    ]);
  });

  test('fails a keyword cited to an informative entry', () => {
    expect(
      pageProblems('- Servers MUST show examples ([section 3](https://www.rfc-editor.org/rfc/rfc9999#section-3)).'),
    ).toEqual([
      'content/page.mdx:1: "Servers MUST show examples (section 3)." states MUST, but the entries for RFC 9999 section 3 in content/citations.yaml state no requirement (informative). Write the keyword the section states, or cite the section that states MUST and add its entry.',
    ]);
  });

  test('accepts a keyword of the same RFC 2119 meaning (REQUIRED for MUST)', () => {
    expect(
      pageProblems('Checking state is REQUIRED ([section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)).'),
    ).toEqual([]);
  });

  test('judges a sentence by every section it links, and only its own sentence', () => {
    expect(
      pageProblems(
        'Servers MUST NOT reuse codes and clients MUST check state ([2.1](https://www.rfc-editor.org/rfc/rfc9999#section-2.1), [2](https://www.rfc-editor.org/rfc/rfc9999#section-2)). Servers SHOULD log, e.g. errors.',
      ),
    ).toEqual([]);
  });

  test('reads keywords in a table cell and a callout', () => {
    const mdx = [
      '| Rule | Source |',
      '| --- | --- |',
      '| Clients MAY skip state | [RFC 9999, section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2) |',
      '',
      ':::guidance[Note]',
      'Clients SHOULD NOT skip it ([section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)).',
      ':::',
    ].join('\n');
    // The cell holds the link only, so the keyword in the other cell is not the link's sentence.
    expect(pageProblems(mdx)).toEqual([
      'content/page.mdx:6: "Clients SHOULD NOT skip it (section 2)." states SHOULD NOT, but the entries for RFC 9999 section 2 in content/citations.yaml say MUST. Write the keyword the section states, or cite the section that states SHOULD NOT and add its entry.',
    ]);
  });

  test('fails an RFC link without a section', () => {
    expect(pageProblems('Read [RFC 9999](https://www.rfc-editor.org/rfc/rfc9999).')).toEqual([
      'content/page.mdx:1: The link to RFC 9999 names no section. Cite the section that says what the sentence claims, e.g. https://www.rfc-editor.org/rfc/rfc9999#section-1 with the right number, and add its entry to content/citations.yaml.',
    ]);
  });

  test('fails a section that has no registry entry', () => {
    expect(pageProblems('See [appendix A](https://www.rfc-editor.org/rfc/rfc9999#appendix-A).')).toEqual([
      'content/page.mdx:1: RFC 9999 appendix A ("Encoding") has no entry in content/citations.yaml. Add one that quotes what the section says: - { doc: rfc9999, section: "A", level: <the keyword the quote states, or informative>, quote: "<words copied from the section>" }.',
    ]);
  });

  test('fails a link to a document with no text, unless the registry allows it unchecked', () => {
    expect(
      pageProblems(
        'Use [mTLS](https://www.rfc-editor.org/rfc/rfc8705#section-2) or [JWT](https://www.rfc-editor.org/rfc/rfc7523#section-2.2).',
      ),
    ).toEqual([
      'content/page.mdx:1: There is no text of RFC 7523 in /texts to check this link against. If the link is right, allow it with an entry in content/citations.yaml: - { doc: rfc7523, section: "2.2", level: informative, unchecked: true, reason: "No text of RFC 7523 in the reference library." }',
    ]);
  });

  test('fails an anchor that names no section', () => {
    expect(pageProblems('See [page 3](https://www.rfc-editor.org/rfc/rfc9999#page-3).')).toEqual([
      'content/page.mdx:1: The anchor #page-3 of RFC 9999 is not a section the checker knows. Use #section-<number> or #appendix-<letter>.',
    ]);
  });
});
