import type { Ref } from 'preact';
import { Callout } from '../../components/Callout.tsx';
import type { OutcomeNode } from '../schema.ts';
import type { TakenAnswer } from '../quiz-view.ts';

interface Props {
  idPrefix: string;
  /** The outcome reached; its link already has the site's base path (DecisionTree.astro). */
  outcome: OutcomeNode;
  taken: readonly TakenAnswer[];
  headingRef: Ref<HTMLHeadingElement>;
}

/** The outcome: the grant as a focusable heading, any current-guidance note right under it, why, a link and the answers given. */
export function QuizResult({ idPrefix, outcome, taken, headingRef }: Props) {
  const guidanceId = `${idPrefix}-guidance`;
  return (
    <div class="quiz__result">
      <p class="quiz__step">Your result</p>
      <h3 class="quiz__heading quiz__outcome" tabIndex={-1} ref={headingRef}>
        {outcome.outcome}
      </h3>
      {outcome.guidance && (
        // The result's heading is an h3 (QuizQuestion's too): the note is one level below it.
        <Callout kind="guidance" id={guidanceId} level={4} title="Current guidance" class="quiz__guidance">
          <p>{outcome.guidance.text}</p>
          <p>
            Source: <a href={outcome.guidance.source.href}>{outcome.guidance.source.label}</a>
          </p>
        </Callout>
      )}
      <p>{outcome.why}</p>
      <p>
        {/* One text node: WebKit's accessible name drops the space between "…PKCE)" and a separate " page" node. */}
        <a href={outcome.href}>{`Read the ${outcome.outcome} page`}</a>
      </p>
      <h4 class="quiz__taken-title">Your answers</h4>
      <ol class="quiz__taken">
        {taken.map((t) => (
          <li key={t.question}>
            {t.question} <strong>{t.answer}</strong>
          </li>
        ))}
      </ol>
    </div>
  );
}
