/** A heading found in a specification text. */
export interface SpecHeading {
  /** The section number as written, without the trailing dot: "2.1.1", "A", "A.1"; undefined when unnumbered. */
  readonly number: string | undefined;
  /** The heading's title, with a wrapped heading's lines joined. */
  readonly title: string;
  /** 1 for "2." and "Appendix A.", 2 for "2.1." and "A.1.", and so on; 1 for an unnumbered heading. */
  readonly level: number;
  /** 1-based line of the heading in the file. */
  readonly line: number;
}

/** One section of a specification: its heading and its text. */
export interface SpecSection extends SpecHeading {
  /**
   * The section's text from its heading up to the next heading of the same or a higher level, so it
   * includes the text of its subsections; page headers, footers and form feeds are removed.
   */
  readonly text: string;
}

/** A specification text split into sections, looked up by number. */
export interface SpecDocument {
  /** Every numbered section, in document order. */
  readonly sections: readonly SpecSection[];
  /** The section with this number ("4.1.2", "B", "Appendix B", "A.1"), or undefined. */
  section(number: string): SpecSection | undefined;
}

// `2.1.2.  Title`, `A.1.  Title`, `Appendix B.  Title`; the OpenID texts align titles with a third space.
const NUMBERED_HEADING = /^(?:Appendix ([A-Z])|(\d+(?:\.\d+)*|[A-Z](?:\.\d+)+|[A-Z]))\.\s{2,}(\S.*)$/;
// A page footer of a paginated text: `Hardt    Standards Track    [Page 5]`.
const PAGE_FOOTER = /\[Page \d+\]\s*$/;

/** "Appendix B" and "B" name the same section; "2.1." and "2.1" too. */
export function normalizeSectionNumber(number: string): string {
  return number
    .trim()
    .replace(/^appendix\s+/i, '')
    .replace(/\.$/, '');
}

/**
 * Removes the pagination of an RFC-style text: each footer line (`... [Page N]`), the form feed after it and the
 * running header line that follows. Every other line keeps its position, so line numbers stay those of the file.
 */
export function removePagination(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]!.startsWith('\f')) continue;
    const headerOnSameLine = out[i]!.slice(1).trim() !== '';
    out[i] = '';
    // The running header follows the form feed, on the same line or the next.
    if (!headerOnSameLine && out[i + 1]?.trim()) out[i + 1] = '';
  }
  return out.map((line) => (PAGE_FOOTER.test(line) && /^\S/.test(line) ? '' : line));
}

function headingAt(lines: readonly string[], i: number, body: boolean): SpecHeading | undefined {
  const line = lines[i]!;
  if (!/^[^\s]/.test(line)) return undefined;
  const match = NUMBERED_HEADING.exec(line);
  if (!match) {
    // After the first numbered heading, any other line at column 0 is an unnumbered heading such as
    // "Acknowledgements" or "Authors' Addresses" (body text is indented in every text of the library).
    return body ? { number: undefined, title: line.trim(), level: 1, line: i + 1 } : undefined;
  }
  const number = match[1] ?? match[2]!;
  // A long heading wraps onto indented lines directly below it, with no blank line between.
  const title = [match[3]!.trim()];
  for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j]!); j++) title.push(lines[j]!.trim());
  return { number, title: title.join(' '), level: number.split('.').length, line: i + 1 };
}

/**
 * Splits the text of a specification from the library (`# Source:` line first, then the document) into
 * sections. A section's text runs from its heading to the next heading of the same or a higher level.
 */
export function parseSpecText(source: string): SpecDocument {
  const lines = removePagination(source.replace(/\r\n?/g, '\n').split('\n'));
  if (lines[0]?.startsWith('# Source:')) lines[0] = '';
  const headings: SpecHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Before "1.  Introduction" the front page has column-0 lines that are not headings.
    const heading = headingAt(lines, i, headings.length > 0);
    if (heading && (headings.length > 0 || heading.number === '1')) headings.push(heading);
  }
  const sections: SpecSection[] = [];
  headings.forEach((heading, index) => {
    if (heading.number === undefined) return;
    let end = lines.length;
    for (const next of headings.slice(index + 1)) {
      if (next.level <= heading.level) {
        end = next.line - 1;
        break;
      }
    }
    sections.push({ ...heading, text: lines.slice(heading.line - 1, end).join('\n') });
  });
  const byNumber = new Map(sections.map((section) => [section.number!, section]));
  return {
    sections,
    section: (number) => byNumber.get(normalizeSectionNumber(number)),
  };
}

/**
 * Collapses every run of whitespace (line breaks, indentation, page breaks) to one space. A line that ends in a
 * hyphen after a letter joins the next without a space: the texts break lines after the hyphen of a compound
 * ("sender-" / "constraining"), never inside a word.
 */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/(?<=[A-Za-z]-)[ \t]*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
