/**
 * A playground session: the model's authorization server and API, the client's memory and the simulated clock.
 * `perform` plays one move against the model and returns the step to show; the same moves replay the same steps.
 */
import {
  authorizationRequest,
  callResource,
  citeRule,
  createAuthorizationServer,
  decide,
  decideDevice,
  deviceAuthorizationRequest,
  grantDirectly,
  handle,
  jwksOf,
  resourceRequest,
  RULES,
  tokenRequest,
  toWire,
  verifyJwt,
  type AuthorizationServer,
  type ClientCredentials,
  type Context,
  type ErrorCode,
  type Exchange,
  type HttpRequest,
  type Jwks,
  type Profile,
  type RuleId,
  type SigningKey,
} from '../lib/oauth/index.ts';
import { EXAMPLE_API, EXAMPLE_EPOCH, EXAMPLE_SERVER, EXAMPLE_USER } from '../examples/example-world.ts';
import { GRANTS, type GrantId } from './grants.ts';
import {
  availableMoves,
  defaultFields,
  MOVE_TITLES,
  type ClientMemory,
  type Fields,
  type Move,
  type MoveKind,
  type RequestMoveKind,
} from './moves.ts';
import { byteSource, seededMint } from './seeded.ts';
import { base64UrlEncode, s256 } from '../pkce/s256.ts';

/** What a step's result says, and the rule behind it when there is one. */
export interface StepResult {
  ok: boolean;
  /** One sentence for the reader. */
  text: string;
  rule?: RuleId;
  /** The error code the server (or client) produced; null for RFC 6750's "no error code". */
  error?: ErrorCode | null;
}

/** A decoded ID token and whether its signature verified against the playground's JWKS. */
export interface IdTokenView {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  verified: true;
}

/** One step as the playground shows it. */
export interface Step {
  /** 1-based. */
  number: number;
  kind: MoveKind;
  title: string;
  /** The simulated clock after the step, seconds since 1970. */
  at: number;
  request?: string | undefined;
  response?: string | undefined;
  result: StepResult;
  idToken?: IdTokenView | { reason: string } | undefined;
}

/** A running scenario. Mutable: `perform` advances it. */
export interface Session {
  grant: GrantId;
  profile: Profile;
  server: AuthorizationServer;
  jwks: Jwks;
  now: number;
  memory: ClientMemory;
  steps: Step[];
  /** The last request sent, for "send the same request again". */
  lastRequest?: HttpRequest;
}

/** How a session starts: the grant, the seed every made-up value derives from, the rules, the signing key. */
export interface SessionOptions {
  grant: GrantId;
  seed: string;
  profile: Profile;
  key: SigningKey;
}

const AS_HOST = new URL(EXAMPLE_SERVER.issuer).host;

/** Starts a scenario; the refresh-token grant starts with tokens granted earlier (outside the steps shown). */
export async function createSession({ grant, seed, profile, key }: SessionOptions): Promise<Session> {
  const bytes = byteSource(seed);
  const server = createAuthorizationServer(EXAMPLE_SERVER, key, seededMint(bytes));
  // The client makes its verifier (32 octets, RFC 7636 section 4.1) and S256 challenge with the site's PKCE module,
  // the same code the model's server checks them with; the octets come from the scenario's seed, so a shared link
  // replays the same values.
  const verifier = base64UrlEncode(bytes(32));
  const memory: ClientMemory = {
    state: base64UrlEncode(bytes(12)),
    nonce: base64UrlEncode(bytes(12)),
    verifier,
    challenge: await s256(verifier),
  };
  const session: Session = { grant, profile, server, jwks: jwksOf(key), now: EXAMPLE_EPOCH, memory, steps: [] };
  if (grant === 'refresh-token') {
    const { client_id, scope } = GRANTS[grant];
    const body = await grantDirectly(server, { client_id, sub: EXAMPLE_USER.sub, scope }, ctxOf(session));
    memory.accessToken = body.access_token;
    memory.refreshToken = body.refresh_token;
  }
  return session;
}

