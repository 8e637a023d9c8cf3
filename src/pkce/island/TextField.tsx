import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: ComponentChildren;
  value: string;
  disabled: boolean;
  onInput: (value: string) => void;
  /** Sentences saying what is wrong, shown under the field and tied to it. */
  problems?: readonly string[];
  hint?: ComponentChildren;
  type?: 'text' | 'url' | 'number';
  mono?: boolean;
  min?: number;
  max?: number;
}

/** A labelled text input with its hint and problems linked through aria-describedby. */
export function TextField({
  id,
  label,
  value,
  disabled,
  onInput,
  problems = [],
  hint,
  type = 'text',
  mono = false,
  min,
  max,
}: Props) {
  const invalid = problems.length > 0;
  const described = [hint ? `${id}-hint` : '', invalid ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return (
    <div class="pkce-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type}
        class={mono ? 'pkce-mono' : undefined}
        value={value}
        disabled={disabled}
        min={min}
        max={max}
        inputMode={type === 'number' ? 'numeric' : undefined}
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="pkce-hint">
          {hint}
        </p>
      )}
      {invalid && (
        <ul id={`${id}-problems`} class="pkce-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
