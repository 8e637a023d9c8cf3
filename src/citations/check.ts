import { keywordsIn, sameRequirement, type CitationLevel } from './bcp14.ts';
import type { LinkUse } from './page-scan.ts';
import { REGISTRY_PATH, type CitationEntry, type Problem } from './registry.ts';
import { documentName, OPENID_ANCHORS, parseSpecLink, sectionUrl } from './spec-links.ts';
import { normalizeWhitespace, type SpecDocument } from './spec-text.ts';

/** The texts the checker reads: a document by file stem, and the stems there are. */
export interface SpecTexts {
  /** The folder the texts come from, named in messages. */
  readonly dir: string;
  /** File stems with a text. */
  readonly stems: ReadonlySet<string>;
  /** The document with this stem, or undefined. */
  document(stem: string): SpecDocument | undefined;
}

const key = (doc: string, section: string) => `${doc}#${section}`;
const label = (doc: string, section: string) =>
  `${documentName(doc)} ${/^[A-Z]/.test(section) ? 'appendix' : 'section'} ${section}`;

function example(doc: string, section: string): string {
  return `- { doc: ${doc}, section: "${section}", level: <the keyword the quote states, or informative>, quote: "<words copied from the section>" }`;
}

/** Checks each registry entry against the text of its section: the section exists, the quote is in it, the level is right. */
export function checkEntries(entries: readonly CitationEntry[], texts: SpecTexts): Problem[] {
  const problems: Problem[] = [];
  const at = (entry: CitationEntry, message: string) =>
    problems.push({ file: REGISTRY_PATH, line: entry.line, message });
  for (const entry of entries) {
    const doc = texts.document(entry.doc);
    if (entry.unchecked) {
      if (doc)
        at(
          entry,
          `${documentName(entry.doc)} is in ${texts.dir}, so this entry can be checked: remove unchecked and reason, and add a quote from section ${entry.section}.`,
        );
      continue;
    }
    if (!doc) {
      at(
        entry,
        `There is no text "${entry.doc}" in ${texts.dir}. Use one of its file stems (${[...texts.stems].sort().join(', ')}), or, for a document we have no text of, write unchecked: true and a reason instead of the quote.`,
      );
      continue;
    }
    const section = doc.section(entry.section);
    if (!section) {
      at(
        entry,
        `${documentName(entry.doc)} has no section ${entry.section}. Write the number as its heading does, e.g. "4.1.2" or "Appendix B".`,
      );
      continue;
    }
    const quote = normalizeWhitespace(entry.quote!);
    if (!normalizeWhitespace(section.text).includes(quote)) {
      // Name the smallest section that does contain it, when one does: usually the entry cites the parent.
      const elsewhere = doc.sections
        .filter((other) => normalizeWhitespace(other.text).includes(quote))
        .sort((a, b) => a.text.length - b.text.length)[0];
      at(
        entry,
        `The quote is not in ${label(entry.doc, entry.section)} ("${section.title}"). ` +
          (elsewhere
            ? `It is in section ${elsewhere.number} ("${elsewhere.title}"): cite that section, or quote this one.`
            : 'Copy it word for word from the section (line breaks, indentation and page breaks do not matter).'),
      );
      continue;
    }
    const stated = keywordsIn(quote);
    if (entry.level === 'informative' && stated.length > 0) {
      at(entry, `The quote states ${stated.join(' and ')}, so level must be ${stated[0]}, not informative.`);
    } else if (entry.level !== 'informative' && !stated.includes(entry.level)) {
      at(
        entry,
        `level is ${entry.level}, but the quote does not state ${entry.level} in capitals` +
          (stated.length > 0
            ? `; it states ${stated.join(' and ')}. Set level to ${stated[0]}.`
            : '. Set level to informative, or quote the clause that states it.'),
      );
    }
  }
  return problems;
}

