import DOMPurify from 'dompurify';
import { describe, expect, test } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { mermaidEdgeId, mermaidNodeId, toMermaid } from '../../src/decision-trees/flowchart.ts';
import { isOutcome, isQuestion, outcomes } from '../../src/decision-trees/nodes.ts';
import { parseTreeFile } from '../../src/decision-trees/parse.ts';
import {
  decisionTreeSchema,
  type DecisionTree,
  type OutcomeNode,
  type QuestionNode,
} from '../../src/decision-trees/schema.ts';
import { answerSlug, decodeAnswers, encodeAnswers } from '../../src/decision-trees/url-state.ts';
import { validateTree, type TreeProblem } from '../../src/decision-trees/validate.ts';
import { allPaths, answer, back, currentNode, pathOf, type QuizState } from '../../src/decision-trees/walk.ts';
import { loadTree } from '../support/trees.ts';

const trees = {
  'which-oauth-flow': loadTree('which-oauth-flow'),
  'which-flow-today': loadTree('which-flow-today'),
};
type TreeName = keyof typeof trees;

interface ExpectedPath {
  readonly tree: TreeName;
  readonly labels: readonly string[];
  readonly outcomeId: string;
  readonly outcome: string;
  readonly encoded: string;
}

const EXPECTED_PATHS: readonly ExpectedPath[] = [
  {
    tree: 'which-oauth-flow',
    labels: ['Yes'],
    outcomeId: 'client-credentials',
    outcome: 'Client Credentials Grant',
    encoded: 'yes',
  },
  {
    tree: 'which-oauth-flow',
    labels: ['No', 'Yes'],
    outcomeId: 'authorization-code',
    outcome: 'Authorization Code Grant',
    encoded: 'no.yes',
  },
  {
    tree: 'which-oauth-flow',
    labels: ['No', 'No', 'Yes'],
    outcomeId: 'password',
    outcome: 'Resource Owner Password Credentials Grant',
    encoded: 'no.no.yes',
  },
  {
    tree: 'which-oauth-flow',
    labels: ['No', 'No', 'No', 'Native app'],
    outcomeId: 'authorization-code-pkce',
    outcome: 'Authorization Code Grant with PKCE',
    encoded: 'no.no.no.native-app',
  },
  {
    tree: 'which-oauth-flow',
    labels: ['No', 'No', 'No', 'SPA'],
    outcomeId: 'implicit',
    outcome: 'Implicit Grant',
    encoded: 'no.no.no.spa',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'Yes', 'Yes'],
    outcomeId: 'device-authorization',
    outcome: 'Device Authorization Grant',
    encoded: 'yes.yes.yes',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'Yes', 'No', 'Server-side web app', 'Calls an API'],
    outcomeId: 'web-app-code-pkce',
    outcome: 'Authorization Code Grant with PKCE',
    encoded: 'yes.yes.no.server-side-web-app.calls-an-api',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'Yes', 'No', 'Server-side web app', 'Only signs users in'],
    outcomeId: 'sign-in-only',
    outcome: 'OpenID Connect sign-in (Authorization Code Grant with PKCE)',
    encoded: 'yes.yes.no.server-side-web-app.only-signs-users-in',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'Yes', 'No', 'Single-page app', 'Yes'],
    outcomeId: 'spa-bff',
    outcome: 'Authorization Code Grant with PKCE behind a backend-for-frontend',
    encoded: 'yes.yes.no.single-page-app.yes',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'Yes', 'No', 'Single-page app', 'No'],
    outcomeId: 'spa-code-pkce',
    outcome: 'Authorization Code Grant with PKCE',
    encoded: 'yes.yes.no.single-page-app.no',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'Yes', 'No', 'Native app'],
    outcomeId: 'native-app-code-pkce',
    outcome: 'Authorization Code Grant with PKCE',
    encoded: 'yes.yes.no.native-app',
  },
  {
    tree: 'which-flow-today',
    labels: ['Yes', 'No'],
    outcomeId: 'ciba',
    outcome: 'Client-Initiated Backchannel Authentication (CIBA)',
    encoded: 'yes.no',
  },
  {
    tree: 'which-flow-today',
    labels: ['No', 'Yes'],
    outcomeId: 'token-exchange',
    outcome: 'Token Exchange',
    encoded: 'no.yes',
  },
  {
    tree: 'which-flow-today',
    labels: ['No', 'No'],
    outcomeId: 'machine-to-machine',
    outcome: 'Client Credentials Grant',
    encoded: 'no.no',
  },
];

