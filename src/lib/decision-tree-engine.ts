import type { Answer, DecisionTree, OutcomeNode, QuestionNode, TreeNode } from './decision-tree.ts';

/**
 * The decision-tree engine: validation, quiz state, URL state and Mermaid source. It imports only types from
 * decision-tree.ts (the zod schema), so code shipped to the browser, like the grant quiz island, can use it
 * without bundling zod. Import it through decision-tree.ts, which re-exports all of it, except in client code.
 */

/** A problem found by validateTree: the node it concerns, the zod path to the field, and an author-facing message. */
export interface TreeProblem {
  /** Id of the node the problem is about (for a bad `start`, the value of `start`). */
  readonly nodeId: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** True when the node is a question. */
export function isQuestion(node: TreeNode): node is QuestionNode {
  return 'question' in node;
}

/** True when the node is an outcome. */
export function isOutcome(node: TreeNode): node is OutcomeNode {
  return 'outcome' in node;
}

/** The URL slug of an answer label: lowercase ASCII letters and digits joined by hyphens ("Native app" -> "native-app"). */
export function answerSlug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// First occurrence wins, so a duplicate id (reported separately) cannot redirect references.
function indexNodes(tree: DecisionTree): Map<string, { node: TreeNode; index: number }> {
  const byId = new Map<string, { node: TreeNode; index: number }>();
  tree.nodes.forEach((node, index) => {
    if (!byId.has(node.id)) byId.set(node.id, { node, index });
  });
  return byId;
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
      `Decision tree "${tree.title}": start "${tree.start}" does not match any node id; parse the tree with decisionTreeSchema first.`,
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

/** The state of a quiz that has not been answered yet. */
export function startQuiz(_tree: DecisionTree): QuizState {
  return [];
}

/** Alias of startQuiz, for the "Start over" button. */
export function restart(tree: DecisionTree): QuizState {
  return startQuiz(tree);
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
export function outcomes(tree: DecisionTree): OutcomeNode[] {
  return tree.nodes.filter(isOutcome);
}

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

// Longer than any real route needs; anything beyond it is tampering, not a path.
const MAX_ENCODED_LENGTH = 256;
const ENCODED_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** The state as a URL-safe value: answer slugs joined by dots, e.g. "no.no.no.native-app" ("" at the start). */
export function encodeAnswers(tree: DecisionTree, state: QuizState): string {
  const { edges } = walk(tree, state);
  return edges.map((edge) => answerSlug(edge.label)).join('.');
}

/** Parses a value made by encodeAnswers; anything unknown, out of order, malformed or too long yields the start state. Never throws. */
export function decodeAnswers(tree: DecisionTree, raw: string | null): QuizState {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_ENCODED_LENGTH || !ENCODED_PATTERN.test(raw)) {
    return [];
  }
  const slugs = raw.split('.');
  if (slugs.length > tree.nodes.length) return [];
  const byId = indexNodes(tree);
  let node = byId.get(tree.start)?.node;
  const state: number[] = [];
  for (const slug of slugs) {
    if (!node || !isQuestion(node)) return [];
    const index = node.answers.findIndex((a) => answerSlug(a.label) === slug);
    const chosen = node.answers[index];
    if (!chosen) return [];
    state.push(index);
    node = byId.get(chosen.next)?.node;
  }
  return node ? state : [];
}

/** The Mermaid node id drawn for a tree node id ("web-app-on-server" -> "n_web_app_on_server"). */
export function mermaidNodeId(id: string): string {
  return `n_${id.replace(/-/g, '_')}`;
}

/** The Mermaid edge id drawn for the answer leading from one node to another ("a-b", "c" -> "e_a_b__c"). */
export function mermaidEdgeId(fromId: string, toId: string): string {
  // Ids are kebab-case, so "__" never occurs inside a converted id and the split is unambiguous.
  return `e_${fromId.replace(/-/g, '_')}__${toId.replace(/-/g, '_')}`;
}

// Mermaid decodes "#name;" and "#123;" inside labels; these cover the characters that would end a
// quoted label, start markdown or HTML, open a directive ("%%{") or an entity of their own.
const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '%': '#37;',
  '`': '#96;',
  '|': '#124;',
};

function mermaidLabel(value: string): string {
  const escaped = value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"&<>%`|]/g, (ch) => MERMAID_ENTITIES[ch] ?? ch);
  return `"${escaped}"`;
}

// accTitle/accDescr run to the end of the line and are not entity-decoded, so only flatten them
// and break "%%" so the text cannot be read as a directive or comment.
function mermaidLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/%%/g, '% %');
}

/** Mermaid flowchart source for the tree: accessible title and description, diamonds for questions, rounded boxes for outcomes, labelled edges with ids. */
export function toMermaid(tree: DecisionTree): string {
  const outcomeNodes = outcomes(tree);
  const names = [...new Set(outcomeNodes.map((node) => node.outcome))];
  const lines = [
    'flowchart TD',
    `  accTitle: ${mermaidLine(tree.title)}`,
    `  accDescr: ${mermaidLine(`${tree.description} Possible outcomes: ${names.join(', ')}.`)}`,
  ];
  for (const node of tree.nodes) {
    lines.push(
      isQuestion(node)
        ? `  ${mermaidNodeId(node.id)}{${mermaidLabel(node.question)}}`
        : `  ${mermaidNodeId(node.id)}(${mermaidLabel(node.outcome)})`,
    );
  }
  for (const node of tree.nodes) {
    if (!isQuestion(node)) continue;
    for (const a of node.answers) {
      lines.push(
        `  ${mermaidNodeId(node.id)} ${mermaidEdgeId(node.id, a.next)}@-->|${mermaidLabel(a.label)}| ${mermaidNodeId(a.next)}`,
      );
    }
  }
  // No classDef: Mermaid writes class styles inline with !important, which would stop the quiz's path
  // highlight (CSS) from thickening outcome nodes. Outcomes are told apart by their rounded shape.
  return `${lines.join('\n')}\n`;
}
