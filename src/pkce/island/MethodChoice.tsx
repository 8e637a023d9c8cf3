import type { ComponentChildren } from 'preact';
import type { ChallengeMethod } from '../pkce.ts';

const METHODS: readonly ChallengeMethod[] = ['S256', 'plain'];

interface Props {
  id: string;
  legend: ComponentChildren;
  value: ChallengeMethod;
  disabled: boolean;
  onChange: (method: ChallengeMethod) => void;
}

/** The code_challenge_method radio group: S256 (the default) or plain. */
export function MethodChoice({ id, legend, value, disabled, onChange }: Props) {
  return (
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
  );
}
