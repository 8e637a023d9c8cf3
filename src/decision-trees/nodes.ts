import type { DecisionTree, OutcomeNode, QuestionNode, TreeNode } from './schema.ts';

/** Node helpers shared by validation, walking and drawing a decision tree. */

/** True when the node is a question. */
export function isQuestion(node: TreeNode): node is QuestionNode {
  return 'question' in node;
}

/** True when the node is an outcome. */
export function isOutcome(node: TreeNode): node is OutcomeNode {
  return 'outcome' in node;
}

/** Nodes by id with their position in the file; the first occurrence wins, so a duplicate id (reported separately) cannot redirect references. */
export function indexNodes(tree: DecisionTree): Map<string, { node: TreeNode; index: number }> {
  const byId = new Map<string, { node: TreeNode; index: number }>();
  tree.nodes.forEach((node, index) => {
    if (!byId.has(node.id)) byId.set(node.id, { node, index });
  });
  return byId;
}

/** The outcome nodes in file order (for the no-JS fallback list). */
export function outcomes(tree: DecisionTree): OutcomeNode[] {
  return tree.nodes.filter(isOutcome);
}
