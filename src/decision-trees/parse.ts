import { LineCounter, parseDocument } from 'yaml';
import { decisionTreeSchema, type DecisionTree } from './schema.ts';
import { validateTree } from './validate.ts';

/** A tree file read: the tree, or every problem in it as `file:line: where: what to write instead`. */
export type ParsedTree = { tree: DecisionTree } | { problems: string[] };

/**
 * Parses and validates one decision-tree file. `shown` is the path printed in messages (relative to the project,
 * e.g. content/decision-trees/which-flow-today.yaml). Every problem names the line of the field it is about and
 * the node it is in, so an author can go straight to it.
 */
export function parseTreeFile(text: string, shown: string): ParsedTree {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return {
      problems: [`${shown}:${error.linePos?.[0].line ?? 1}: YAML syntax error: ${error.message.split('\n')[0]}`],
    };
  }
  const data: unknown = doc.toJS();
  const at = (path: readonly PropertyKey[], message: string) => {
    const keys = path.filter((p): p is string | number => typeof p !== 'symbol');
    const node = (doc.getIn(keys, true) ?? doc.getIn(keys.slice(0, -1), true)) as
      { range?: [number, number, number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : 1;
    return `${shown}:${line}: ${describe(data, keys)}: ${message}`;
  };
  const parsed = decisionTreeSchema.safeParse(data);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => at(issue.path, issue.message)) };
  const problems = validateTree(parsed.data).map((problem) => at(problem.path, problem.message));
  return problems.length > 0 ? { problems } : { tree: parsed.data };
}

// "nodes[3].answers[0].next (node "spa")": the field's path, and the id of the node it sits in when it has one.
function describe(data: unknown, path: readonly (string | number)[]): string {
  const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
  const node =
    path[0] === 'nodes' && typeof path[1] === 'number'
      ? (data as { nodes?: { id?: unknown }[] }).nodes?.[path[1]]?.id
      : undefined;
  return `${field || '(root)'}${typeof node === 'string' ? ` (node "${node}")` : ''}`;
}