const PATH_CASES = EXPECTED_PATHS.map((path) => ({ ...path, route: path.labels.join(' → ') }));
const TREE_NAMES = Object.keys(trees) as TreeName[];

function answerAll(tree: DecisionTree, labels: readonly string[]): QuizState {
  return labels.reduce<QuizState>((state, label) => answer(tree, state, label), []);
}

function question(id: string, text: string, answers: readonly (readonly [string, string])[]): QuestionNode {
  return { id, question: text, answers: answers.map(([label, next]) => ({ label, next })) };
}

function outcome(id: string, name = `Outcome ${id}`): OutcomeNode {
  return { id, outcome: name, why: 'Because it fits.', href: `/${id}/` };
}

function smallTree(start: string, nodes: readonly (QuestionNode | OutcomeNode)[]): DecisionTree {
  return { title: 'Test tree', description: 'A tree for tests.', start, nodes: [...nodes] };
}

describe('the decision-tree files', () => {
  test.each(TREE_NAMES)('%s parses with the schema and has no validation problems', (name) => {
    expect(validateTree(trees[name])).toEqual([]);
  });

  test.each(TREE_NAMES)('%s has exactly the paths listed in this test file', (name) => {
    const actual = allPaths(trees[name]).map((p) => ({ labels: p.labels, outcomeId: p.outcome.id }));
    const expected = EXPECTED_PATHS.filter((p) => p.tree === name).map((p) => ({
      labels: p.labels,
      outcomeId: p.outcomeId,
    }));
    expect(actual).toEqual(expected);
  });

  test('which-flow-today asks at most five questions on every path', () => {
    const longest = Math.max(...allPaths(trees['which-flow-today']).map((p) => p.labels.length));
    expect(longest).toBeLessThanOrEqual(5);
  });

  test('which-flow-today offers neither the implicit nor the password grant', () => {
    const names = outcomes(trees['which-flow-today']).map((node) => node.outcome);
    expect(names.some((name) => /implicit|password/i.test(name))).toBe(false);
  });

  test('the implicit and password outcomes of which-oauth-flow carry guidance from RFC 9700', () => {
    const byId = new Map(outcomes(trees['which-oauth-flow']).map((node) => [node.id, node]));
    expect(byId.get('implicit')?.guidance?.source.href).toBe('https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2');
    expect(byId.get('password')?.guidance?.source.href).toBe('https://www.rfc-editor.org/rfc/rfc9700#section-2.4');
  });

  test('outcomes are listed in file order', () => {
    expect(outcomes(trees['which-oauth-flow']).map((node) => node.id)).toEqual([
      'client-credentials',
      'authorization-code',
      'password',
      'authorization-code-pkce',
      'implicit',
    ]);
  });
});