/** Checks every link in content against the texts and the registry; the page sentence's keywords against the entries. */
export function checkLinks(uses: readonly LinkUse[], entries: readonly CitationEntry[], texts: SpecTexts): Problem[] {
  const problems: Problem[] = [];
  const bySection = new Map<string, CitationEntry[]>();
  for (const entry of entries) {
    const list = bySection.get(key(entry.doc, entry.section)) ?? [];
    list.push(entry);
    bySection.set(key(entry.doc, entry.section), list);
  }
  // The levels each sentence may state: those of every entry of every section the sentence links.
  const sentenceLevels = new Map<string, { levels: CitationLevel[]; cited: string[]; first: LinkUse }>();
  for (const use of uses) {
    const link = parseSpecLink(use.href);
    if (!link) continue;
    const at = (message: string) => problems.push({ file: use.file, line: use.line, message });
    const name = documentName(link.doc);
    if (link.kind === 'no-section') {
      at(
        `The link to ${name} names no section. Cite the section that says what the sentence claims, e.g. ${sectionUrl(link.doc, '1')} with the right number, and add its entry to ${REGISTRY_PATH}.`,
      );
      continue;
    }
    if (link.kind === 'unknown-anchor') {
      const named = Object.keys(OPENID_ANCHORS[link.doc] ?? {});
      at(
        `The anchor #${link.anchor} of ${name} is not a section the checker knows. Use #section-<number> or #appendix-<letter>` +
          (named.length > 0 ? `, or one of the named anchors ${named.map((n) => `#${n}`).join(', ')}.` : '.'),
      );
      continue;
    }
    const doc = texts.document(link.doc);
    const sectionEntries = bySection.get(key(link.doc, link.section)) ?? [];
    if (!doc) {
      if (!sectionEntries.some((entry) => entry.unchecked)) {
        at(
          `There is no text of ${name} in ${texts.dir} to check this link against. If the link is right, allow it with an entry in ${REGISTRY_PATH}: - { doc: ${link.doc}, section: "${link.section}", level: informative, unchecked: true, reason: "No text of ${name} in the reference library." }`,
        );
        continue;
      }
    } else {
      const section = doc.section(link.section);
      if (!section) {
        at(
          `${name} has no section ${link.section}. Link a section that exists, as numbered in its headings, e.g. ${sectionUrl(link.doc, doc.sections[0]?.number ?? '1')}.`,
        );
        continue;
      }
      const expected = OPENID_ANCHORS[link.doc]?.[link.anchor];
      if (expected && expected.title !== section.title) {
        at(
          `The anchor #${link.anchor} should name section ${expected.section} "${expected.title}", but that section of the text is "${section.title}". Fix OPENID_ANCHORS in src/citations/spec-links.ts.`,
        );
        continue;
      }
      if (sectionEntries.length === 0) {
        at(
          `${label(link.doc, link.section)} ("${section.title}") has no entry in ${REGISTRY_PATH}. Add one that quotes what the section says: ${example(link.doc, link.section)}.`,
        );
        continue;
      }
    }
    const sentence = sentenceLevels.get(use.sentenceKey) ?? { levels: [], cited: [], first: use };
    sentence.levels.push(...sectionEntries.map((entry) => entry.level));
    sentence.cited.push(label(link.doc, link.section));
    sentenceLevels.set(use.sentenceKey, sentence);
  }
  for (const { levels, cited, first } of sentenceLevels.values()) {
    const keywords = [...new Set(keywordsIn(first.sentence))];
    const backed = levels.filter((level) => level !== 'informative');
    for (const keyword of keywords) {
      if (backed.some((level) => sameRequirement(level, keyword))) continue;
      const says = backed.length > 0 ? `say ${[...new Set(backed)].join(', ')}` : 'state no requirement (informative)';
      problems.push({
        file: first.file,
        line: first.line,
        message:
          `"${first.sentence}" states ${keyword}, but the entries for ${[...new Set(cited)].join(' and ')} in ${REGISTRY_PATH} ${says}. ` +
          `Write the keyword the section states, or cite the section that states ${keyword} and add its entry.`,
      });
    }
  }
  return problems;
}
