import { useState } from 'preact/hooks';
import { MIN_VERIFIER_LENGTH, type ChallengeMethod } from '../pkce.ts';
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
}

/**
 * PKCE calculator: code_verifier to code_challenge with the steps, example requests and a pair checker.
 * Server-rendered with every control disabled; hydration enables them. Nothing leaves the page.
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */
export default function PkceCalculator({ headingLevel = 3, id = 'pkce' }: Props) {
  const hydrated = useHydrated();
  const [verifier, setVerifier] = useState('');
  const [lengthText, setLengthText] = useState(String(MIN_VERIFIER_LENGTH));
  const [lengthProblem, setLengthProblem] = useState<string | null>(null);
  const [method, setMethod] = useState<ChallengeMethod>('S256');
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
      <p class="pkce__privacy">Everything runs in this page: nothing you type is sent anywhere or stored.</p>
      {/* Both texts share one grid cell, so swapping them on hydration never moves the page (no layout shift). */}
      <div class="pkce__state">
        <p class="pkce__needs-js" hidden={hydrated}>
          The calculator needs JavaScript, so its controls stay disabled until it has loaded. The formula and the worked
          example above show the same calculation.
        </p>
        <p class="pkce__ready" hidden={!hydrated}>
          Type or paste a code_verifier, or set a length and press Generate. The challenge updates as you type.
        </p>
      </div>
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
      />
      <MethodChoice
        id={`${id}-method`}
        legend="Challenge method"
        value={method}
        disabled={disabled}
        onChange={setMethod}
        explainPlain
      />
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
      />
      <PairChecker id={`${id}-check`} headingLevel={headingLevel} disabled={disabled} onChecked={announce} />
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
    </div>
  );
}
