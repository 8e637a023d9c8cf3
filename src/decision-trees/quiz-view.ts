import { mermaidEdgeId, mermaidNodeId } from './flowchart.ts';
import { isOutcome, isQuestion } from './nodes.ts';
import type { DecisionTree, OutcomeNode, TreeNode } from './schema.ts';
import { currentNode, pathOf, type QuizState } from './walk.ts';

/**
 * What the grant quiz shows for a state, derived from the tree: the step indicator, the answers taken,
 * the flowchart elements to highlight and the URL that shares the state. Pure, so the island only renders.
 */

/** Where the reader is: question `number` of at most `upTo` on the longest route still open. */
export interface QuizStep {
  readonly number: number;
  readonly upTo: number;
}

/** Questions left on the longest route from a node, counting the node itself when it is a question. */
function questionsFrom(byId: ReadonlyMap<string, TreeNode>, id: string, seen: ReadonlySet<string>): number {
  const node = byId.get(id);
  if (!node || !isQuestion(node) || seen.has(id)) return 0;
  const inside = new Set(seen).add(id);
  return 1 + Math.max(0, ...node.answers.map((a) => questionsFrom(byId, a.next, inside)));
}

/** The step indicator for a state, or undefined once an outcome is reached. */
export function stepOf(tree: DecisionTree, state: QuizState): QuizStep | undefined {
  const node = currentNode(tree, state);
  if (!isQuestion(node)) return undefined;
  const byId = new Map(tree.nodes.map((n) => [n.id, n] as const));
  const answered = pathOf(tree, state).edges.length;
  return { number: answered + 1, upTo: answered + questionsFrom(byId, node.id, new Set()) };
}

/** One answer the reader gave: the question text and the label chosen. */
export interface TakenAnswer {
  readonly question: string;
  readonly answer: string;
}

/** The questions answered so far, in order, with the label chosen for each. */
export function answersTaken(tree: DecisionTree, state: QuizState): TakenAnswer[] {
  const byId = new Map(tree.nodes.map((n) => [n.id, n] as const));
  return pathOf(tree, state).edges.map((edge) => {
    const from = byId.get(edge.from);
    return { question: from && isQuestion(from) ? from.question : edge.from, answer: edge.label };
  });
}

/** The outcome reached, or undefined while questions remain. */
export function outcomeOf(tree: DecisionTree, state: QuizState): OutcomeNode | undefined {
  const node = currentNode(tree, state);
  return isOutcome(node) ? node : undefined;
}

/** Mermaid ids of the flowchart elements on the walked path; `current` is the node being asked or reached. */
export interface FlowchartHighlight {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly current: string | undefined;
}

/**
 * The Mermaid node and edge ids to highlight for a state: the nodes walked (start first) and the edges
 * between them. Nothing is highlighted before the first answer, so Start over clears the flowchart.
 */
export function flowchartHighlight(tree: DecisionTree, state: QuizState): FlowchartHighlight {
  const { nodeIds, edges } = pathOf(tree, state);
  if (edges.length === 0) return { nodes: [], edges: [], current: undefined };
  return {
    nodes: nodeIds.map(mermaidNodeId),
    edges: edges.map((e) => mermaidEdgeId(e.from, e.to)),
    current: mermaidNodeId(nodeIds[nodeIds.length - 1]!),
  };
}

/** The sentence the polite live region announces when the quiz reaches an outcome. */
export function resultAnnouncement(outcome: OutcomeNode): string {
  const note = outcome.guidance ? ' It comes with a current-guidance note: read it before you use this grant.' : '';
  return `Result: ${outcome.outcome}.${note}`;
}
