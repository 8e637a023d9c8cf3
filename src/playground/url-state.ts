/**
 * A playground scenario in the address bar: the grant, the seed, the rules profile, the moves made and the
 * fields being edited, in one query parameter the playground owns. Read back without ever trusting it: anything
 * malformed, unknown or too long decodes to null, and the scenario starts over.
 */
import { base64url, base64urlDecode, type Profile } from '../lib/oauth/index.ts';
import { isGrantId, PARAM, type GrantId } from './grant-ids.ts';

export { grantOfParam, PARAM } from './grant-ids.ts';
import { MOVE_TITLES, REQUEST_MOVES, type Fields, type Move, type MoveKind, type RequestMoveKind } from './moves.ts';
import { SEED_PATTERN } from './seeded.ts';

/** Everything a shared link restores. */
export interface Scenario {
  grant: GrantId;
  seed: string;
  profile: Profile;
  moves: Move[];
  /** The move being prepared and the reader's edits to its fields. */
  draft?: { kind: MoveKind; edits: Fields } | undefined;
}

// Limits far beyond any real scenario; beyond them it is tampering.
const MAX_LENGTH = 12_000;
const MAX_MOVES = 80;
const MAX_FIELDS = 16;
const MAX_VALUE = 2_000;
const MAX_WAIT = 366 * 24 * 3600;
const FIELD_NAME = /^[a-z_]{1,32}$/;

function fromBase64url(text: string): string | null {
  const bytes = base64urlDecode(text);
  try {
    return bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

type Wire = [string, ...unknown[]];

function moveToWire(move: Move): Wire {
  if ('edits' in move) return [move.kind, move.edits];
  if ('approve' in move) return [move.kind, move.approve ? 1 : 0];
  if (move.kind === 'wait') return [move.kind, move.seconds];
  return [move.kind];
}

/** The parameter's value for a scenario: `grant.seed.payload`, payload being base64url JSON of profile, moves and draft. */
export function encodeScenario(scenario: Scenario): string {
  const payload: Record<string, unknown> = { m: scenario.moves.map(moveToWire) };
  if (scenario.profile !== 'current') payload['p'] = scenario.profile;
  if (scenario.draft && (Object.keys(scenario.draft.edits).length > 0 || scenario.moves.length > 0)) {
    payload['d'] = [scenario.draft.kind, scenario.draft.edits];
  }
  return `${scenario.grant}.${scenario.seed}.${base64url(new TextEncoder().encode(JSON.stringify(payload)))}`;
}

function isFields(value: unknown): value is Fields {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_FIELDS &&
    entries.every(([k, v]) => FIELD_NAME.test(k) && typeof v === 'string' && v.length <= MAX_VALUE)
  );
}

const isMoveKind = (value: unknown): value is MoveKind =>
  typeof value === 'string' && Object.hasOwn(MOVE_TITLES, value);
const isRequestKind = (kind: MoveKind): kind is RequestMoveKind => (REQUEST_MOVES as readonly string[]).includes(kind);

function moveFromWire(value: unknown): Move | null {
  if (!Array.isArray(value) || !isMoveKind(value[0])) return null;
  const [kind, arg] = value as [MoveKind, unknown];
  if (isRequestKind(kind)) return value.length === 2 && isFields(arg) ? { kind, edits: { ...arg } } : null;
  if (kind === 'consent' || kind === 'device-user') return arg === 0 || arg === 1 ? { kind, approve: arg === 1 } : null;
  if (kind === 'wait') {
    return Number.isInteger(arg) && (arg as number) > 0 && (arg as number) <= MAX_WAIT
      ? { kind, seconds: arg as number }
      : null;
  }
  return value.length === 1 ? { kind } : null;
}

/** The scenario in a parameter value, or null for anything this module did not write. Never throws. */
export function decodeScenario(raw: string | null): Scenario | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  const [grant, seed, payload, ...rest] = raw.split('.');
  if (rest.length > 0 || !isGrantId(grant) || !seed || !SEED_PATTERN.test(seed)) return null;
  if (payload === undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  const text = fromBase64url(payload);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const { m, p, d, ...others } = data as Record<string, unknown>;
  if (Object.keys(others).length > 0 || !Array.isArray(m) || m.length > MAX_MOVES) return null;
  if (p !== undefined && p !== 'rfc6749') return null;
  const moves = m.map(moveFromWire);
  if (moves.some((move) => move === null)) return null;
  let draft: Scenario['draft'];
  if (d !== undefined) {
    if (!Array.isArray(d) || d.length !== 2 || !isMoveKind(d[0]) || !isFields(d[1])) return null;
    draft = { kind: d[0], edits: { ...d[1] } };
  }
  return { grant, seed, profile: p === 'rfc6749' ? 'rfc6749' : 'current', moves: moves as Move[], draft };
}

/**
 * A link to `href` with the playground's parameter set to `value`, every other parameter left byte for byte, and the
 * fragment set to `anchor` so the link opens at the playground. Returns path, query and hash.
 */
export function urlWithScenario(href: string, value: string, anchor: string): string {
  const url = new URL(href);
  const query = url.search.slice(1);
  const kept = query === '' ? [] : query.split('&').filter((part) => part.split('=')[0] !== PARAM);
  kept.push(`${PARAM}=${value}`);
  return `${url.pathname}?${kept.join('&')}#${anchor}`;
}
