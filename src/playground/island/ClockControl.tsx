import { useState } from 'preact/hooks';

interface Props {
  busy: boolean;
  onWait: (seconds: number) => void;
}

/** Moves the simulated clock forward, to let a code, a token or a device code expire. */
export function ClockControl({ busy, onWait }: Props) {
  const [seconds, setSeconds] = useState('601');
  const value = Number(seconds);
  const valid = Number.isInteger(value) && value > 0 && value <= 31_622_400;
  return (
    <div class="playground__clock-control">
      <label for="playground-wait">Seconds to advance the simulated clock</label>
      <input
        id="playground-wait"
        type="number"
        min={1}
        step={1}
        value={seconds}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : 'playground-wait-problem'}
        onInput={(e) => setSeconds(e.currentTarget.value)}
      />
      <button type="button" class="playground__button" disabled={busy || !valid} onClick={() => onWait(value)}>
        Advance the clock
      </button>
      {!valid && (
        <p id="playground-wait-problem" class="playground__problem">
          Enter a whole number of seconds from 1 to 31622400 (one year).
        </p>
      )}
    </div>
  );
}
