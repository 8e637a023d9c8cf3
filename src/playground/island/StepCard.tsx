import type { Jwks } from '../../lib/oauth/index.ts';
import type { Step } from '../session.ts';
import { Citation } from './Citation.tsx';
import { IdTokenView } from './IdTokenView.tsx';
import { Wire } from './Wire.tsx';

interface Props {
  step: Step;
  level: 3 | 4 | 5;
  jwks: Jwks;
}

/** The simulated time of a step, as HH:MM:SS UTC. */
const clock = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(11, 19);

/** One step done: its messages exactly as on the wire, what happened, and the rule behind it. */
export function StepCard({ step, level, jwks }: Props) {
  const Heading = `h${level}` as 'h3';
  const id = `playground-step-${step.number}`;
  const fragment = step.request?.startsWith('https://');
  return (
    <section class="playground__step" aria-labelledby={id}>
      <Heading id={id} class="playground__step-title" tabIndex={-1}>
        Step {step.number}: {step.title}
      </Heading>
      <p class="playground__clock">Simulated clock: {clock(step.at)} UTC</p>
      {step.request !== undefined && (
        <Wire label={fragment ? 'The redirect as the browser holds it' : 'Request'} text={step.request} />
      )}
      {step.response !== undefined && <Wire label="Response" text={step.response} />}
      <p class={`playground__result playground__result--${step.result.ok ? 'ok' : 'error'}`}>
        {step.result.ok ? 'Result: ' : 'Refused: '}
        {step.result.text}
      </p>
      {step.result.rule && <Citation rule={step.result.rule} />}
      {step.idToken && <IdTokenView token={step.idToken} jwks={jwks} />}
    </section>
  );
}
