import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTreeFile } from '../../src/decision-trees/parse.ts';
import type { DecisionTree } from '../../src/decision-trees/schema.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Reads content/decision-trees/<id>.yaml with the collection loader's own parser; throws its problems. */
export function loadTree(id: string): DecisionTree {
  const shown = `content/decision-trees/${id}.yaml`;
  const parsed = parseTreeFile(readFileSync(resolve(ROOT, shown), 'utf8'), shown);
  if ('problems' in parsed) throw new Error(parsed.problems.join('\n'));
  return parsed.tree;
}
