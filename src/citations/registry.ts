import { z } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { CITATION_LEVELS, type CitationLevel } from './bcp14.ts';
import { normalizeSectionNumber } from './spec-text.ts';

/** Where the registry lives, relative to the repository root; messages name it so. */
export const REGISTRY_PATH = 'content/citations.yaml';

/** A problem an author can fix: the file and line, and a message saying what is wrong and what to write instead. */
export interface Problem {
  /** Repository-relative path, e.g. "content/api-auth/grant/password.mdx". */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** What is wrong, then what to write instead. */
  readonly message: string;
}

/** `content/<file>:<line>: <message>`, the one form every citation problem is printed in. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

const SECTION = /^(?:Appendix [A-Z]|[A-Z]|[A-Z](?:\.\d+)+|\d+(?:\.\d+)*)$/;

/** One registry entry as authors write it in content/citations.yaml. */
export const citationEntrySchema = z
  .strictObject({
    /** File stem of the specification text: rfc6749, rfc9700, oidc-core-1_0, draft-ietf-oauth-v2-1, ... */
    doc: z
      .string({ error: 'Add doc: the file stem of the specification text, e.g. doc: rfc9700.' })
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, {
        error: 'doc is the file stem of the specification text in lower case, e.g. rfc9700 or oidc-core-1_0.',
      }),
    /** The section number as the text's heading writes it: "2.4", "4.1.2.1", "Appendix B", "A.1". */
    section: z
      .string({ error: 'Add section: the section number in quotes, e.g. section: "2.4" or section: "Appendix B".' })
      .regex(SECTION, {
        error:
          'Write the section number as in the heading, without a trailing dot: "2.4", "4.1.2.1", "Appendix B" or "A.1".',
      }),
    /** The BCP 14 keyword the quote states, in capitals, or "informative" when it states none. */
    level: z.enum(CITATION_LEVELS, {
      error: `level must be one of ${CITATION_LEVELS.join(', ')}: the keyword the quote states in capitals, or informative when it states none.`,
    }),
    /** A short passage copied from the section, word for word (line breaks and indentation do not matter). */
    quote: z
      .string()
      .trim()
      .min(12, { error: 'The quote is too short to show what the section says; copy the whole clause.' })
      .max(500, { error: 'Keep the quote under 500 characters: the one sentence or clause the page relies on.' })
      .optional(),
    /** Only for a document we have no text for: the link is allowed but cannot be checked. */
    unchecked: z.literal(true, { error: 'unchecked can only be true; leave it out for a checked entry.' }).optional(),
    /** Why the entry is unchecked, e.g. that the library has no text of that RFC. */
    reason: z.string().trim().min(1).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.unchecked) {
      if (!entry.reason)
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'An unchecked entry needs a reason, e.g. reason: "No text of RFC 8705 in the reference library."',
        });
      if (entry.quote)
        ctx.addIssue({
          code: 'custom',
          path: ['unchecked'],
          message: 'An entry with a quote is checked against the text: remove unchecked and reason.',
        });
    } else if (!entry.quote) {
      ctx.addIssue({
        code: 'custom',
        path: ['quote'],
        message:
          'Add quote: a sentence copied from the section that backs the page, e.g. quote: "The resource owner password credentials grant [RFC6749] MUST NOT be used."',
      });
    }
  });

/** A registry entry as written (the schema's input). */
export type CitationEntryInput = z.input<typeof citationEntrySchema>;

/** A valid registry entry, with the line it starts on. */
export interface CitationEntry {
  /** File stem of the specification text. */
  readonly doc: string;
  /** Section number, normalised: "Appendix B" becomes "B". */
  readonly section: string;
  /** The keyword the quote states, or informative. */
  readonly level: CitationLevel;
  /** The quote; undefined only for unchecked entries. */
  readonly quote: string | undefined;
  /** True for a document with no text in the library. */
  readonly unchecked: boolean;
  /** 1-based line of the entry's first key in the registry. */
  readonly line: number;
}

/** The registry's valid entries and the problems of the others. */
export interface Registry {
  /** Entries that passed the schema. */
  readonly entries: readonly CitationEntry[];
  /** One problem per schema error, at the line of the offending key. */
  readonly problems: readonly Problem[];
  /** False when the file is not valid YAML or not a list: no entry could be read at all. */
  readonly readable: boolean;
}

function lineOf(node: YamlNode | null | undefined, counter: LineCounter, fallback: number): number {
  const offset = node?.range?.[0];
  return offset === undefined ? fallback : counter.linePos(offset).line;
}

/** Parses content/citations.yaml: YAML syntax, then each entry against the schema, reporting file and line. */
export function parseRegistry(source: string, file = REGISTRY_PATH): Registry {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    problems.push({
      file,
      line: error.linePos?.[0].line ?? 1,
      message: `This is not valid YAML: ${error.message.split('\n')[0]}. Write a list of entries, each starting with "- doc:".`,
    });
  }
  if (problems.length > 0) return { entries: [], problems, readable: false };
  if (doc.contents === null) return { entries: [], problems, readable: true };
  if (!isSeq(doc.contents)) {
    return {
      entries: [],
      problems: [{ file, line: 1, message: 'The registry must be a list of entries, each starting with "- doc:".' }],
      readable: false,
    };
  }
  const entries: CitationEntry[] = [];
  for (const item of doc.contents.items) {
    const itemNode = item as YamlNode;
    const line = lineOf(itemNode, counter, 1);
    if (!isMap(item)) {
      problems.push({ file, line, message: 'Each entry is a mapping of keys, starting with "- doc:".' });
      continue;
    }
    const result = citationEntrySchema.safeParse(item.toJSON());
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          const key = issue.keys[0]!;
          problems.push({
            file,
            line: lineOf(
              item.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as YamlNode,
              counter,
              line,
            ),
            message: `Unknown key "${key}": an entry has doc, section, level and quote (or unchecked and reason instead of quote).`,
          });
          continue;
        }
        const key = issue.path[0];
        const valueNode = typeof key === 'string' ? (item.get(key, true) as YamlNode | undefined) : undefined;
        let message = issue.message;
        if (key === 'section' && isScalar(valueNode) && typeof valueNode.value === 'number') {
          const written = source.slice(valueNode.range![0], valueNode.range![1]);
          message = `Put the section number in quotes: section: "${written}". Unquoted, YAML reads it as the number ${String(valueNode.value)}.`;
        }
        problems.push({ file, line: lineOf(valueNode, counter, line), message });
      }
      continue;
    }
    const { doc: stem, section, level, quote, unchecked } = result.data;
    entries.push({
      doc: stem,
      section: normalizeSectionNumber(section),
      level,
      quote,
      unchecked: unchecked === true,
      line,
    });
  }
  return { entries, problems, readable: true };
}
