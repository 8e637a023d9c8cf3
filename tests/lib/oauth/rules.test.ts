import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { citeRule, RULES, type Rule } from '../../../src/lib/oauth/index.ts';
import { EXTENSION_RULES } from '../../../src/lib/oauth/extension-rules.ts';
import { EXTENSION_RULE_QUOTES, RULE_QUOTES } from '../../../src/lib/oauth/rule-quotes.ts';

// The team's offline copies of the specifications; the citation checks run wherever they are present.
const REFERENCE = process.env['RFC_REFERENCE_DIR'] ?? '/work/shared/reference/rfc';

/** The text of one section: from its heading to the next heading, page furniture removed, whitespace joined. */
function sectionText(doc: string, section: string): string | null {
  const lines = readFileSync(`${REFERENCE}/${doc}.txt`, 'utf8').split('\n');
  const heading = new RegExp(`^${section.replace(/\./g, '\\.')}\\. {2}`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^(\d+(\.\d+)*\.|Appendix [A-Z]\.|[A-Z]\.\d+(\.\d+)*\.) {2}/.test(l));
  const body = (end < 0 ? rest : rest.slice(0, end)).filter(
    (l, i, all) => !/\[Page \d+\]\s*$/.test(l) && !/\f/.test(l) && !/\[Page \d+\]\s*$/.test(all[i - 2] ?? ''),
  );
  return [lines[start], ...body].join(' ').replace(/\s+/g, ' ');
}

const entries = [
  ...Object.entries(RULES as Record<string, Rule>),
  ...Object.entries(EXTENSION_RULES as Record<string, Rule>),
];
const QUOTES: Record<string, string> = { ...RULE_QUOTES, ...EXTENSION_RULE_QUOTES };

describe.runIf(existsSync(REFERENCE))('every rule’s citation matches the specification text', () => {
  test.each(entries)('%s: the quote is in the cited section, which states the cited level', (id, rule) => {
    const text = sectionText(rule.doc, rule.section);
    expect(text, `${rule.doc} has no section ${rule.section}`).not.toBeNull();
    expect(text).toContain(QUOTES[id]?.replace(/\s+/g, ' '));
    // "MUST" must appear on its own, not only as part of "MUST NOT".
    const keyword = rule.level === 'MUST' || rule.level === 'SHOULD' ? `${rule.level}(?! NOT)` : rule.level;
    if (rule.level !== 'informative') expect(text).toMatch(new RegExp(`\\b${keyword}\\b`));
  });
});

describe('rule data', () => {
  test.each(entries)('%s: an error sent by redirect has status 302, any other has 4xx', (_id, rule) => {
    if (!rule.error) return;
    if (rule.error.channel === 'redirect') expect(rule.error.status).toBe(302);
    else expect(rule.error.status).toBeGreaterThanOrEqual(400);
  });

  test('the extension rules do not reuse an id of RULES', () => {
    expect(Object.keys(EXTENSION_RULES).filter((id) => id in RULES)).toEqual([]);
  });

  test('citeRule writes the document, section and level as messages show them', () => {
    expect(citeRule('pkce-verifier-mismatch')).toBe('RFC 7636 section 4.6, MUST');
    expect(citeRule('pkce-or-nonce-required')).toBe('OAuth 2.1 (draft-ietf-oauth-v2-1) section 7.5.1.1, MUST');
  });
});
