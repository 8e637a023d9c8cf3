import { describe, expect, test } from 'vitest';
import { drawnNodeId, mermaidEdgeId, mermaidNodeId } from '../../src/decision-trees/flowchart.ts';
import {
  answersTaken,
  flowchartHighlight,
  outcomeOf,
  resultAnnouncement,
  stepOf,
} from '../../src/decision-trees/quiz-view.ts';
import type { DecisionTree } from '../../src/decision-trees/schema.ts';
import { urlWithAnswers } from '../../src/decision-trees/url-state.ts';
import { allPaths, answer, type QuizState } from '../../src/decision-trees/walk.ts';
import { loadTree } from '../support/trees.ts';

const article = loadTree('which-oauth-flow');
const today = loadTree('which-flow-today');

function answerAll(tree: DecisionTree, labels: readonly string[]): QuizState {
  return labels.reduce<QuizState>((state, label) => answer(tree, state, label), []);
}

describe('the step indicator', () => {
  test('counts the first question of the article as question 1 of up to 4', () => {
    expect(stepOf(article, [])).toEqual({ number: 1, upTo: 4 });
  });

  test('counts each answered question and keeps the longest route still open', () => {
    expect(stepOf(article, answerAll(article, ['No']))).toEqual({ number: 2, upTo: 4 });
    expect(stepOf(article, answerAll(article, ['No', 'No', 'No']))).toEqual({ number: 4, upTo: 4 });
    expect(stepOf(today, [])).toEqual({ number: 1, upTo: 5 });
  });

  test('is undefined once an outcome is reached', () => {
    expect(stepOf(article, answerAll(article, ['Yes']))).toBeUndefined();
  });

  test('never promises fewer questions than a real route asks', () => {
    for (const tree of [article, today]) {
      for (const path of allPaths(tree)) {
        path.state.forEach((_, answered) => {
          const step = stepOf(tree, path.state.slice(0, answered));
          expect(step?.number).toBe(answered + 1);
          expect(step!.upTo).toBeGreaterThanOrEqual(path.labels.length);
        });
      }
    }
  });
});

describe('the answers taken', () => {
  test('pair each question asked with the label chosen, in order', () => {
    expect(answersTaken(article, answerAll(article, ['No', 'Yes']))).toEqual([
      { question: 'Is the Client the Resource Owner?', answer: 'No' },
      { question: 'Is the Client a web app executing on the server?', answer: 'Yes' },
    ]);
  });

  test('are empty at the start', () => {
    expect(answersTaken(article, [])).toEqual([]);
  });
});

describe('the outcome of a state', () => {
  test('is the outcome node once reached and undefined before', () => {
    expect(outcomeOf(article, answerAll(article, ['No', 'No', 'No', 'SPA']))?.outcome).toBe('Implicit Grant');
    expect(outcomeOf(article, answerAll(article, ['No']))).toBeUndefined();
  });

  test('is announced by name, with a pointer to the guidance note when there is one', () => {
    const implicit = outcomeOf(article, answerAll(article, ['No', 'No', 'No', 'SPA']))!;
    const clientCredentials = outcomeOf(article, answerAll(article, ['Yes']))!;
    expect(resultAnnouncement(clientCredentials)).toBe('Result: Client Credentials Grant.');
    expect(resultAnnouncement(implicit)).toMatch(/^Result: Implicit Grant\. .*current-guidance note/);
  });
});

describe('the flowchart highlight', () => {
  test('is empty before the first answer, so Start over clears the flowchart', () => {
    expect(flowchartHighlight(article, [])).toEqual({ nodes: [], edges: [], current: undefined });
  });

  test('marks the start node, the answer taken and the node it leads to after one answer', () => {
    expect(flowchartHighlight(article, answerAll(article, ['No']))).toEqual({
      nodes: ['n_client_is_resource_owner', 'n_web_app_on_server'],
      edges: ['e_client_is_resource_owner__web_app_on_server'],
      current: 'n_web_app_on_server',
    });
  });

  test('lists every node and edge walked, with the same ids the flowchart is drawn with', () => {
    for (const tree of [article, today]) {
      for (const path of allPaths(tree)) {
        const highlight = flowchartHighlight(tree, path.state);
        expect(highlight.nodes).toHaveLength(path.labels.length + 1);
        expect(highlight.edges).toHaveLength(path.labels.length);
        expect(highlight.current).toBe(mermaidNodeId(path.outcome.id));
        expect(highlight.edges.at(-1)).toMatch(new RegExp(`__${path.outcome.id.replace(/-/g, '_')}$`));
      }
    }
    expect(flowchartHighlight(article, answerAll(article, ['No', 'Yes'])).edges).toEqual([
      mermaidEdgeId('client-is-resource-owner', 'web-app-on-server'),
      mermaidEdgeId('web-app-on-server', 'authorization-code'),
    ]);
  });
});

describe('drawn node ids', () => {
  // The id the build gives the flowchart's one SVG: the figure's id plus "-svg".
  const svg = 'decision-tree-which-oauth-flow-svg';

  test('are read from the group id Mermaid gives each node', () => {
    expect(drawnNodeId(svg, `${svg}-flowchart-n_web_app_on_server-2`)).toBe('n_web_app_on_server');
    expect(drawnNodeId(svg, `${svg}-flowchart-n_password-15`)).toBe('n_password');
  });

  test('do not match groups of another drawing or of another kind', () => {
    expect(drawnNodeId(svg, 'decision-tree-which-flow-today-svg-flowchart-n_password-5')).toBeUndefined();
    expect(drawnNodeId(svg, `${svg}-flowchart-n_password`)).toBeUndefined();
    expect(drawnNodeId(svg, `${svg}-e_a__b`)).toBeUndefined();
    expect(drawnNodeId('', '-flowchart-n_a-1')).toBeUndefined();
  });
});

describe('the shared URL', () => {
  const page = 'https://example.com/docs/api-auth/which-oauth-flow-to-use/';

  test('carries the answers and opens at the quiz', () => {
    expect(urlWithAnswers(page, 'which-oauth-flow', 'no.no.no.native-app', 'quiz-which-oauth-flow')).toBe(
      '/docs/api-auth/which-oauth-flow-to-use/?which-oauth-flow=no.no.no.native-app#quiz-which-oauth-flow',
    );
  });

  test('keeps other parameters and replaces an earlier value', () => {
    expect(urlWithAnswers(`${page}?lang=en&which-oauth-flow=yes`, 'which-oauth-flow', 'no', 'quiz-x')).toBe(
      '/docs/api-auth/which-oauth-flow-to-use/?lang=en&which-oauth-flow=no#quiz-x',
    );
  });

  test('drops the answers and the quiz anchor on Start over, and leaves any other anchor alone', () => {
    expect(urlWithAnswers(`${page}?which-oauth-flow=yes#quiz-x`, 'which-oauth-flow', '', 'quiz-x')).toBe(
      '/docs/api-auth/which-oauth-flow-to-use/',
    );
    expect(urlWithAnswers(`${page}?which-oauth-flow=yes#terms`, 'which-oauth-flow', '', 'quiz-x')).toBe(
      '/docs/api-auth/which-oauth-flow-to-use/#terms',
    );
  });
});