describe('the quiz', () => {
  test.each(TREE_NAMES)('%s starts at its start question with no answers taken', (name) => {
    const tree = trees[name];
    const state: QuizState = [];
    expect(currentNode(tree, state).id).toBe(tree.start);
    expect(pathOf(tree, state)).toEqual({ nodeIds: [tree.start], edges: [] });
  });

  test.each(PATH_CASES)(
    '$tree: answering $route reaches $outcome',
    ({ tree: name, labels, outcomeId, outcome: name2 }) => {
      const tree = trees[name];
      const node = currentNode(tree, answerAll(tree, labels));
      expect(isOutcome(node)).toBe(true);
      expect(node.id).toBe(outcomeId);
      expect(isOutcome(node) && node.outcome).toBe(name2);
    },
  );

  test.each(PATH_CASES)('$tree: answering $route by index matches answering by label', ({ tree: name, labels }) => {
    const tree = trees[name];
    let byIndex: QuizState = [];
    for (const label of labels) {
      const node = currentNode(tree, byIndex);
      if (!isQuestion(node)) throw new Error('expected a question');
      byIndex = answer(
        tree,
        byIndex,
        node.answers.findIndex((a) => a.label === label),
      );
    }
    expect(byIndex).toEqual(answerAll(tree, labels));
  });

  test.each(PATH_CASES)(
    '$tree: the walked path of $route starts at start and ends at the outcome',
    ({ tree: name, labels, outcomeId }) => {
      const tree = trees[name];
      const { nodeIds, edges } = pathOf(tree, answerAll(tree, labels));
      expect(nodeIds[0]).toBe(tree.start);
      expect(nodeIds.at(-1)).toBe(outcomeId);
      expect(nodeIds).toHaveLength(labels.length + 1);
      expect(edges.map((edge) => edge.label)).toEqual(labels);
      edges.forEach((edge, i) => {
        expect(edge.from).toBe(nodeIds[i]);
        expect(edge.to).toBe(nodeIds[i + 1]);
      });
    },
  );

  test.each(PATH_CASES)(
    '$tree: back after $route steps through the same questions in reverse',
    ({ tree: name, labels }) => {
      const tree = trees[name];
      const full = answerAll(tree, labels);
      const visited = pathOf(tree, full).nodeIds;
      let state = full;
      for (let i = labels.length - 1; i >= 0; i--) {
        state = back(tree, state);
        expect(state).toEqual(full.slice(0, i));
        expect(currentNode(tree, state).id).toBe(visited[i]);
      }
      expect(back(tree, state)).toEqual([]);
    },
  );

  test('an unknown label, an index out of range or a fractional index leaves the state unchanged', () => {
    const tree = trees['which-oauth-flow'];
    const state = answerAll(tree, ['No']);
    expect(answer(tree, state, 'Maybe')).toBe(state);
    expect(answer(tree, state, 'yes')).toBe(state);
    expect(answer(tree, state, 2)).toBe(state);
    expect(answer(tree, state, -1)).toBe(state);
    expect(answer(tree, state, 0.5)).toBe(state);
  });

  test('answering after reaching an outcome leaves the state unchanged', () => {
    const tree = trees['which-oauth-flow'];
    const done = answerAll(tree, ['Yes']);
    expect(answer(tree, done, 'No')).toBe(done);
    expect(answer(tree, done, 0)).toBe(done);
  });

  test('a state with invalid answers is read up to the first invalid one', () => {
    const tree = trees['which-oauth-flow'];
    expect(currentNode(tree, [1, 7, 0]).id).toBe('web-app-on-server');
    expect(pathOf(tree, [1, 7, 0]).nodeIds).toEqual(['client-is-resource-owner', 'web-app-on-server']);
    expect(back(tree, [1, 7, 0])).toEqual([]);
    expect(answer(tree, [1, 7, 0], 'Yes')).toEqual([1, 0]);
  });
});