const ctxOf = (session: Session): Context => ({ now: session.now, profile: session.profile });

/** The moves allowed now, natural next step first (`wait` is always allowed too). */
export function movesOf(session: Session): MoveKind[] {
  return availableMoves(session.grant, session.memory);
}

/** The prefilled fields of a request move. */
export function fieldsOf(session: Session, kind: RequestMoveKind): Fields {
  return defaultFields(session.grant, session.memory, kind, EXAMPLE_USER);
}

/** "RFC 9700 section 2.1.1, MUST" and the address of that section. */
export function citationOf(rule: RuleId): { text: string; href: string } {
  const { doc, section } = RULES[rule];
  const href =
    doc === 'oidc-core-1_0'
      ? `https://openid.net/specs/openid-connect-core-1_0.html#rfc.section.${section}`
      : doc === 'draft-ietf-oauth-v2-1'
        ? `https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-${section}`
        : `https://www.rfc-editor.org/rfc/${doc}#section-${section}`;
  return { text: citeRule(rule), href };
}

/** Thrown when a move is not allowed at this point (a tampered link asks for it). */
export class MoveNotAllowed extends Error {}

const omitEmpty = (fields: Fields): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === '' ? undefined : v]));

function credentials(fields: Fields): { params: Record<string, string | undefined>; client: ClientCredentials } {
  const { client_id = '', client_secret, ...params } = fields;
  // A confidential client sends its secret in Authorization: Basic (RFC 6749 section 2.3.1); without one, its id.
  const client: ClientCredentials =
    client_secret !== undefined && client_secret !== ''
      ? { method: 'client_secret_basic', client_id, secret: client_secret }
      : { method: 'none', client_id };
  return { params: omitEmpty(params), client };
}

/** Plays one move and records its step. Throws MoveNotAllowed when the scenario does not allow it now. */
export async function perform(session: Session, move: Move): Promise<Step> {
  if (move.kind !== 'wait' && !movesOf(session).includes(move.kind)) {
    throw new MoveNotAllowed(`${move.kind} is not possible at step ${session.steps.length + 1}`);
  }
  const step = await play(session, move);
  session.steps.push(step);
  return step;
}

async function play(session: Session, move: Move): Promise<Step> {
  const { memory } = session;
  const base = { number: session.steps.length + 1, kind: move.kind, title: MOVE_TITLES[move.kind] };
  const at = (): number => session.now;
  if (move.kind === 'wait') {
    session.now += move.seconds;
    const time = new Date(session.now * 1000).toISOString().replace('.000Z', 'Z');
    return {
      ...base,
      at: at(),
      result: { ok: true, text: `${move.seconds} s pass; the simulated clock reads ${time}.` },
    };
  }
  if (move.kind === 'consent') {
    const ticket = memory.ticket ?? '';
    memory.ticket = undefined;
    const exchange = await decide(
      session.server,
      ticket,
      { sub: EXAMPLE_USER.sub, approve: move.approve },
      ctxOf(session),
    );
    const who = `${EXAMPLE_USER.username} signs in (simulated) and ${move.approve ? 'approves' : 'denies'} the request.`;
    return { ...base, at: at(), ...afterExchange(session, exchange, 'authorize'), result: resultOf(exchange, who) };
  }
  if (move.kind === 'device-user') {
    memory.deviceDecided = true;
    const code = memory.userCode ?? '';
    decideDevice(session.server, code, { sub: EXAMPLE_USER.sub, approve: move.approve }, ctxOf(session));
    const text = `${EXAMPLE_USER.username} opens ${EXAMPLE_SERVER.verificationUri} on a phone, signs in (simulated), enters ${code} and ${move.approve ? 'approves' : 'denies'}.`;
    return { ...base, at: at(), result: { ok: move.approve, text } };
  }
  if (move.kind === 'repeat') {
    const last = memory.last;
    const request = session.lastRequest;
    if (!last || !request) throw new MoveNotAllowed('nothing to repeat');
    return { ...base, at: at(), ...(await send(session, last.kind, request)) };
  }
  if (!('edits' in move)) throw new MoveNotAllowed(`${move.kind} takes no fields`);
  const defaults = fieldsOf(session, move.kind);
  const unknown = Object.keys(move.edits).filter((name) => !(name in defaults));
  if (unknown.length > 0) throw new MoveNotAllowed(`${move.kind} has no field ${unknown.join(', ')}`);
  const fields = { ...defaults, ...move.edits };
  if (move.kind === 'callback') return { ...base, at: at(), ...callback(session, fields) };
  const request = buildRequest(move.kind, fields);
  return { ...base, at: at(), ...(await send(session, move.kind, request)) };
}

