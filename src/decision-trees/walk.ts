import { indexNodes, isOutcome } from './nodes.ts';
import type { Answer, DecisionTree, OutcomeNode, QuestionNode, TreeNode } from './schema.ts';
import { isQuestion } from './nodes.ts';

/** Quiz progress: the index of each answer taken so far, in order; everything else is derived from the tree. */
export type QuizState = readonly number[];

/** One step walked through the tree: from a question, via an answer, to the next node. */
export interface PathEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** The nodes and edges walked for a state (start first), for highlighting the flowchart. */
export interface WalkedPath {
  readonly nodeIds: readonly string[];
  readonly edges: readonly PathEdge[];
}

interface Walk {
  readonly node: TreeNode;
  readonly state: QuizState;
  readonly nodeIds: string[];
  readonly edges: PathEdge[];
}

// Reads only the valid prefix of the state, so a stale or hand-edited state still shows a sensible
// question instead of throwing.
function walk(tree: DecisionTree, state: QuizState): Walk {
  const byId = indexNodes(tree);
  const first = byId.get(tree.start)?.node;
  if (!first) {
    throw new Error(
      `Decision tree "${tree.title}" has no start node "${tree.start}": parse it with decisionTreeSchema first.`,
    );
  }
  let node: TreeNode = first;
  const taken: number[] = [];
  const nodeIds = [node.id];
  const edges: PathEdge[] = [];
  for (const answerIndex of state) {
    if (!isQuestion(node)) break;
    const chosen: Answer | undefined = node.answers[answerIndex];
    const next: TreeNode | undefined = chosen ? byId.get(chosen.next)?.node : undefined;
    if (!chosen || !next) break;
    edges.push({ from: node.id, to: next.id, label: chosen.label });
    nodeIds.push(next.id);
    taken.push(answerIndex);
    node = next;
  }
  return { node, state: taken, nodeIds, edges };
}

/** The question being asked, or the outcome once the quiz is finished. */
export function currentNode(tree: DecisionTree, state: QuizState): QuestionNode | OutcomeNode {
  return walk(tree, state).node;
}

/** Takes an answer of the current question by index or exact label; returns the state unchanged if there is no such answer or the quiz is finished. */
export function answer(tree: DecisionTree, state: QuizState, answerIndexOrLabel: number | string): QuizState {
  const { node, state: valid } = walk(tree, state);
  if (!isQuestion(node)) return state;
  const index =
    typeof answerIndexOrLabel === 'number'
      ? answerIndexOrLabel
      : node.answers.findIndex((a) => a.label === answerIndexOrLabel);
  if (!Number.isInteger(index) || node.answers[index] === undefined) return state;
  return [...valid, index];
}

/** Undoes the last answer; at the first question it returns the start state. */
export function back(tree: DecisionTree, state: QuizState): QuizState {
  return walk(tree, state).state.slice(0, -1);
}

/** The node ids and edges walked from start for this state. */
export function pathOf(tree: DecisionTree, state: QuizState): WalkedPath {
  const { nodeIds, edges } = walk(tree, state);
  return { nodeIds, edges };
}

/** The outcome nodes in file order (for the no-JS fallback list). */
/** One complete route through the tree: the labels answered, the matching state, and the outcome reached. */
export interface TreePath {
  readonly labels: readonly string[];
  readonly state: QuizState;
  readonly outcome: OutcomeNode;
}

/** Every route from start to an outcome, depth-first in answer order. */
export function allPaths(tree: DecisionTree): TreePath[] {
  const byId = indexNodes(tree);
  const found: TreePath[] = [];
  const visit = (id: string, labels: string[], state: number[], seen: Set<string>): void => {
    const node = byId.get(id)?.node;
    if (!node || seen.has(id)) return;
    if (isOutcome(node)) {
      found.push({ labels, state, outcome: node });
      return;
    }
    node.answers.forEach((a, i) => {
      visit(a.next, [...labels, a.label], [...state, i], new Set(seen).add(id));
    });
  };
  visit(tree.start, [], [], new Set());
  return found;
}
