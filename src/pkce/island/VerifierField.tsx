import { MAX_VERIFIER_LENGTH, MIN_VERIFIER_LENGTH } from '../pkce.ts';
import type { PkceText } from './text.ts';
import { TextField } from './TextField.tsx';

interface Props {
  id: string;
  text: PkceText;
  verifier: string;
  problems: readonly string[];
  lengthText: string;
  lengthProblem: string | null;
  disabled: boolean;
  onVerifierInput: (value: string) => void;
  onLengthInput: (value: string) => void;
  onGenerate: () => void;
}

/** The code_verifier field with its problems, and the controls that generate a random one. */
export function VerifierField(props: Props) {
  const { id, text, disabled } = props;
  return (
    <div class="pkce-verifier">
      <TextField
        id={`${id}-verifier`}
        label={text.verifierLabel}
        value={props.verifier}
        disabled={disabled}
        onInput={props.onVerifierInput}
        problems={props.problems}
        hint={text.verifierHint}
        mono
      />
      <div class="pkce-generate">
        <TextField
          id={`${id}-length`}
          label={text.lengthLabel}
          type="number"
          min={MIN_VERIFIER_LENGTH}
          max={MAX_VERIFIER_LENGTH}
          value={props.lengthText}
          disabled={disabled}
          onInput={props.onLengthInput}
          problems={props.lengthProblem ? [props.lengthProblem] : []}
        />
        <button type="button" class="pkce-button pkce-button--primary" disabled={disabled} onClick={props.onGenerate}>
          {text.generate}
        </button>
      </div>
    </div>
  );
}
