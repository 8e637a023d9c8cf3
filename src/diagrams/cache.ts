import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Drawn diagrams kept between builds: one optimized SVG per cache key, checked on every read. */
export interface DiagramCache {
  /** The folder the drawings are kept in. */
  readonly dir: string;
  /** The cached drawing for a key; undefined when there is none or it is unusable (which is reported, once). */
  read(key: string): Promise<string | undefined>;
  /** Stores a drawing for a key: written to a temporary file in the same folder, then renamed over the entry. */
  write(key: string, svg: string): Promise<void>;
}

/**
 * Opens the cache in `dir`. `report` gets one line for each entry that is there but unusable, which the caller
 * then draws again and writes over.
 */
export function openDiagramCache(dir: string, id: string, report: (line: string) => void): DiagramCache {
  const fileOf = (key: string) => join(dir, `${key}.svg`);
  return {
    dir,
    async read(key) {
      const file = fileOf(key);
      const svg = await readFile(file, 'utf8').catch(() => undefined);
      if (svg === undefined) return undefined;
      const problem = drawingProblem(svg, id);
      if (problem === undefined) return svg;
      report(`Cache file ${file} is unusable (${problem}); drawing the diagram again and replacing it.`);
      return undefined;
    },
    async write(key, svg) {
      await mkdir(dir, { recursive: true });
      // A rename within one folder is atomic: a reader (another build, the dev server) sees the old entry or the
      // new one, never a part; a build killed mid-write leaves a stray temporary file, never a bad entry.
      const temporary = join(dir, `.${key}.${process.pid}.${randomUUID()}.tmp`);
      try {
        await writeFile(temporary, svg);
        await rename(temporary, fileOf(key));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

// One XML token: a comment, CDATA, a closing tag, an opening or empty tag with quoted attributes, or a stray "<".
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|</g;

/**
 * What is wrong with a cached drawing, or undefined when it is usable: well-formed XML (every tag closed in order,
 * no stray `<`, nothing but whitespace around the root), one `<svg>` root drawn with `id`, and a non-empty
 * `<style>` element, which merging the light and dark drawings appends to. Entity names and duplicate attributes
 * are not checked: the cache only ever holds SVGO's output, and this runs on every cached diagram of a build.
 */
export function drawingProblem(svg: string, id: string): string | undefined {
  const trimmed = svg.trimStart();
  if (trimmed === '') return 'empty';
  if (!trimmed.startsWith('<svg')) return `not an SVG drawing: it starts with ${JSON.stringify(trimmed.slice(0, 16))}`;
  const open: string[] = [];
  let roots = 0;
  let styled = false;
  let last = 0;
  for (const match of svg.matchAll(TOKEN)) {
    const text = svg.slice(last, match.index);
    if (open.length === 0 && text.trim() !== '') return 'text after the <svg> element';
    if (open.at(-1) === 'style' && text.trim() !== '') styled = true;
    last = match.index + match[0].length;
    const [token, closing, name, attributes = '', empty] = match;
    if (token.startsWith('<!')) continue;
    if (closing !== undefined) {
      if (open.pop() !== closing) return `not well-formed: </${closing}> closes no open <${closing}>`;
      continue;
    }
    if (name === undefined) {
      if (!svg.includes('>', match.index)) return 'cut short inside a tag';
      return `not well-formed: a "<" that opens no tag at character ${match.index}`;
    }
    if (open.length === 0 && ++roots > 1) return 'more than one root element';
    if (open.length === 0 && !attributes.includes(` id="${id}"`)) return `the <svg> element's id is not "${id}"`;
    if (empty !== '/') open.push(name);
  }
  if (open.length > 0) return `cut short: <${open.at(-1)}> is never closed`;
  if (svg.slice(last).trim() !== '') return 'text after the <svg> element';
  if (!styled) return 'no <style> element with the styles the dark theme is merged into';
  return undefined;
}
