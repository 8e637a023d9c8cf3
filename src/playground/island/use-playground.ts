import { useEffect, useRef, useState } from 'preact/hooks';
import type { Profile, SigningKey } from '../../lib/oauth/index.ts';
import { DEFAULT_GRANT, GRANTS, isGrantId, type GrantId } from '../grants.ts';
import { generateSigningKey } from '../key.ts';
import { firstMove, REQUEST_MOVES, type Fields, type Move, type MoveKind, type RequestMoveKind } from '../moves.ts';
import { citationOf, createSession, fieldsOf, movesOf, perform, replay, type Session } from '../session.ts';
import { decodeScenario, encodeScenario, grantOfParam, type Scenario } from '../url-state.ts';
import { randomSeed, readParam } from './browser.ts';

/** What the playground renders: the session, the scenario and the move being prepared. */
export interface PlaygroundView {
  session: Session;
  scenario: Scenario;
  /** The move being prepared, its prefilled fields and the reader's edits. */
  draft: { kind: MoveKind; defaults: Fields; edits: Fields };
  moves: MoveKind[];
  /** The scenario as the value of the playground's URL parameter. */
  param: string;
}

const isRequest = (kind: MoveKind): kind is RequestMoveKind => (REQUEST_MOVES as readonly string[]).includes(kind);

/** The playground's state and actions; every OAuth decision is made by the session (the model), none here. */
export function usePlayground(fixedGrant: GrantId | undefined) {
  const key = useRef<SigningKey | null>(null);
  const [view, setView] = useState<PlaygroundView | null>(null);
  const [busy, setBusy] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState('');
  const [moved, setMoved] = useState(0);

  const show = (session: Session, scenario: Scenario) => {
    const moves = movesOf(session);
    const wanted = scenario.draft?.kind;
    const kind = wanted !== undefined && moves.includes(wanted) ? wanted : (moves[0] ?? firstMove(scenario.grant));
    const edits = scenario.draft?.kind === kind ? scenario.draft.edits : {};
    const defaults = isRequest(kind) ? fieldsOf(session, kind) : {};
    const kept = Object.fromEntries(Object.entries(edits).filter(([name]) => name in defaults));
    const next = { ...scenario, draft: { kind, edits: kept } };
    setView({ session, scenario: next, draft: { kind, defaults, edits: kept }, moves, param: encodeScenario(next) });
  };

  const begin = async (grant: GrantId, profile: Profile) => {
    setBusy(true);
    const scenario: Scenario = { grant, seed: randomSeed(), profile, moves: [] };
    show(await createSession({ ...scenario, key: key.current! }), scenario);
    setAnnouncement(`${GRANTS[grant].title}: a new scenario starts.`);
    setBusy(false);
  };

  useEffect(() => {
    void (async () => {
      key.current = await generateSigningKey();
      const raw = readParam();
      const shared = decodeScenario(raw);
      if (shared && (fixedGrant === undefined || shared.grant === fixedGrant)) {
        const session = await replay({ ...shared, key: key.current }, shared.moves);
        if (session) {
          show(session, shared);
          return setBusy(false);
        }
      }
      if (raw !== null && !isGrantId(raw)) {
        setNotice('The scenario in this link could not be replayed, so the playground starts over.');
      }
      const grant = fixedGrant ?? grantOfParam(raw) ?? DEFAULT_GRANT;
      await begin(grant, 'current');
    })();
  }, []);

  const act = async (move: Move) => {
    if (!view || busy) return;
    setBusy(true);
    try {
      const step = await perform(view.session, move);
      show(view.session, { ...view.scenario, moves: [...view.scenario.moves, move], draft: undefined });
      const cite = step.result.rule ? ` ${citationOf(step.result.rule).text}.` : '';
      setAnnouncement(`Step ${step.number}: ${step.title}. ${step.result.text}${cite}`);
      setMoved((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const prepare = (kind: MoveKind, edits: Fields = {}) => {
    if (view) show(view.session, { ...view.scenario, draft: { kind, edits } });
  };

  return { view, busy, announcement, notice, moved, act, prepare, begin };
}
