import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files under a folder whose name ends with one of the extensions, as paths relative to it. */
export function filesIn(dir: string, extensions: readonly string[]): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
    extensions.some((e) => f.endsWith(e)),
  );
}

/** JavaScript files of a build that contain Mermaid's library code. */
export function mermaidScripts(dir: string): string[] {
  return filesIn(dir, ['.js', '.mjs']).filter((f) => readFileSync(join(dir, f), 'utf8').includes('mermaidAPI'));
}