function buildRequest(kind: Exclude<RequestMoveKind, 'callback'>, fields: Fields): HttpRequest {
  if (kind === 'authorize') return authorizationRequest(AS_HOST, omitEmpty(fields));
  if (kind === 'api')
    return resourceRequest(EXAMPLE_API.host, fields['path'] || '/', fields['access_token'] || undefined);
  const { params, client } = credentials(fields);
  if (kind === 'device') return deviceAuthorizationRequest(AS_HOST, params['scope'], client);
  return tokenRequest(AS_HOST, params, client);
}

type Shown = Pick<Step, 'request' | 'response' | 'result' | 'idToken'>;

async function send(session: Session, kind: RequestMoveKind, request: HttpRequest): Promise<Shown> {
  const { memory } = session;
  memory.justIssued = false;
  if (kind === 'authorize') {
    memory.sentState = new URLSearchParams(request.target.split('?')[1]).get('state') ?? undefined;
    memory.redirectUri = new URLSearchParams(request.target.split('?')[1]).get('redirect_uri') ?? undefined;
    memory.redirect = undefined;
  } else {
    memory.last = { kind, target: kind === 'api' ? 'api' : kind === 'device' ? 'device' : 'token' };
    session.lastRequest = request;
  }
  const exchange =
    kind === 'api'
      ? callResource(session.server, EXAMPLE_API, request, ctxOf(session))
      : await handle(session.server, request, ctxOf(session));
  if (!exchange) throw new MoveNotAllowed('no endpoint for this request');
  const shown = afterExchange(session, exchange, kind);
  const idToken = exchange.outcome.kind === 'tokens' ? exchange.outcome.body.id_token : undefined;
  return {
    ...shown,
    result: resultOf(exchange),
    ...(idToken !== undefined && { idToken: await decodeIdToken(idToken, session.jwks) }),
  };
}

async function decodeIdToken(jwt: string, jwks: Jwks): Promise<Step['idToken']> {
  const checked = await verifyJwt(jwt, jwks);
  return checked.ok ? { header: checked.header, claims: checked.claims, verified: true } : { reason: checked.reason };
}

