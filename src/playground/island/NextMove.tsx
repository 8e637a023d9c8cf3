import type { Ref } from 'preact';
import { MOVE_TITLES, type Fields, type Move, type MoveKind } from '../moves.ts';
import { ClockControl } from './ClockControl.tsx';
import { FieldList } from './FieldList.tsx';
import type { PlaygroundView } from './use-playground.ts';

interface Props {
  view: PlaygroundView;
  level: 3 | 4 | 5;
  headingRef: Ref<HTMLHeadingElement>;
  busy: boolean;
  onMove: (move: Move) => void;
  onPrepare: (kind: MoveKind, edits?: Fields) => void;
}

const SEND: Partial<Record<MoveKind, string>> = {
  callback: 'Deliver the redirect to the client',
  repeat: 'Send it again',
};

/** The next move: its fields, prefilled and editable, the button that sends it, and the other moves allowed now. */
export function NextMove({ view, level, headingRef, busy, onMove, onPrepare }: Props) {
  const { kind, defaults, edits } = view.draft;
  const Heading = `h${level}` as 'h3';
  const others = view.moves.filter((m) => m !== kind);
  const decide = (approve: boolean) => onMove({ kind: kind as 'consent', approve });
  return (
    <section class="playground__next" aria-labelledby="playground-next">
      <Heading id="playground-next" class="playground__step-title" tabIndex={-1} ref={headingRef}>
        Next: {MOVE_TITLES[kind]}
      </Heading>
      {kind === 'consent' || kind === 'device-user' ? (
        <p class="playground__actions">
          <button type="button" class="playground__button" disabled={busy} onClick={() => decide(true)}>
            {kind === 'consent' ? 'Sign in and approve' : 'Approve on the phone'}
          </button>
          <button type="button" class="playground__button" disabled={busy} onClick={() => decide(false)}>
            {kind === 'consent' ? 'Sign in and deny' : 'Deny on the phone'}
          </button>
        </p>
      ) : (
        <form
          class="playground__form"
          onSubmit={(e) => {
            e.preventDefault();
            onMove(kind === 'repeat' ? { kind } : { kind: kind as 'api', edits });
          }}
        >
          {kind === 'repeat' ? (
            <p>The client sends its last request once more, unchanged.</p>
          ) : (
            <FieldList defaults={defaults} edits={edits} onEdit={(next) => onPrepare(kind, next)} />
          )}
          <button type="submit" class="playground__button playground__button--primary" disabled={busy}>
            {SEND[kind] ?? 'Send'}
          </button>
        </form>
      )}
      {others.length > 0 && (
        <div class="playground__others" role="group" aria-label="Other moves">
          <span>Or instead:</span>
          {others.map((m) => (
            <button key={m} type="button" class="playground__button" disabled={busy} onClick={() => onPrepare(m)}>
              {MOVE_TITLES[m]}
            </button>
          ))}
        </div>
      )}
      <ClockControl busy={busy} onWait={(seconds) => onMove({ kind: 'wait', seconds })} />
    </section>
  );
}
