import type { ComponentChildren } from 'preact';
import { MAX_VERIFIER_LENGTH, MIN_VERIFIER_LENGTH } from '../pkce.ts';
import { TextField } from './TextField.tsx';

interface Props {
  id: string;
  verifier: string;
  problems: readonly string[];
  lengthText: string;
  lengthProblem: string | null;
  disabled: boolean;
  onVerifierInput: (value: string) => void;
  onLengthInput: (value: string) => void;
  onGenerate: () => void;
  /** What a code_verifier may contain (server HTML, a slot). */
  hint: ComponentChildren;
}

/** The code_verifier field with its problems, and the controls that generate a random one. */
export function VerifierField(props: Props) {
  const { id, disabled } = props;
  return (
    <div class="pkce-verifier">
      <TextField
        id={`${id}-verifier`}
        label="Code verifier"
        value={props.verifier}
        disabled={disabled}
        onInput={props.onVerifierInput}
        problems={props.problems}
        hint={props.hint}
        mono
      />
      <div class="pkce-generate">
        <TextField
          id={`${id}-length`}
          label="Verifier length"
          type="number"
          min={MIN_VERIFIER_LENGTH}
          max={MAX_VERIFIER_LENGTH}
          value={props.lengthText}
          disabled={disabled}
          onInput={props.onLengthInput}
          problems={props.lengthProblem ? [props.lengthProblem] : []}
        />
        <button type="button" class="pkce-button pkce-button--primary" disabled={disabled} onClick={props.onGenerate}>
          Generate
        </button>
      </div>
    </div>
  );
}
