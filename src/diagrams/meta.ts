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

/** Mermaid configuration for a theme; part of the cache key, so changing it re-renders every diagram. */
export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    fontFamily: FONT,
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true },
    sequence: { useMaxWidth: true, wrap: true },
    themeVariables: { fontFamily: FONT, fontSize: '15px' },
  };
}
