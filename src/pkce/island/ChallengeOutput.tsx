import type { ChallengeResult } from '../calculator.ts';
import { OutputBox } from './OutputBox.tsx';
import type { PkceText } from './text.ts';

interface Props {
  id: string;
  text: PkceText;
  result: ChallengeResult | null;
  error: string | null;
  disabled: boolean;
  onCopied: (copied: boolean) => void;
}

/** The code_challenge with its copy button, and the S256 steps behind it on request. */
export function ChallengeOutput({ id, text, result, error, disabled, onCopied }: Props) {
  const hint = error ?? (result ? null : text.challengePending);
  return (
    <div class="pkce-challenge">
      <OutputBox
        id={`${id}-challenge`}
        label={text.challengeLabel}
        value={result?.challenge ?? ''}
        copyLabel={text.copyChallenge}
        disabled={disabled}
        onCopied={onCopied}
        {...(hint ? { hint } : {})}
      />
      <details class="pkce-steps">
        <summary>{text.showSteps}</summary>
        <Steps text={text} result={result} />
      </details>
    </div>
  );
}

// Only plain has no steps (ChallengeResult), so its sentence is fixed text too.
function Steps({ text, result }: { text: PkceText; result: ChallengeResult | null }) {
  if (!result) return <p>{text.stepsPending}</p>;
  if (!result.steps) return <p>{text.stepsPlain}</p>;
  const { asciiByteLength, sha256Hex, challenge } = result.steps;
  return (
    <ol class="pkce-steps__list">
      <li>
        {text.stepAscii} <strong>{asciiByteLength} bytes</strong> long.
      </li>
      <li>
        {text.stepSha256} <code class="pkce-break">{sha256Hex}</code>
      </li>
      <li>
        {text.stepBase64url} <code class="pkce-break">{challenge}</code>
      </li>
    </ol>
  );
}
