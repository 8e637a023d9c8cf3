import type { SpecTexts } from '../../src/citations/check.ts';
import { parseSpecText } from '../../src/citations/spec-text.ts';

/** A small paginated RFC-style text: a footer, a form feed and a running header split section 2.1's sentence. */
export const PLANTED_RFC = [
  '# Source: planted for tests',
  'Internet Engineering Task Force (IETF)                        A. Author',
  '',
  '1.  Introduction',
  '',
  '   This document is planted for tests.',
  '',
  '2.  Rules',
  '',
  '   Clients MUST check the state parameter.',
  '',
  '2.1.  Tokens',
  '',
  '   The server MUST NOT issue a token',
  '',
  'Author                       Standards Track                    [Page 2]',
  '\f',
  'RFC 9999                       Planted                       January 2030',
  '',
  '   twice for one code.  Clients SHOULD rotate refresh tokens.',
  '',
  '2.2.  A Long Heading That Wraps Onto a',
  '      Second Line',
  '',
  '   Servers MAY log requests.',
  '',
  '3.  Examples',
  '',
  '   No requirement here.',
  '',
  'Appendix A.  Encoding',
  '',
  '   Base64url without padding.',
  '',
  'A.1.  Vector',
  '',
  '   The verifier is dBjftJeZ4CVP.',
  '',
  "Author's Address",
  '',
  '   A. Author',
].join('\n');

/** Texts for the checker built from strings, as the folder of real texts would give them. */
export function textsFrom(sources: Record<string, string>, dir = '/texts'): SpecTexts {
  const docs = new Map(Object.entries(sources).map(([stem, text]) => [stem, parseSpecText(text)]));
  return { dir, stems: new Set(docs.keys()), document: (stem) => docs.get(stem) };
}
