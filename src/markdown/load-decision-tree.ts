import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { decisionTreeSchema, type DecisionTree } from '../lib/decision-tree.ts';

/** Folder the decision trees live in, one YAML file per tree named by its id. */
export const TREES_DIR = join(process.cwd(), 'content', 'decision-trees');

/**
 * Reads and validates content/decision-trees/<id>.yaml. Every problem is reported as `file:line: field: message`
 * so an author can go straight to the node that needs fixing.
 */
export function loadDecisionTree(id: string, treesDir = TREES_DIR): DecisionTree {
  const file = join(treesDir, `${id}.yaml`);
  const shown = relative(process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${shown}: no such decision tree. Create it, or use the id of a file in ${relative(process.cwd(), treesDir)}/.`,
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new Error(`${shown}:${error.linePos?.[0].line ?? 1}: YAML syntax error: ${error.message.split('\n')[0]}`);
  }
  const parsed = decisionTreeSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const node = (doc.getIn(path, true) ?? doc.getIn(path.slice(0, -1), true)) as
      { range?: [number, number, number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : 1;
    return `${shown}:${line}: ${formatPath(path)}: ${issue.message}`;
  });
  throw new Error(`Decision tree "${id}" is not valid:\n${problems.join('\n')}`);
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('') || '(root)';
}
