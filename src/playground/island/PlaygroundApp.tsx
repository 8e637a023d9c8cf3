import { useEffect, useRef } from 'preact/hooks';
import { GRANTS, type GrantId } from '../grants.ts';
import { GrantPicker } from './GrantPicker.tsx';
import { NextMove } from './NextMove.tsx';
import { ShareLink } from './ShareLink.tsx';
import { StepCard } from './StepCard.tsx';
import { usePlayground } from './use-playground.ts';

/** Props the shell passes once the reader starts the playground. */
export interface AppProps {
  fixedGrant?: GrantId | undefined;
  headingLevel: 3 | 4 | 5;
  /** Move focus into the playground when it opens (the reader pressed Start). */
  focus: boolean;
}

/** The flow playground: the steps so far, the next move with its editable fields, and the grant's settings. */
export default function PlaygroundApp({ fixedGrant, headingLevel, focus }: AppProps) {
  const { view, busy, announcement, notice, moved, act, prepare, begin } = usePlayground(fixedGrant);
  const stepsEnd = useRef<HTMLOListElement>(null);
  const next = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (moved > 0) stepsEnd.current?.querySelector<HTMLElement>('li:last-child [tabindex="-1"]')?.focus();
  }, [moved]);
  // Only when the reader pressed Start: a restart keeps focus where the reader is (a grant radio, Start over).
  const opened = useRef(false);
  useEffect(() => {
    if (!view || opened.current) return;
    opened.current = true;
    if (focus) next.current?.focus();
  }, [view]);

  if (!view) return <p class="playground__loading">Generating the playground’s signing key…</p>;
  const { session, scenario } = view;
  const info = GRANTS[scenario.grant];
  const restart = (grant: GrantId = scenario.grant, profile = scenario.profile) => begin(grant, profile);

  return (
    <div class="playground__app" aria-busy={busy}>
      {notice && <p class="playground__notice">{notice}</p>}
      {!fixedGrant && <GrantPicker value={scenario.grant} onChange={(grant) => restart(grant, 'current')} />}
      {info.refusedBy && (
        <label class="playground__check">
          <input
            type="checkbox"
            checked={scenario.profile === 'rfc6749'}
            onChange={(e) => restart(scenario.grant, e.currentTarget.checked ? 'rfc6749' : 'current')}
          />{' '}
          Run the server as RFC 6749 defined it, before RFC 9700 (starts over)
        </label>
      )}
      {session.steps.length > 0 && (
        <ol class="playground__steps" ref={stepsEnd}>
          {session.steps.map((step) => (
            <li key={step.number}>
              <StepCard step={step} level={headingLevel} jwks={session.jwks} />
            </li>
          ))}
        </ol>
      )}
      <NextMove view={view} level={headingLevel} headingRef={next} busy={busy} onMove={act} onPrepare={prepare} />
      <ShareLink key={view.param} param={view.param} />
      <p class="playground__restart">
        <button type="button" class="playground__button" onClick={() => restart()} disabled={busy}>
          Start over
        </button>
      </p>
      <p class="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