/** Updates the client's memory from what the server answered; returns both messages as on the wire. */
function afterExchange(
  session: Session,
  exchange: Exchange,
  kind: RequestMoveKind,
): Pick<Step, 'request' | 'response'> {
  const { memory } = session;
  const { outcome } = exchange;
  if (outcome.kind === 'interaction') memory.ticket = outcome.ticket;
  if (
    outcome.kind === 'redirect' ||
    (outcome.kind === 'error' && outcome.channel === 'redirect' && kind === 'authorize')
  ) {
    const location = exchange.response.headers.find(([name]) => name === 'Location')?.[1] ?? '';
    const [uri = '', rest = ''] = location.split(/[?#]/);
    memory.redirect = { uri, params: Object.fromEntries(new URLSearchParams(rest)), fragment: location.includes('#') };
  }
  if (outcome.kind === 'device') {
    memory.deviceCode = outcome.body.device_code;
    memory.userCode = outcome.body.user_code;
    memory.deviceDecided = false;
    memory.deviceRedeemed = false;
  }
  if (outcome.kind === 'tokens') {
    memory.accessToken = outcome.body.access_token;
    if (outcome.body.refresh_token !== undefined) memory.refreshToken = outcome.body.refresh_token;
    if (kind === 'redeem') memory.codeRedeemed = true;
    if (kind === 'poll') memory.deviceRedeemed = true;
    memory.justIssued = true;
  }
  return { request: exchange.wire.request, response: exchange.wire.response };
}

function resultOf(exchange: Exchange, lead = ''): StepResult {
  const { outcome, response } = exchange;
  const prefix = lead ? `${lead} ` : '';
  switch (outcome.kind) {
    case 'error': {
      const where =
        outcome.channel === 'user'
          ? ' The server shows this error to the user and does not redirect.'
          : outcome.channel === 'redirect'
            ? ' The server sends the error back to the client in the redirect.'
            : '';
      const code = outcome.error ?? 'no error code';
      return {
        ok: false,
        text: `${prefix}${response.status} ${code}: ${outcome.description}.${where}`,
        rule: outcome.rule,
        error: outcome.error,
      };
    }
    case 'interaction':
      return {
        ok: true,
        text: `${prefix}The server shows its sign-in and consent page for ${outcome.client_id}: ${outcome.scope}.`,
      };
    case 'redirect':
      return {
        ok: true,
        text: `${prefix}The server redirects the browser to ${outcome.redirect_uri} with ${Object.keys(outcome.params).join(' and ')}${outcome.fragment ? ' in the fragment' : ''}.`,
      };
    case 'tokens':
      return { ok: true, text: `${prefix}The server issues tokens: ${Object.keys(outcome.body).join(', ')}.` };
    case 'device':
      return { ok: true, text: `The server answers with user_code ${outcome.body.user_code}; the TV shows it.` };
    case 'resource':
      return {
        ok: true,
        text: `The API answers 200 for ${outcome.sub ?? outcome.client_id} (scope ${outcome.scope}).`,
      };
  }
}

/** The client handles the redirect: it refuses one whose state is not the state it sent (RFC 6749 section 10.12). */
function callback(session: Session, fields: Fields): Shown {
  const { memory } = session;
  const redirect = memory.redirect;
  memory.redirect = undefined;
  const query = new URLSearchParams(fields).toString().replace(/\+/g, '%20');
  const url = new URL(redirect?.uri ?? 'https://app.example.com/callback');
  // A fragment never reaches the server: the browser keeps it and the client's script reads it.
  const request = redirect?.fragment
    ? `${url.href}#${query}`
    : toWire({
        kind: 'request',
        method: 'GET',
        target: `${url.pathname}?${query}`,
        headers: [['Host', url.host]],
        body: '',
      });
  if (fields['state'] !== memory.sentState) {
    return {
      request,
      result: {
        ok: false,
        text: `state in the redirect is "${fields['state'] ?? ''}", the client sent "${memory.sentState ?? ''}": it refuses the redirect and keeps nothing from it.`,
        rule: 'client-state-check',
        error: null,
      },
    };
  }
  if (fields['access_token'] !== undefined) {
    memory.accessToken = fields['access_token'];
    memory.justIssued = true;
    return {
      request,
      result: { ok: true, text: 'state matches; the client takes the access token from the fragment.' },
    };
  }
  memory.code = fields['code'];
  memory.codeRedeemed = false;
  return {
    request,
    result: { ok: true, text: 'state matches the one the client sent; it keeps the code to redeem it.' },
  };
}

/** Replays a shared scenario's moves on a fresh session; null when the link asks for a move the flow does not allow. */
export async function replay(options: SessionOptions, moves: readonly Move[]): Promise<Session | null> {
  const session = await createSession(options);
  try {
    for (const move of moves) await perform(session, move);
  } catch (error) {
    if (error instanceof MoveNotAllowed) return null;
    throw error;
  }
  return session;
}