describe('answers in the URL', () => {
  test.each(PATH_CASES)(
    '$tree: $route is encoded as "$encoded" and decodes back',
    ({ tree: name, labels, encoded }) => {
      const tree = trees[name];
      const state = answerAll(tree, labels);
      expect(encodeAnswers(tree, state)).toBe(encoded);
      expect(decodeAnswers(tree, encoded)).toEqual(state);
    },
  );

  test.each(PATH_CASES)(
    '$tree: every partial answer list on the way to $route round-trips',
    ({ tree: name, labels }) => {
      const tree = trees[name];
      for (let i = 0; i <= labels.length; i++) {
        const state = answerAll(tree, labels.slice(0, i));
        expect(decodeAnswers(tree, encodeAnswers(tree, state))).toEqual(state);
      }
    },
  );

  test('the start state is encoded as an empty string', () => {
    expect(encodeAnswers(trees['which-oauth-flow'], [])).toBe('');
  });

  test('answer slugs are lowercase words joined by hyphens', () => {
    expect(answerSlug('Native app')).toBe('native-app');
    expect(answerSlug('  Server-side   web app! ')).toBe('server-side-web-app');
    expect(answerSlug('Café')).toBe('cafe');
    expect(answerSlug('?!')).toBe('');
  });

  const TAMPERED: readonly (readonly [string, string | null])[] = [
    ['a missing value', null],
    ['an empty value', ''],
    ['an unknown answer', 'maybe'],
    ['an answer in the wrong case', 'YES'],
    ['answers in the wrong order', 'native-app.no.no.no'],
    ['an answer after the outcome', 'yes.no'],
    ['an extra answer after a full path', 'no.no.no.spa.yes'],
    ['an answer slug from the other tree', 'no.no.no.single-page-app'],
    ['an empty segment', 'no..no'],
    ['a leading dot', '.no'],
    ['a trailing dot', 'no.'],
    ['surrounding spaces', ' no '],
    ['a percent-encoded dot', 'no%2Eno'],
    ['a comma separator', 'no,no'],
    ['answer indexes', '1.1.1.0'],
    ['an overlong value', `${'no.'.repeat(300)}no`],
    ['more answers than nodes', 'no.no.no.no.no.no.no.no.no.no'],
    ['a script tag', '<script>alert(1)</script>'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a prototype key', '__proto__'],
    ['a constructor key', 'constructor'],
  ];

  test.each(TAMPERED)('decoding %s returns the start state', (_what, raw) => {
    const tree = trees['which-oauth-flow'];
    expect(decodeAnswers(tree, raw)).toEqual([]);
  });

  test('decoded states hold only answer indexes, never text from the URL', () => {
    for (const { tree: name, encoded } of EXPECTED_PATHS) {
      const state = decodeAnswers(trees[name], encoded);
      expect(state.every((i) => Number.isInteger(i))).toBe(true);
    }
  });
});

const awkward = smallTree('ask', [
  question('ask', 'Is it "quoted" <b>bold</b> | 100% #1 & `code`?', [
    ['Yes "really"', 'yes-box'],
    ['No | never', 'no-box'],
  ]),
  outcome('yes-box', 'A (round) [square] {curly} grant'),
  outcome('no-box', 'end'),
]);

describe('the Mermaid flowchart', () => {
  test.each(TREE_NAMES)('%s starts with flowchart TD and its accessible title and description', (name) => {
    const tree = trees[name];
    const lines = toMermaid(tree).split('\n');
    const names = [...new Set(outcomes(tree).map((node) => node.outcome))].join(', ');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines[1]).toBe(`  accTitle: ${tree.title}`);
    expect(lines[2]).toBe(`  accDescr: ${tree.description} Possible outcomes: ${names}.`);
  });

  test.each(TREE_NAMES)('%s draws every question as a diamond and every outcome as a rounded box', (name) => {
    const tree = trees[name];
    const source = toMermaid(tree);
    for (const node of tree.nodes) {
      expect(source).toContain(
        isQuestion(node)
          ? `  ${mermaidNodeId(node.id)}{"${node.question}"}\n`
          : `  ${mermaidNodeId(node.id)}("${node.outcome}")\n`,
      );
    }
  });

  test.each(TREE_NAMES)('%s draws every answer as an edge with its id and label', (name) => {
    const tree = trees[name];
    const source = toMermaid(tree);
    for (const node of tree.nodes.filter(isQuestion)) {
      for (const a of node.answers) {
        expect(source).toContain(
          `  ${mermaidNodeId(node.id)} ${mermaidEdgeId(node.id, a.next)}@-->|"${a.label}"| ${mermaidNodeId(a.next)}\n`,
        );
      }
    }
  });

  test('mermaid ids are derived from the tree ids', () => {
    expect(mermaidNodeId('client-is-resource-owner')).toBe('n_client_is_resource_owner');
    expect(mermaidEdgeId('native-app-or-spa', 'implicit')).toBe('e_native_app_or_spa__implicit');
  });

  test('outcomes are drawn as rounded boxes with no inline class styles, so highlighting CSS applies', () => {
    const tree = trees['which-flow-today'];
    const source = toMermaid(tree);
    for (const node of outcomes(tree)) expect(source).toContain(`  ${mermaidNodeId(node.id)}("`);
    expect(source).not.toContain('classDef');
  });

  test('changing the text of a question changes the flowchart', () => {
    const tree = trees['which-oauth-flow'];
    const edited: DecisionTree = {
      ...tree,
      nodes: tree.nodes.map((node) =>
        node.id === 'web-app-on-server' && isQuestion(node)
          ? { ...node, question: 'Does the Client run on a web server?' }
          : node,
      ),
    };
    const before = toMermaid(tree);
    const after = toMermaid(edited);
    expect(after).not.toBe(before);
    expect(after).toContain('{"Does the Client run on a web server?"}');
    expect(after).not.toContain('Is the Client a web app executing on the server?');
  });

  test('quotes and Mermaid-special characters in text are escaped', () => {
    const source = toMermaid(awkward);
    expect(source).toContain(
      '{"Is it #quot;quoted#quot; #lt;b#gt;bold#lt;/b#gt; #124; 100#37; #35;1 #amp; #96;code#96;?"}',
    );
    expect(source).toContain('|"Yes #quot;really#quot;"|');
    expect(source).toContain('|"No #124; never"|');
    expect(source).toContain('("A (round) [square] {curly} grant")');
    expect(source).not.toContain('<b>');
  });
});

