/** The BCP 14 keywords (RFC 2119 section 1-5, RFC 8174), two-word ones first so they match before their prefix. */
export const BCP14_KEYWORDS = [
  'MUST NOT',
  'SHALL NOT',
  'SHOULD NOT',
  'NOT RECOMMENDED',
  'MUST',
  'REQUIRED',
  'SHALL',
  'SHOULD',
  'RECOMMENDED',
  'MAY',
  'OPTIONAL',
] as const;

/** One BCP 14 keyword, in capitals as the specifications write it. */
export type Bcp14Keyword = (typeof BCP14_KEYWORDS)[number];

/** A registry entry's level: the keyword its quote states, or `informative` when it states none. */
export type CitationLevel = Bcp14Keyword | 'informative';

/** Every value `level` may take, for the schema and for messages. */
export const CITATION_LEVELS: readonly [CitationLevel, ...CitationLevel[]] = [...BCP14_KEYWORDS, 'informative'];

// RFC 2119: MUST = REQUIRED = SHALL; MUST NOT = SHALL NOT; SHOULD = RECOMMENDED; SHOULD NOT = NOT RECOMMENDED;
// MAY = OPTIONAL. A page may state any keyword of the class the cited text states.
const MEANING: Record<Bcp14Keyword, 'must' | 'must-not' | 'should' | 'should-not' | 'may'> = {
  MUST: 'must',
  REQUIRED: 'must',
  SHALL: 'must',
  'MUST NOT': 'must-not',
  'SHALL NOT': 'must-not',
  SHOULD: 'should',
  RECOMMENDED: 'should',
  'SHOULD NOT': 'should-not',
  'NOT RECOMMENDED': 'should-not',
  MAY: 'may',
  OPTIONAL: 'may',
};

const KEYWORD_PATTERN = new RegExp(`\\b(${BCP14_KEYWORDS.map((k) => k.replace(' ', '\\s+')).join('|')})\\b`, 'g');

/** The BCP 14 keywords a text states in capitals, in order, e.g. ["SHOULD NOT", "SHOULD"]. */
export function keywordsIn(text: string): Bcp14Keyword[] {
  return [...text.matchAll(KEYWORD_PATTERN)].map((match) => match[1]!.replace(/\s+/g, ' ') as Bcp14Keyword);
}

/** Whether two keywords mean the same requirement under RFC 2119 (MUST and REQUIRED do, MUST and SHOULD do not). */
export function sameRequirement(a: Bcp14Keyword, b: Bcp14Keyword): boolean {
  return MEANING[a] === MEANING[b];
}
