import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DEFAULT_CHALLENGE_METHOD, MIN_VERIFIER_LENGTH, type ChallengeMethod } from '../pkce.ts';
import { announcements, parseVerifierLength, verifierState } from '../calculator.ts';
import { newVerifier } from './adapters.ts';
import { ChallengeOutput } from './ChallengeOutput.tsx';
import { useAnnouncer, useChallenge, useHydrated } from './hooks.ts';
import { MethodChoice } from './MethodChoice.tsx';
import { PairChecker } from './PairChecker.tsx';
import { RequestBuilder } from './RequestBuilder.tsx';
import { VerifierField } from './VerifierField.tsx';

interface Props {
  /** Level of the calculator's own sub-headings: one below the heading of the section it sits in. */
  headingLevel?: number;
  /** Prefix of every id inside the calculator, unique on the page. */
  id?: string;
  /*
   * Text that never changes comes from the server HTML as Astro slots (PkceTool.astro), so the island's
   * JavaScript does not carry it a second time.
   */
  /** What the calculator is and that it needs JavaScript; `data-hydrated` on the root picks the sentence shown. */
  intro?: ComponentChildren;
  /** What a code_verifier may contain, under its field. */
  verifierHint?: ComponentChildren;
  /** Why not to use plain, shown while plain is chosen. */
  plain?: ComponentChildren;
  /** The example requests' introduction and the note under them. */
  requests?: ComponentChildren;
  requestsNote?: ComponentChildren;
  /** The pair checker's introduction. */
  check?: ComponentChildren;
}

/**
 * PKCE calculator: code_verifier to code_challenge with the steps, example requests and a pair checker.
 * Server-rendered with every control disabled; hydration enables them. Nothing leaves the page.
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */
export default function PkceCalculator(props: Props) {
  const { headingLevel = 3, id = 'pkce' } = props;
  const hydrated = useHydrated();
  const [verifier, setVerifier] = useState('');
  const [lengthText, setLengthText] = useState(String(MIN_VERIFIER_LENGTH));
  const [lengthProblem, setLengthProblem] = useState<string | null>(null);
  const [method, setMethod] = useState<ChallengeMethod>(DEFAULT_CHALLENGE_METHOD);
  const [status, announce] = useAnnouncer();
  const { result, error } = useChallenge(verifier, method);
  const field = verifierState(verifier);
  const disabled = !hydrated;

  const generate = () => {
    const length = parseVerifierLength(lengthText);
    setLengthProblem(length.ok ? null : length.problem);
    if (!length.ok) return announce(length.problem);
    setVerifier(newVerifier(length.length));
    announce(announcements.generated(length.length));
  };
  const onCopied = (what: string) => (copied: boolean) =>
    announce(copied ? announcements.copied(what) : announcements.copyFailed(what));

  return (
    <div class="pkce" data-hydrated={hydrated ? 'true' : 'false'}>
      {props.intro}
      <VerifierField
        id={id}
        verifier={verifier}
        problems={field.state === 'invalid' ? field.problems : []}
        lengthText={lengthText}
        lengthProblem={lengthProblem}
        disabled={disabled}
        onVerifierInput={setVerifier}
        onLengthInput={(text) => {
          setLengthText(text);
          setLengthProblem(null);
        }}
        onGenerate={generate}
        hint={props.verifierHint}
      />
      <MethodChoice
        id={`${id}-method`}
        legend="Challenge method"
        value={method}
        disabled={disabled}
        onChange={setMethod}
      />
      {method === 'plain' && props.plain}
      <ChallengeOutput
        id={id}
        method={method}
        result={result}
        error={error}
        disabled={disabled}
        onCopied={onCopied('code challenge')}
      />
      <RequestBuilder
        id={id}
        headingLevel={headingLevel}
        verifier={result ? verifier : null}
        challenge={result?.challenge ?? null}
        method={method}
        disabled={disabled}
        onCopied={onCopied}
        intro={props.requests}
        note={props.requestsNote}
      />
      <PairChecker
        id={`${id}-check`}
        headingLevel={headingLevel}
        disabled={disabled}
        onChecked={announce}
        intro={props.check}
      />
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
    </div>
  );
}
