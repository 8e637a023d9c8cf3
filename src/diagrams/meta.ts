/** Accessible name and text alternative an author gave a Mermaid diagram. */
export interface DiagramAccessibility {
  /** From `accTitle:`; becomes the diagram's accessible name. */
  title: string;
  /** From `accDescr:` or `accDescr { … }`; becomes its caption. */
  description: string;
}

/** Reads `accTitle` and `accDescr` from Mermaid source, or returns the sentence an author needs to fix it. */
export function readAccessibility(source: string): DiagramAccessibility | { problem: string } {
  const title = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
  const block = /^\s*accDescr\s*\{([\s\S]*?)\}/m.exec(source)?.[1];
  const line = /^\s*accDescr\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
  const description = (block ?? line)?.replace(/\s+/g, ' ').trim();
  const missing = [title ? '' : 'accTitle: <name>', description ? '' : 'accDescr: <one or two sentences>'].filter(
    Boolean,
  );
  if (missing.length > 0 || !title || !description) {
    return {
      problem: `Mermaid diagram has no ${missing.join(' and no ')} line. Add it after the diagram type so readers of assistive technology get a name and a text alternative.`,
    };
  }
  return { title, description };
}

/** Line number (1-based, inside the diagram) that a Mermaid parse error points at, if it says. */
export function mermaidErrorLine(message: string): number | undefined {
  const match = /line (\d+)/i.exec(message);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** First line of Mermaid's error text, without the ASCII-art pointer it draws under the source. */
export function summariseMermaidError(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const expecting = lines.find(
    (l) => l.startsWith('Expecting') || l.startsWith('Lexical error') || l.startsWith('Unrecognized'),
  );
  const first = lines[0] ?? 'unknown error';
  return expecting && expecting !== first ? `${first} ${expecting}` : first;
}

/** The two themes every diagram is drawn in; CSS shows the one matching the page's theme. */
export const DIAGRAM_THEMES = ['light', 'dark'] as const;
/** A diagram theme. */
export type DiagramTheme = (typeof DIAGRAM_THEMES)[number];

// Verdana and DejaVu Sans are among the widest common sans-serif faces: labels measured with them at build
// time still fit when the reader's browser substitutes a narrower font, so nothing is clipped.
const FONT = 'Verdana, "DejaVu Sans", "Bitstream Vera Sans", sans-serif';

/**
 * Mermaid configuration for a theme; part of the cache key, so changing it re-renders every diagram.
 * Sequence labels are not wrapped by Mermaid (`wrap: false`): its wrapping breaks a word wider than an actor box
 * with a hyphen (`client_credentia-` / `ls`), and a protocol value must read as written. wrapSequenceLabels breaks
 * them between words instead, and Mermaid spaces the lifelines to fit the widest line.
 */
export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    fontFamily: FONT,
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true },
    sequence: { useMaxWidth: true, wrap: false },
    // Mermaid's shadows are CSS drop-shadow() filters on SVG shapes, which WebKit does not draw: none anywhere.
    themeVariables: { fontFamily: FONT, fontSize: '15px', dropShadow: 'none' },
  };
}

/** Longest line, in characters, wrapSequenceLabels makes of several words; a longer single word keeps its line. */
export const SEQUENCE_LABEL_CHARS = 20;

// A message (`A->>B: text`, any arrow, with optional activation marks) or a note (`Note over A,B: text`).
const SEQUENCE_LABEL =
  /^(\s*(?:[^\s:]+\s*(?:<<)?--?(?:>>|>|x|\)|\|\\|\|\/|\/\/|\\\\)[+-]?\s*[^\s:]+|Note\s+(?:over|left of|right of)\s+[^:]+)\s*:\s*)(.+)$/i;

/**
 * Breaks the labels of a sequence diagram's messages and notes into lines of at most SEQUENCE_LABEL_CHARS
 * characters, only between words, with Mermaid's `<br/>`: a parameter name or value is never hyphenated or
 * cut. Labels that already hold a `<br>`, and every other diagram type, are left as written.
 */
export function wrapSequenceLabels(source: string): string {
  if (!/^\s*sequenceDiagram\b/.test(source)) return source;
  return source
    .split('\n')
    .map((line) => {
      const match = SEQUENCE_LABEL.exec(line);
      const [, head, label] = match ?? [];
      if (head === undefined || label === undefined || /<br\s*\/?>/i.test(label)) return line;
      return head + wrapWords(label.trim(), SEQUENCE_LABEL_CHARS).join('<br/>');
    })
    .join('\n');
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
