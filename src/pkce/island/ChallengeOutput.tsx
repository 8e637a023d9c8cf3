import type { ChallengeMethod } from '../pkce.ts';
import type { ChallengeResult } from '../calculator.ts';
import { OutputBox } from './OutputBox.tsx';

interface Props {
  id: string;
  method: ChallengeMethod;
  result: ChallengeResult | null;
  error: string | null;
  disabled: boolean;
  onCopied: (copied: boolean) => void;
}

/** The code_challenge with its copy button, and the S256 steps behind it on request. */
export function ChallengeOutput({ id, method, result, error, disabled, onCopied }: Props) {
  const hint = error ?? (result ? null : 'Shown as soon as the code verifier is valid.');
  return (
    <div class="pkce-challenge">
      <OutputBox
        id={`${id}-challenge`}
        label="Code challenge"
        value={result?.challenge ?? ''}
        copyLabel="Copy code challenge"
        disabled={disabled}
        onCopied={onCopied}
        {...(hint ? { hint } : {})}
      />
      <details class="pkce-steps">
        <summary>Show the steps</summary>
        <Steps method={method} result={result} />
      </details>
    </div>
  );
}

function Steps({ method, result }: { method: ChallengeMethod; result: ChallengeResult | null }) {
  if (!result) return <p>The steps appear once the code verifier is valid.</p>;
  if (!result.steps) {
    return <p>With {method} there is nothing to compute: the code_challenge is the code_verifier, unchanged.</p>;
  }
  const { asciiByteLength, sha256Hex, challenge } = result.steps;
  return (
    <ol class="pkce-steps__list">
      <li>
        ASCII(code_verifier): each character becomes one byte, so the input is <strong>{asciiByteLength} bytes</strong>{' '}
        long.
      </li>
      <li>
        SHA-256 of those bytes gives a 32-byte digest, here in hexadecimal: <code class="pkce-break">{sha256Hex}</code>
      </li>
      <li>
        BASE64URL of the digest, without "=" padding, is the code_challenge: <code class="pkce-break">{challenge}</code>
      </li>
    </ol>
  );
}
