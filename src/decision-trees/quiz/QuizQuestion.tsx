import type { Ref } from 'preact';
import type { QuestionNode } from '../schema.ts';
import type { QuizStep } from '../quiz-view.ts';

interface Props {
  idPrefix: string;
  node: QuestionNode;
  step: QuizStep;
  headingRef: Ref<HTMLHeadingElement>;
  onAnswer: (index: number) => void;
}

/** One question: the step indicator, the question as a focusable heading, its help text and one button per answer. */
export function QuizQuestion({ idPrefix, node, step, headingRef, onAnswer }: Props) {
  const headingId = `${idPrefix}-question`;
  return (
    <div class="quiz__question">
      <p class="quiz__step">
        Question {step.number} of up to {step.upTo}
      </p>
      <h3 id={headingId} class="quiz__heading" tabIndex={-1} ref={headingRef}>
        {node.question}
      </h3>
      {node.help && <p class="quiz__help">{node.help}</p>}
      <div class="quiz__answers" role="group" aria-labelledby={headingId}>
        {node.answers.map((a, index) => (
          <button key={a.label} type="button" class="quiz__button quiz__button--answer" onClick={() => onAnswer(index)}>
            {a.label}
          </button>
        ))}
      </div>
    </div>
  );
}
