import type { ChallengeMethod } from '../pkce.ts';
import { PlainWarning } from './PlainWarning.tsx';

const METHODS: readonly ChallengeMethod[] = ['S256', 'plain'];

interface Props {
  id: string;
  legend: string;
  value: ChallengeMethod;
  disabled: boolean;
  onChange: (method: ChallengeMethod) => void;
  /** Explain why plain should not be used when it is chosen. */
  explainPlain?: boolean;
}

/** The code_challenge_method radio group: S256 (the default) or plain. */
export function MethodChoice({ id, legend, value, disabled, onChange, explainPlain = false }: Props) {
  return (
    <>
      <fieldset class="pkce-methods" role="radiogroup" aria-labelledby={`${id}-legend`}>
        <legend id={`${id}-legend`}>{legend}</legend>
        {METHODS.map((method) => (
          <label key={method} class="pkce-methods__option">
            <input
              type="radio"
              name={id}
              value={method}
              checked={value === method}
              disabled={disabled}
              onChange={() => onChange(method)}
            />
            {method}
          </label>
        ))}
      </fieldset>
      {explainPlain && value === 'plain' && <PlainWarning />}
    </>
  );
}
