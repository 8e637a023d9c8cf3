import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { specTextsDir } from '../../src/citations/spec-library.ts';
import { OPENID_ANCHORS } from '../../src/citations/spec-links.ts';
import { normalizeWhitespace, parseSpecText } from '../../src/citations/spec-text.ts';
import { PLANTED_RFC } from './support.ts';

describe('parseSpecText', () => {
  const doc = parseSpecText(PLANTED_RFC);

  test('finds numbered sections and appendices, in document order', () => {
    expect(doc.sections.map((s) => s.number)).toEqual(['1', '2', '2.1', '2.2', '3', 'A', 'A.1']);
  });

  test('a section runs to the next heading of the same or a higher level, so it includes its subsections', () => {
    const rules = normalizeWhitespace(doc.section('2')!.text);
    expect(rules).toContain('Clients MUST check the state parameter.');
    expect(rules).toContain('Servers MAY log requests.');
    expect(rules).not.toContain('No requirement here.');
    expect(normalizeWhitespace(doc.section('2.1')!.text)).not.toContain('Servers MAY');
  });

  test('removes page footers, form feeds and running headers, so a sentence reads across a page break', () => {
    const tokens = normalizeWhitespace(doc.section('2.1')!.text);
    expect(tokens).toContain('The server MUST NOT issue a token twice for one code.');
    expect(tokens).not.toMatch(/\[Page|RFC 9999|\f/);
  });

  test('joins the lines of a wrapped heading into one title', () => {
    expect(doc.section('2.2')!.title).toBe('A Long Heading That Wraps Onto a Second Line');
  });

  test('finds an appendix as "Appendix A" or "A", and its subsection as "A.1"', () => {
    expect(doc.section('Appendix A')?.title).toBe('Encoding');
    expect(doc.section('A')?.title).toBe('Encoding');
    expect(doc.section('A.1')?.text).toContain('dBjftJeZ4CVP');
  });

  test("ends the last section at an unnumbered heading such as the authors' address", () => {
    expect(doc.section('A.1')!.text).not.toContain("Author's Address");
  });

  test('has no section for a number the text does not have', () => {
    expect(doc.section('2.3')).toBeUndefined();
    expect(doc.section('B')).toBeUndefined();
  });
});

describe('normalizeWhitespace', () => {
  test('collapses line breaks and indentation, and joins a compound broken after its hyphen', () => {
    expect(normalizeWhitespace('such as   sender-\n   constraining access\n\n   tokens')).toBe(
      'such as sender-constraining access tokens',
    );
  });

  test('keeps the space after a dash that stands alone', () => {
    expect(normalizeWhitespace('codes -\n   short ones')).toBe('codes - short ones');
  });
});

const dir = specTextsDir(process.cwd());
describe.runIf(existsSync(dir))('parseSpecText on the reference texts', () => {
  const read = (stem: string) => parseSpecText(readFileSync(join(dir, `${stem}.txt`), 'utf8'));

  test('RFC 6749 section 4.1.2.1 reads across its page break', () => {
    const text = normalizeWhitespace(read('rfc6749').section('4.1.2.1')!.text);
    expect(text).toContain('If the request fails due to a missing, invalid, or mismatching redirection URI');
    expect(text).not.toContain('[Page');
  });

  test('RFC 7636 Appendix B holds the S256 test vector', () => {
    expect(read('rfc7636').section('Appendix B')!.text).toContain('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  test('RFC 10027 wrapped headings are one title', () => {
    expect(read('rfc10027').section('4.3.9')!.title).toMatch(/^Example B9: .*Pattern\)$/);
  });

  test('every section number of every text is unique', () => {
    for (const stem of [
      'rfc6749',
      'rfc7636',
      'rfc8628',
      'rfc9700',
      'rfc10017',
      'oidc-core-1_0',
      'draft-ietf-oauth-v2-1',
    ]) {
      const numbers = read(stem).sections.map((s) => s.number);
      expect(new Set(numbers).size, stem).toBe(numbers.length);
    }
  });

  test.each(Object.entries(OPENID_ANCHORS['oidc-core-1_0']!))(
    'the OpenID anchor #%s names the section whose heading the text has',
    (_anchor, { section, title }) => {
      expect(read('oidc-core-1_0').section(section)?.title).toBe(title);
    },
  );
});