interface FlowDbView {
  getVertices(): Map<string, { id: string; type?: string }>;
  getEdges(): { id: string; start: string; end: string; text: string; isUserDefinedId: boolean }[];
  getAccTitle(): string;
}

// Loading Mermaid in Node takes seconds on a loaded machine, more than the default 5 s per test.
describe('the flowchart source parses with Mermaid 12', { timeout: 60_000 }, () => {
  // Mermaid sanitizes labels with DOMPurify, which needs a DOM that this Node test run does not
  // have; parsing does not depend on sanitizing, so the shared module is stubbed to pass text through.
  Object.assign(DOMPurify, {
    addHook() {},
    removeHook() {},
    removeHooks() {},
    sanitize: (value: unknown) => String(value),
  });

  async function parseFlowchart(source: string): Promise<FlowDbView> {
    const { default: mermaid } = await import('mermaid');
    // parse() registers the diagram types and throws on a syntax error; it is the check itself.
    expect(await mermaid.parse(source)).toMatchObject({ diagramType: 'flowchart-v2' });
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    return diagram.db as unknown as FlowDbView;
  }

  test.each(TREE_NAMES)('%s yields one Mermaid node per tree node, with the ids from mermaidNodeId', async (name) => {
    const tree = trees[name];
    const db = await parseFlowchart(toMermaid(tree));
    expect([...db.getVertices().keys()].sort()).toEqual(tree.nodes.map((n) => mermaidNodeId(n.id)).sort());
    for (const node of tree.nodes) {
      expect(db.getVertices().get(mermaidNodeId(node.id))?.type).toBe(isQuestion(node) ? 'diamond' : 'round');
    }
    expect(db.getAccTitle()).toBe(tree.title);
  });

  test.each(TREE_NAMES)('%s yields one Mermaid edge per answer, with the ids from mermaidEdgeId', async (name) => {
    const tree = trees[name];
    const db = await parseFlowchart(toMermaid(tree));
    const expected = tree.nodes.filter(isQuestion).flatMap((node) =>
      node.answers.map((a) => ({
        id: mermaidEdgeId(node.id, a.next),
        start: mermaidNodeId(node.id),
        end: mermaidNodeId(a.next),
        text: a.label,
        isUserDefinedId: true,
      })),
    );
    expect(
      db.getEdges().map(({ id, start, end, text, isUserDefinedId }) => ({ id, start, end, text, isUserDefinedId })),
    ).toEqual(expected);
  });

  test('escaped special characters still parse', async () => {
    const db = await parseFlowchart(toMermaid(awkward));
    expect([...db.getVertices().keys()].sort()).toEqual(['n_ask', 'n_no_box', 'n_yes_box']);
    expect(db.getEdges()).toHaveLength(2);
  });
});

interface BrokenTreeCase {
  readonly problem: string;
  readonly tree: DecisionTree;
  readonly expected: readonly TreeProblem[];
}

