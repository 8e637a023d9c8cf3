import { useState } from 'preact/hooks';
import { DEFAULT_CHALLENGE_METHOD, MIN_VERIFIER_LENGTH, type ChallengeMethod } from '../pkce.ts';
import { announcements, parseVerifierLength, verifierState } from '../calculator.ts';
import { newVerifier } from './adapters.ts';
import { ChallengeOutput } from './ChallengeOutput.tsx';
import { useAnnouncer, useChallenge, useHydrated } from './hooks.ts';
import { MethodChoice } from './MethodChoice.tsx';
import { PairChecker } from './PairChecker.tsx';
import { RequestBuilder } from './RequestBuilder.tsx';
import type { PkceText } from './text.ts';
import { VerifierField } from './VerifierField.tsx';

/** The calculator's ids, and its fixed text as slots (see text.ts). */
interface Props extends PkceText {
  /** Prefix of every id inside the calculator, unique on the page. */
  id?: string;
}

/**
 * PKCE calculator: code_verifier to code_challenge with the steps, example requests and a pair checker.
 * Server-rendered with every control disabled; hydration enables them. Nothing leaves the page.
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */
export default function PkceCalculator(props: Props) {
  const { id = 'pkce' } = props;
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
        text={props}
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
      />
      <MethodChoice
        id={`${id}-method`}
        legend={props.methodLegend}
        value={method}
        disabled={disabled}
        onChange={setMethod}
      />
      {method === 'plain' && props.plain}
      <ChallengeOutput
        id={id}
        text={props}
        result={result}
        error={error}
        disabled={disabled}
        onCopied={onCopied('code challenge')}
      />
      <RequestBuilder
        id={id}
        text={props}
        verifier={result ? verifier : null}
        challenge={result?.challenge ?? null}
        method={method}
        disabled={disabled}
        onCopied={onCopied}
      />
      <PairChecker id={`${id}-check`} text={props} disabled={disabled} onChecked={announce} />
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
    </div>
  );
}
