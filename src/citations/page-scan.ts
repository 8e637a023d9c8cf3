import type { Definition, Nodes, Parents, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { splitFrontmatter } from '../lib/frontmatter.ts';

/** A link found in content, with the sentence around it. */
export interface LinkUse {
  /** Repository-relative path of the file. */
  readonly file: string;
  /** 1-based line of the link. */
  readonly line: number;
  /** The URL as written. */
  readonly href: string;
  /** The sentence that contains the link, as plain text; the keywords it states are checked against the registry. */
  readonly sentence: string;
  /** Links in the same sentence share this key, so a sentence citing two sections is judged against both. */
  readonly sentenceKey: string;
}

// Blocks whose text is split into sentences: a paragraph (also inside list items and callouts), a heading, a cell.
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|cf|Sec|Fig|approx)\.$/;

/** Splits plain text into sentences, returning each sentence's start offset; "e.g." and "2.1.2" do not end one. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const boundary = /[.!?]["')\]]*\s+(?=["'(`*[]?[A-Z0-9])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (ABBREVIATION.test(text.slice(0, match.index + 1))) continue;
    starts.push(match.index + match[0].length);
  }
  return starts;
}

interface Flattened {
  text: string;
  links: { href: string; line: number; start: number; end: number }[];
}

function flatten(node: Nodes, definitions: Map<string, string>, out: Flattened): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    out.text += node.value;
    return;
  }
  if (node.type === 'break') {
    out.text += ' ';
    return;
  }
  const start = out.text.length;
  if ('children' in node) for (const child of node.children) flatten(child as Nodes, definitions, out);
  const line = node.position?.start.line ?? 1;
  if (node.type === 'link') out.links.push({ href: node.url, line, start, end: out.text.length });
  if (node.type === 'linkReference') {
    const href = definitions.get(node.identifier.toLowerCase());
    if (href) out.links.push({ href, line, start, end: out.text.length });
  }
  if (node.type === 'mdxJsxTextElement' && node.name === 'a') {
    const href = node.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'href')?.value;
    if (typeof href === 'string') out.links.push({ href, line, start, end: out.text.length });
  }
}

function linksOfBlock(block: Parents, file: string, definitions: Map<string, string>): LinkUse[] {
  const flat: Flattened = { text: '', links: [] };
  for (const child of block.children) flatten(child as Nodes, definitions, flat);
  const starts = sentenceStarts(flat.text);
  const blockLine = block.position?.start.line ?? 1;
  return flat.links.map((link) => {
    // The sentence the link starts in; a link never spans two sentences in practice.
    const index = starts.findLastIndex((start) => start <= link.start);
    const end = starts[index + 1] ?? flat.text.length;
    return {
      file,
      line: link.line,
      href: link.href,
      sentence: flat.text.slice(starts[index], end).replace(/\s+/g, ' ').trim(),
      sentenceKey: `${file}:${blockLine}:${index}`,
    };
  });
}

/** Every link in an MDX page, each with the sentence it sits in. */
export function scanMdx(source: string, file: string): LinkUse[] {
  const tree = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkDirective)
    .parse(splitFrontmatter(source).body) as Root;
  const definitions = new Map<string, string>();
  const collectDefinitions = (node: Nodes) => {
    if (node.type === 'definition') definitions.set((node as Definition).identifier.toLowerCase(), node.url);
    if ('children' in node) node.children.forEach((child) => collectDefinitions(child as Nodes));
  };
  collectDefinitions(tree);
  const uses: LinkUse[] = [];
  const walk = (node: Nodes) => {
    if (BLOCKS.has(node.type)) {
      uses.push(...linksOfBlock(node as Parents, file, definitions));
      return;
    }
    if ('children' in node) node.children.forEach((child) => walk(child as Nodes));
  };
  walk(tree);
  return uses;
}

/**
 * The `guidance.source.href` of every outcome in a decision-tree YAML file. The link backs each sentence of the
 * guidance `text` that does not name another RFC ("RFC 10017 goes further: ..." is about RFC 10017, not the source).
 */
export function scanDecisionTree(source: string, file: string): LinkUse[] {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const nodes = doc.get('nodes', true);
  if (!isSeq(nodes)) return [];
  const uses: LinkUse[] = [];
  for (const node of nodes.items) {
    if (!isMap(node)) continue;
    const guidance = node.get('guidance', true);
    if (!isMap(guidance)) continue;
    const text = guidance.get('text');
    const source = guidance.get('source', true);
    const hrefNode = isMap(source) ? source.get('href', true) : undefined;
    if (!isScalar(hrefNode) || typeof hrefNode.value !== 'string') continue;
    const href = hrefNode.value;
    const line = counter.linePos((hrefNode as YamlNode).range?.[0] ?? 0).line;
    const cited = /rfc(\d+)/.exec(href)?.[1];
    const plain = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
    const starts = sentenceStarts(plain);
    const sentences = starts
      .map((start, i) => plain.slice(start, starts[i + 1] ?? plain.length).trim())
      .filter((sentence) => [...sentence.matchAll(/\bRFC ?(\d+)/g)].every((m) => m[1] === cited));
    uses.push({ file, line, href, sentence: sentences.join(' '), sentenceKey: `${file}:${line}` });
  }
  return uses;
}