const BROKEN_TREES: readonly BrokenTreeCase[] = [
  {
    problem: 'an answer whose next matches no node',
    tree: smallTree('web-app-on-server', [
      question('web-app-on-server', 'Web app?', [
        ['Yes', 'nope'],
        ['No', 'implicit'],
      ]),
      outcome('implicit'),
    ]),
    expected: [
      {
        nodeId: 'web-app-on-server',
        path: ['nodes', 0, 'answers', 0, 'next'],
        message:
          'Node "web-app-on-server", answer "Yes": next "nope" does not match any node id. Use one of: web-app-on-server, implicit.',
      },
    ],
  },
  {
    problem: 'a start that matches no node',
    tree: smallTree('begin', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
    ]),
    expected: [
      {
        nodeId: 'begin',
        path: ['start'],
        message: 'start "begin" does not match any node id. Use one of: a, x, y.',
      },
    ],
  },
  {
    problem: 'a loop between questions',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'b'],
        ['No', 'x'],
      ]),
      question('b', 'B?', [
        ['Yes', 'a'],
        ['No', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
    ]),
    expected: [
      {
        nodeId: 'b',
        path: ['nodes', 1, 'answers', 0, 'next'],
        message:
          'Node "b", answer "Yes": next "a" closes a loop (a -> b -> a), so the quiz could never finish. Point this answer at a node that does not lead back to "a", such as an outcome.',
      },
    ],
  },
  {
    problem: 'a question that leads to itself',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['Again', 'a'],
      ]),
      outcome('x'),
    ]),
    expected: [
      {
        nodeId: 'a',
        path: ['nodes', 0, 'answers', 1, 'next'],
        message:
          'Node "a", answer "Again": next "a" closes a loop (a -> a), so the quiz could never finish. Point this answer at a node that does not lead back to "a", such as an outcome.',
      },
    ],
  },
  {
    problem: 'a node that cannot be reached from start',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
      outcome('z'),
    ]),
    expected: [
      {
        nodeId: 'z',
        path: ['nodes', 3],
        message: 'Node "z" cannot be reached from start "a". Point an answer\'s next at "z", or delete the node.',
      },
    ],
  },
  {
    problem: 'two nodes with the same id',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
      outcome('x'),
    ]),
    expected: [
      {
        nodeId: 'x',
        path: ['nodes', 3, 'id'],
        message:
          'Node id "x" is already used by nodes[1]. Give this node a different kebab-case id and point the answers that should reach it at the new id.',
      },
    ],
  },
  {
    problem: 'a question with fewer than two answers',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'b'],
      ]),
      question('b', 'B?', [['Only', 'y']]),
      outcome('x'),
      outcome('y'),
    ]),
    expected: [
      {
        nodeId: 'b',
        path: ['nodes', 1, 'answers'],
        message:
          'Node "b" is a question with 1 answer. Give it at least two answers, or turn it into an outcome (outcome, why, href).',
      },
    ],
  },
  {
    problem: 'two answers with the same label',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['Yes', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
    ]),
    expected: [
      {
        nodeId: 'a',
        path: ['nodes', 0, 'answers', 1, 'label'],
        message:
          'Node "a", answer "Yes": another answer of this question has the same label. Give each answer a different label.',
      },
    ],
  },
  {
    problem: 'two answers whose labels read the same in the URL',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['yes!', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
    ]),
    expected: [
      {
        nodeId: 'a',
        path: ['nodes', 0, 'answers', 1, 'label'],
        message:
          'Node "a", answer "yes!": the label reads the same in the URL ("yes") as answer "Yes". Change its letters or digits so each answer has a different label.',
      },
    ],
  },
  {
    problem: 'an answer label without letters or digits',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['?', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
    ]),
    expected: [
      {
        nodeId: 'a',
        path: ['nodes', 0, 'answers', 1, 'label'],
        message:
          'Node "a", answer "?": the label has no letters or digits, so the quiz cannot put it in the URL. Add a word, e.g. "Yes" or "Native app".',
      },
    ],
  },
  {
    problem: 'two answers of one question leading to the same node',
    tree: smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'x'],
      ]),
      outcome('x'),
    ]),
    expected: [
      {
        nodeId: 'a',
        path: ['nodes', 0, 'answers', 1, 'next'],
        message:
          'Node "a", answer "No": next "x" is also where answer "Yes" leads. Merge the two answers into one, or point this one at a different node.',
      },
    ],
  },
];

