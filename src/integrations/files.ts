import { readdirSync } from 'node:fs';

/** Paths (relative, with "/") of the files under a folder whose names end with the suffix. */
export function filesUnder(root: string, suffix: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.split('\\').join('/'));
}
