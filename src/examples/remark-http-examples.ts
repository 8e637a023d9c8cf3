/**
 * Build step: a remark plugin that runs each page's ```http blocks through the OAuth model and fails the build
 * with `file:line`, the rule and what to write instead, when an example is one a correct server would not produce.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { httpBlocksFromTree } from './blocks.ts';
import { checkExchange } from './check.ts';
import { AuthorError, sourceLocation } from '../markdown/author-error.ts';

/** Options: `cwd` makes file names relative (defaults to the file's own cwd); `maxProblems` caps the message. */
export interface RemarkHttpExamplesOptions {
  cwd?: string;
  maxProblems?: number;
}

/** Throws an Error listing the first problems of a page's HTTP examples, each as `content/<file>.mdx:<line>: …`. */
export function remarkHttpExamples(options: RemarkHttpExamplesOptions = {}) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const blocks = httpBlocksFromTree(tree);
    if (blocks.length === 0) return;
    const name = file.path ? sourceLocation({ path: file.path, cwd: options.cwd ?? file.cwd }) : '<unnamed>.mdx';
    const problems = await checkExchange(blocks, name);
    if (problems.length === 0) return;
    const max = options.maxProblems ?? 5;
    const more = problems.length > max ? `\n(${problems.length - max} more in this file)` : '';
    throw new AuthorError(
      `${problems
        .slice(0, max)
        .map((p) => p.message)
        .join('\n')}${more}`,
      problems[0]!.line,
    );
  };
}
