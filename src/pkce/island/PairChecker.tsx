import { useState } from 'preact/hooks';
import { DEFAULT_CHALLENGE_METHOD, type ChallengeMethod } from '../pkce.ts';
import { checkPair, pairAnnouncement, type PairView } from '../calculator.ts';
import { sha256 } from './adapters.ts';
import { MethodChoice } from './MethodChoice.tsx';
import type { PkceText } from './text.ts';
import { TextField } from './TextField.tsx';

interface Props {
  id: string;
  text: PkceText;
  disabled: boolean;
  onChecked: (announcement: string) => void;
}

/** "Check a pair": does a code_verifier produce a given code_challenge, as the server would check it? */
export function PairChecker({ id, text, disabled, onChecked }: Props) {
  const [verifier, setVerifier] = useState('');
  const [challenge, setChallenge] = useState('');
  const [method, setMethod] = useState<ChallengeMethod>(DEFAULT_CHALLENGE_METHOD);
  const [view, setView] = useState<PairView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A verdict describes the inputs it was made for; any edit clears it so it never describes others.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setView(null);
      setFailure(null);
    };
  const check = async (event: Event) => {
    event.preventDefault();
    try {
      const result = await checkPair(verifier, challenge, method, sha256);
      setView(result);
      onChecked(pairAnnouncement(result));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setFailure(message);
      onChecked(message);
    }
  };
  return (
    // The heading (id-heading) and the introduction come with text.check.
    <form class="pkce-check" aria-labelledby={`${id}-heading`} onSubmit={check} noValidate>
      {text.check}
      <TextField
        id={`${id}-verifier`}
        label={text.checkVerifierLabel}
        value={verifier}
        disabled={disabled}
        onInput={edit(setVerifier)}
        problems={view?.result === 'invalid-verifier' ? view.problems : []}
        mono
      />
      <TextField
        id={`${id}-challenge`}
        label={text.checkChallengeLabel}
        value={challenge}
        disabled={disabled}
        onInput={edit(setChallenge)}
        mono
      />
      <MethodChoice
        id={`${id}-method`}
        legend={text.checkMethodLegend}
        value={method}
        disabled={disabled}
        onChange={edit(setMethod)}
      />
      <button type="submit" class="pkce-button pkce-button--primary" disabled={disabled}>
        {text.checkButton}
      </button>
      {view && <Verdict view={view} />}
      {failure && <p class="pkce-problems">{failure}</p>}
    </form>
  );
}

function Verdict({ view }: { view: PairView }) {
  const tone = view.result === 'match' ? 'ok' : 'bad';
  return (
    <div class={`pkce-verdict pkce-verdict--${tone}`}>
      <p>
        <strong class="pkce-verdict__headline">{view.headline}</strong> {view.detail}
      </p>
      {'expected' in view && <code class="pkce-break pkce-verdict__value">{view.expected}</code>}
      {'hints' in view && view.hints.map((sentence) => <p key={sentence}>{sentence}</p>)}
    </div>
  );
}
