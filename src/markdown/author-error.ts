import { relative } from 'node:path';
import type { VFile } from 'vfile';

/** Where in an author's file something is: `content/guide.mdx:12`, relative to the project (no line when unknown). */
export function sourceLocation(file: Pick<VFile, 'path' | 'cwd'>, line?: number): string {
  const path = file.path ? relative(file.cwd || process.cwd(), file.path) : 'unknown file';
  return line ? `${path}:${line}` : path;
}

/**
 * A mistake in content, for the author to fix: its message says where and what to write instead, and it carries
 * no stack trace, which would only bury that sentence among the build's own frames.
 */
export class AuthorError extends Error {
  /** The line in the author's file, when known: Astro's MDX step prints it as the error's location (not :0:0). */
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.stack = message;
    this.line = line;
    this.column = line === undefined ? undefined : 1;
  }
}

// On the prototype, not the instance: Node then prints the error as its message alone, with no `{ name: … }`.
AuthorError.prototype.name = 'AuthorError';