describe('tree validation', () => {
  test.each(BROKEN_TREES)('validateTree reports $problem with an exact message', ({ tree, expected }) => {
    expect(validateTree(tree)).toEqual(expected);
  });

  test.each(BROKEN_TREES)('the tree file reports $problem after its file, line and field', ({ tree, expected }) => {
    const result = parseTreeFile(stringifyYaml(tree), 'content/decision-trees/x.yaml');
    expect('problems' in result && result.problems.map((p) => p.replace(/^[^:]+:\d+: [^:]+: /, ''))).toEqual(
      expected.map(({ message }) => message),
    );
  });

  test('a problem names the line of the field and the node it is in', () => {
    const text = [
      'title: T', // 1
      'description: D', // 2
      'start: ask', // 3
      'nodes:', // 4
      '  - id: ask', // 5
      '    question: Q?', // 6
      '    answers:', // 7
      '      - label: Yes', // 8
      '        next: nowhere', // 9
      '      - label: No', // 10
      '        next: done', // 11
      '  - id: done', // 12
      '    outcome: Done', // 13
      '    why: Because.', // 14
      '    href: /done/', // 15
    ].join('\n');
    expect(parseTreeFile(text, 'content/decision-trees/x.yaml')).toEqual({
      problems: [
        'content/decision-trees/x.yaml:9: nodes[0].answers[0].next (node "ask"): Node "ask", answer "Yes": next "nowhere" does not match any node id. Use one of: ask, done.',
      ],
    });
  });

  test('a schema error names its line too, and a YAML syntax error its own', () => {
    const badHref =
      'title: T\ndescription: D\nstart: x\nnodes:\n  - id: x\n    outcome: X\n    why: W\n    href: done\n';
    const result = parseTreeFile(badHref, 'content/decision-trees/x.yaml');
    expect('problems' in result && result.problems[0]).toMatch(
      /^content\/decision-trees\/x\.yaml:8: nodes\[0\]\.href \(node "x"\): Use a root-relative link/,
    );
    expect(parseTreeFile('title: [unclosed\n', 'content/decision-trees/x.yaml')).toEqual({
      problems: [expect.stringMatching(/^content\/decision-trees\/x\.yaml:\d+: YAML syntax error: /)],
    });
  });

  test('several problems are all reported, start first, then node by node, then loops and unreachable nodes', () => {
    const tree = smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'a'],
        ['Yes', 'nope'],
      ]),
      outcome('x'),
    ]);
    expect(validateTree(tree).map((p) => p.path)).toEqual([
      ['nodes', 0, 'answers', 1, 'label'],
      ['nodes', 0, 'answers', 1, 'next'],
      ['nodes', 0, 'answers', 0, 'next'],
      ['nodes', 1],
    ]);
  });

  test('the schema rejects an id that is not kebab-case at the id field', () => {
    const tree = smallTree('Start Here', [
      question('Start Here', 'A?', [
        ['Yes', 'x'],
        ['No', 'y'],
      ]),
      outcome('x'),
      outcome('y'),
    ]);
    const result = decisionTreeSchema.safeParse(tree);
    expect(result.error?.issues.some((issue) => issue.path.join('.') === 'nodes.0.id')).toBe(true);
  });

  test('the schema rejects an outcome link that is not root-relative', () => {
    const tree = smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'y'],
      ]),
      { ...outcome('x'), href: '//evil.example/' },
      outcome('y'),
    ]);
    expect(decisionTreeSchema.safeParse(tree).success).toBe(false);
  });

  test('the schema rejects a guidance source that is not an https link', () => {
    const tree = smallTree('a', [
      question('a', 'A?', [
        ['Yes', 'x'],
        ['No', 'y'],
      ]),
      {
        ...outcome('x'),
        guidance: { text: 'Use something else.', source: { label: 'Spec', href: 'javascript:alert(1)' } },
      },
      outcome('y'),
    ]);
    expect(decisionTreeSchema.safeParse(tree).success).toBe(false);
  });

  test('the schema rejects a node that mixes question and outcome fields', () => {
    const tree = smallTree('a', [
      {
        ...question('a', 'A?', [
          ['Yes', 'x'],
          ['No', 'y'],
        ]),
        outcome: 'Both',
      } as QuestionNode,
      outcome('x'),
      outcome('y'),
    ]);
    expect(decisionTreeSchema.safeParse(tree).success).toBe(false);
  });
});
