import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../../src/integrations/files.ts';

/** JavaScript files of a build that contain Mermaid's library code. */
export function mermaidScripts(dir: string): string[] {
  return filesUnder(dir, '.js').filter((f) => readFileSync(join(dir, f), 'utf8').includes('mermaidAPI'));
}
