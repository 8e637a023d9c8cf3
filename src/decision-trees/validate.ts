import { indexNodes, isQuestion } from './nodes.ts';
import type { DecisionTree, TreeNode } from './schema.ts';
import { answerSlug } from './url-state.ts';

/** A problem found by validateTree: the node it concerns, the zod path to the field, and an author-facing message. */
export interface TreeProblem {
  /** Id of the node the problem is about (for a bad `start`, the value of `start`). */
  readonly nodeId: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Checks references, cycles, reachability, ids and answers; returns one problem per mistake (empty when the tree is valid). */
export function validateTree(tree: DecisionTree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const byId = indexNodes(tree);
  const idList = [...byId.keys()].join(', ');

  if (!byId.has(tree.start)) {
    problems.push({
      nodeId: tree.start,
      path: ['start'],
      message: `start "${tree.start}" does not match any node id. Use one of: ${idList}.`,
    });
  }

  tree.nodes.forEach((node, index) => {
    const first = byId.get(node.id);
    if (first && first.index !== index) {
      problems.push({
        nodeId: node.id,
        path: ['nodes', index, 'id'],
        message: `Node id "${node.id}" is already used by nodes[${first.index}]. Give this node a different kebab-case id and point the answers that should reach it at the new id.`,
      });
    }
    if (!isQuestion(node)) return;

    if (node.answers.length < 2) {
      problems.push({
        nodeId: node.id,
        path: ['nodes', index, 'answers'],
        message: `Node "${node.id}" is a question with ${plural(node.answers.length, 'answer')}. Give it at least two answers, or turn it into an outcome (outcome, why, href).`,
      });
    }

    const labelBySlug = new Map<string, string>();
    const labelByNext = new Map<string, string>();
    node.answers.forEach((answer, answerIndex) => {
      const at = ['nodes', index, 'answers', answerIndex] as const;
      const where = `Node "${node.id}", answer "${answer.label}"`;
      const slug = answerSlug(answer.label);
      const sameSlug = labelBySlug.get(slug);
      if (slug === '') {
        problems.push({
          nodeId: node.id,
          path: [...at, 'label'],
          message: `${where}: the label has no letters or digits, so the quiz cannot put it in the URL. Add a word, e.g. "Yes" or "Native app".`,
        });
      } else if (sameSlug === answer.label) {
        problems.push({
          nodeId: node.id,
          path: [...at, 'label'],
          message: `${where}: another answer of this question has the same label. Give each answer a different label.`,
        });
      } else if (sameSlug !== undefined) {
        problems.push({
          nodeId: node.id,
          path: [...at, 'label'],
          message: `${where}: the label reads the same in the URL ("${slug}") as answer "${sameSlug}". Change its letters or digits so each answer has a different label.`,
        });
      } else {
        labelBySlug.set(slug, answer.label);
      }

      if (!byId.has(answer.next)) {
        problems.push({
          nodeId: node.id,
          path: [...at, 'next'],
          message: `${where}: next "${answer.next}" does not match any node id. Use one of: ${idList}.`,
        });
        return;
      }
      const sameNext = labelByNext.get(answer.next);
      if (sameNext !== undefined) {
        problems.push({
          nodeId: node.id,
          path: [...at, 'next'],
          message: `${where}: next "${answer.next}" is also where answer "${sameNext}" leads. Merge the two answers into one, or point this one at a different node.`,
        });
      } else {
        labelByNext.set(answer.next, answer.label);
      }
    });
  });

  problems.push(...findCycles(tree, byId));

  if (byId.has(tree.start)) {
    const reachable = reachableIds(tree, byId);
    tree.nodes.forEach((node, index) => {
      const isFirst = byId.get(node.id)?.index === index;
      if (isFirst && !reachable.has(node.id)) {
        problems.push({
          nodeId: node.id,
          path: ['nodes', index],
          message: `Node "${node.id}" cannot be reached from start "${tree.start}". Point an answer's next at "${node.id}", or delete the node.`,
        });
      }
    });
  }

  return problems;
}

function reachableIds(tree: DecisionTree, byId: Map<string, { node: TreeNode; index: number }>): Set<string> {
  const seen = new Set<string>([tree.start]);
  const queue = [tree.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = byId.get(id)?.node;
    if (!node || !isQuestion(node)) continue;
    for (const { next } of node.answers) {
      if (byId.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

// Depth-first search from start, then from every other node in file order, so loops in
// unreachable parts are reported too; each loop is reported once, at the answer that closes it.
function findCycles(tree: DecisionTree, byId: Map<string, { node: TreeNode; index: number }>): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const done = new Set<string>();
  const stack: string[] = [];

  const visit = (id: string): void => {
    const entry = byId.get(id);
    if (!entry || done.has(id)) return;
    stack.push(id);
    const { node, index } = entry;
    if (isQuestion(node)) {
      node.answers.forEach((answer, answerIndex) => {
        const loopStart = stack.indexOf(answer.next);
        if (loopStart !== -1) {
          const loop = [...stack.slice(loopStart), answer.next].join(' -> ');
          problems.push({
            nodeId: node.id,
            path: ['nodes', index, 'answers', answerIndex, 'next'],
            message: `Node "${node.id}", answer "${answer.label}": next "${answer.next}" closes a loop (${loop}), so the quiz could never finish. Point this answer at a node that does not lead back to "${answer.next}", such as an outcome.`,
          });
        } else {
          visit(answer.next);
        }
      });
    }
    stack.pop();
    done.add(id);
  };

  visit(tree.start);
  for (const id of byId.keys()) visit(id);
  return problems;
}
