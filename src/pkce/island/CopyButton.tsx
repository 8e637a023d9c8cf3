import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { copyText } from './adapters.ts';

interface Props {
  label: ComponentChildren;
  text: string;
  disabled: boolean;
  onResult: (copied: boolean) => void;
}

/** Copies `text`; the status region announces the result, and a short visual "Copied" confirms it. */
export function CopyButton({ label, text, disabled, onResult }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    const ok = await copyText(text);
    setCopied(ok);
    onResult(ok);
  };
  return (
    <span class="pkce-copy">
      <button type="button" class="pkce-button" disabled={disabled || text === ''} onClick={copy}>
        {label}
      </button>
      {copied && (
        <span class="pkce-copy__done" aria-hidden="true">
          Copied
        </span>
      )}
    </span>
  );
}
