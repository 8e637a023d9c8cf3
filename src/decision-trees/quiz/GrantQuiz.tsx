import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isOutcome, isQuestion } from '../nodes.ts';
import { answersTaken, flowchartHighlight, outcomeOf, resultAnnouncement, stepOf } from '../quiz-view.ts';
import type { DecisionTree } from '../schema.ts';
import { decodeAnswers, encodeAnswers } from '../url-state.ts';
import { answer, back, currentNode, type QuizState } from '../walk.ts';
import { highlightFlowchart, holdHeight, readAnswers, releaseHeight, watchFlowchart, writeAnswers } from './browser.ts';
import { QuizQuestion } from './QuizQuestion.tsx';
import { QuizResult } from './QuizResult.tsx';

interface Props {
  /** Id of the tree, as in content/decision-trees/<treeId>.yaml; also the URL parameter holding the answers, so two quizzes on a page never clash. */
  treeId: string;
  /** The tree, its outcome links with the site's base path (DecisionTree.astro). */
  tree: DecisionTree;
  /** Id of the <figure> holding the tree's flowchart, whose path is highlighted. */
  figureId: string;
  /** Id of the quiz section's heading: the fragment of a shared link. */
  anchor: string;
  /** What shows until the quiz starts: QuizFallback's server HTML, an Astro slot, so this script never repeats it. */
  children?: ComponentChildren;
}

/**
 * The grant quiz: one question at a time, the result with its guidance, the path on the flowchart and the
 * answers in the URL. All quiz logic is in the pure modules beside this folder; this renders and dispatches.
 */
export default function GrantQuiz({ treeId, tree, figureId, anchor, children }: Props) {
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<QuizState>([]);
  const [announcement, setAnnouncement] = useState('');
  const [moves, setMoves] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const param = treeId;

  // After hydration: restore a shared state (decodeAnswers ignores anything it does not recognise). The box
  // keeps the server HTML's height until the reader's first answer, so swapping in the shorter first question
  // does not move the page (a layout shift); changes after an answer follow input and are expected.
  useEffect(() => {
    holdHeight(box.current);
    setState(decodeAnswers(tree, readAnswers(param)));
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return undefined;
    const draw = () => highlightFlowchart(figureId, flowchartHighlight(tree, state));
    draw();
    writeAnswers(param, encodeAnswers(tree, state), anchor);
    return watchFlowchart(figureId, draw);
  }, [ready, state]);

  useEffect(() => {
    if (moves === 0) return;
    releaseHeight(box.current);
    heading.current?.focus();
  }, [moves]);

  if (!ready)
    return (
      <div class="quiz__body" ref={box}>
        {children}
      </div>
    );

  const go = (next: QuizState) => {
    const reached = outcomeOf(tree, next);
    setState(next);
    setAnnouncement(reached ? resultAnnouncement(reached) : '');
    setMoves((n) => n + 1);
  };
  const node = currentNode(tree, state);
  const step = stepOf(tree, state);
  const idPrefix = `quiz-${treeId}`;

  return (
    <div class="quiz__body" ref={box}>
      {isQuestion(node) && step ? (
        <QuizQuestion
          idPrefix={idPrefix}
          node={node}
          step={step}
          headingRef={heading}
          onAnswer={(index) => go(answer(tree, state, index))}
        />
      ) : (
        isOutcome(node) && (
          <QuizResult idPrefix={idPrefix} outcome={node} taken={answersTaken(tree, state)} headingRef={heading} />
        )
      )}
      {state.length > 0 && (
        <div class="quiz__nav">
          <button type="button" class="quiz__button" onClick={() => go(back(tree, state))}>
            Back
          </button>
          <button type="button" class="quiz__button" onClick={() => go([])}>
            Start over
          </button>
        </div>
      )}
      <p class="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
