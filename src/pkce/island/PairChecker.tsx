import { useState } from 'preact/hooks';
import type { ChallengeMethod } from '../pkce.ts';
import { checkPair, pairAnnouncement, type PairView } from '../calculator.ts';
import { Heading } from './Heading.tsx';
import { MethodChoice } from './MethodChoice.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  id: string;
  headingLevel: number;
  disabled: boolean;
  onChecked: (announcement: string) => void;
}

/** "Check a pair": does a code_verifier produce a given code_challenge, as the server would check it? */
export function PairChecker({ id, headingLevel, disabled, onChecked }: Props) {
  const [verifier, setVerifier] = useState('');
  const [challenge, setChallenge] = useState('');
  const [method, setMethod] = useState<ChallengeMethod>('S256');
  const [view, setView] = useState<PairView | null>(null);
  // A verdict describes the inputs it was made for; any edit clears it so it never describes others.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setView(null);
    };
  const check = async (event: Event) => {
    event.preventDefault();
    const result = await checkPair(verifier, challenge, method);
    setView(result);
    onChecked(pairAnnouncement(result));
  };
  return (
    <form class="pkce-check" aria-labelledby={`${id}-heading`} onSubmit={check} noValidate>
      <Heading level={headingLevel} id={`${id}-heading`}>
        Check a pair
      </Heading>
      <p>Paste a code_verifier and the code_challenge sent earlier to see whether a server would accept them.</p>
      <TextField
        id={`${id}-verifier`}
        label="Verifier to check"
        value={verifier}
        disabled={disabled}
        onInput={edit(setVerifier)}
        problems={view?.result === 'invalid-verifier' ? view.problems : []}
        mono
      />
      <TextField
        id={`${id}-challenge`}
        label="Challenge to check"
        value={challenge}
        disabled={disabled}
        onInput={edit(setChallenge)}
        mono
      />
      <MethodChoice
        id={`${id}-method`}
        legend="Method of the challenge to check"
        value={method}
        disabled={disabled}
        onChange={edit(setMethod)}
      />
      <button type="submit" class="pkce-button pkce-button--primary" disabled={disabled}>
        Check pair
      </button>
      {view && <Verdict view={view} />}
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
