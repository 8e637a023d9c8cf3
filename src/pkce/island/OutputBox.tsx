import type { ComponentChildren } from 'preact';
import { CopyButton } from './CopyButton.tsx';

interface Props {
  id: string;
  label: ComponentChildren;
  value: string;
  copyLabel: ComponentChildren;
  disabled: boolean;
  onCopied: (copied: boolean) => void;
  hint?: ComponentChildren;
  /** Lines for a multi-line output; a single-line output when absent. */
  rows?: number;
  /** Keep long lines whole (scroll sideways) instead of wrapping them, for commands. */
  noWrap?: boolean;
}

/** A read-only, labelled output with a copy button; empty when there is nothing correct to show. */
export function OutputBox({ id, label, value, copyLabel, disabled, onCopied, hint, rows, noWrap = false }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value,
    disabled,
    readOnly: true,
    'aria-describedby': hintId,
    class: 'pkce-mono pkce-output__value',
  };
  return (
    <div class="pkce-output">
      <label for={id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} wrap={noWrap ? 'off' : 'soft'} spellcheck={false} />
      ) : (
        <input {...common} type="text" />
      )}
      <div class="pkce-output__actions">
        <CopyButton label={copyLabel} text={value} disabled={disabled} onResult={onCopied} />
        {hint && (
          <p id={hintId} class="pkce-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
