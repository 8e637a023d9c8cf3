/**
 * Finding the ```http blocks of a page, with their fence meta words and line numbers, from Markdown source or
 * from an mdast tree.
 */
import type { Code, Root } from 'mdast';

/** One ```http block: the file line of its first content line, its meta words and its text. */
export interface HttpBlock {
  /** 1-based line in the file of the block's first line of content. */
  line: number;
  /** Words after `http` on the fence line. */
  meta: string[];
  text: string;
}

/** The ```http blocks of Markdown/MDX source, found by CommonMark fence rules (``` or ~~~, closed by a longer-or-equal run). */
export function findHttpBlocks(source: string): HttpBlock[] {
  const lines = source.split(/\r?\n/);
  const blocks: HttpBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', meta = ''] = open;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end] ?? '')) end++;
    if (lang === 'http') {
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
      blocks.push({ line: i + 2, meta: meta.split(/\s+/).filter(Boolean), text: body.join('\n') });
    }
    i = end;
  }
  return blocks;
}

/** The ```http blocks of an mdast tree in document order (what the remark plugin sees). */
export function httpBlocksFromTree(tree: Root): HttpBlock[] {
  const blocks: HttpBlock[] = [];
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'code') {
      const code = node as Code;
      if (code.lang === 'http') {
        blocks.push({
          line: (code.position?.start.line ?? 0) + 1,
          meta: (code.meta ?? '').split(/\s+/).filter(Boolean),
          text: code.value,
        });
      }
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return blocks;
}
