import { describe, expect, test } from 'vitest';
import { formatProblem, parseRegistry } from '../../src/citations/registry.ts';

const messages = (yaml: string) => parseRegistry(yaml).problems.map(formatProblem);

describe('parseRegistry', () => {
  test('reads valid entries with their line, "Appendix B" as "B"', () => {
    const registry = parseRegistry(
      [
        '# comment',
        '- doc: rfc9700',
        '  section: "2.4"',
        '  level: MUST NOT',
        '  quote: "The resource owner password credentials grant [RFC6749] MUST NOT be used."',
        '- doc: rfc7636',
        '  section: "Appendix B"',
        '  level: informative',
        '  quote: "This appendix shows how the code_challenge is computed."',
        '- { doc: rfc8705, section: "2", level: informative, unchecked: true, reason: "No text of RFC 8705." }',
      ].join('\n'),
    );
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((e) => [e.doc, e.section, e.level, e.line, e.unchecked])).toEqual([
      ['rfc9700', '2.4', 'MUST NOT', 2, false],
      ['rfc7636', 'B', 'informative', 6, false],
      ['rfc8705', '2', 'informative', 10, true],
    ]);
  });

  test('asks for quotes around a section number YAML would read as a number', () => {
    expect(
      messages('- doc: rfc6749\n  section: 2.10\n  level: MUST\n  quote: "Clients MUST do something here."'),
    ).toEqual([
      'content/citations.yaml:2: Put the section number in quotes: section: "2.10". Unquoted, YAML reads it as the number 2.1.',
    ]);
  });

  test('names the allowed levels when the level is not one', () => {
    expect(
      messages('- doc: rfc6749\n  section: "2"\n  level: must\n  quote: "Clients MUST do something here."'),
    ).toEqual([
      'content/citations.yaml:3: level must be one of MUST NOT, SHALL NOT, SHOULD NOT, NOT RECOMMENDED, MUST, REQUIRED, SHALL, SHOULD, RECOMMENDED, MAY, OPTIONAL, informative: the keyword the quote states in capitals, or informative when it states none.',
    ]);
  });

  test('asks for a quote, and points at the entry', () => {
    expect(
      messages('- doc: rfc6749\n  section: "2"\n  level: MUST\n\n- doc: rfc6749\n  section: "3"\n  level: MUST'),
    ).toEqual([
      'content/citations.yaml:1: Add quote: a sentence copied from the section that backs the page, e.g. quote: "The resource owner password credentials grant [RFC6749] MUST NOT be used."',
      'content/citations.yaml:5: Add quote: a sentence copied from the section that backs the page, e.g. quote: "The resource owner password credentials grant [RFC6749] MUST NOT be used."',
    ]);
  });

  test('names a misspelt key on its line', () => {
    expect(
      messages('- doc: rfc6749\n  section: "2"\n  level: MUST\n  qoute: "Clients MUST do something here."'),
    ).toContain(
      'content/citations.yaml:4: Unknown key "qoute": an entry has doc, section, level and quote (or unchecked and reason instead of quote).',
    );
  });

  test('asks for a reason on an unchecked entry', () => {
    expect(messages('- doc: rfc8705\n  section: "2"\n  level: informative\n  unchecked: true')).toEqual([
      'content/citations.yaml:1: An unchecked entry needs a reason, e.g. reason: "No text of RFC 8705 in the reference library."',
    ]);
  });

  test('reports broken YAML with its line', () => {
    expect(messages('- doc: rfc6749\n  section: "2\n')[0]).toMatch(
      /^content\/citations\.yaml:\d+: This is not valid YAML: /,
    );
  });
});
