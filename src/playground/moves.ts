/**
 * The moves a reader can make at each point of a scenario: what each is called, which fields it sends, their
 * prefilled values, and which moves the scenario allows next (the first one is the flow's natural next step).
 */
import { EXAMPLE_SERVER } from '../examples/example-world.ts';
import { GRANTS, type GrantId } from './grants.ts';

/** One thing the reader makes happen. */
export type MoveKind =
  | 'authorize'
  | 'consent'
  | 'callback'
  | 'redeem'
  | 'refresh'
  | 'credentials'
  | 'password'
  | 'device'
  | 'device-user'
  | 'poll'
  | 'api'
  | 'repeat'
  | 'wait';

/** Field values of a request move, by parameter name; an empty value leaves the parameter out. */
export type Fields = Record<string, string>;

/** A move as the URL records it: the edits the reader made to its prefilled fields, or a yes/no, or seconds. */
export type Move =
  | {
      kind: 'authorize' | 'callback' | 'redeem' | 'refresh' | 'credentials' | 'password' | 'device' | 'poll' | 'api';
      edits: Fields;
    }
  | { kind: 'consent' | 'device-user'; approve: boolean }
  | { kind: 'wait'; seconds: number }
  | { kind: 'repeat' };

/** Moves whose fields the reader edits. */
export type RequestMoveKind = Extract<Move, { edits: Fields }>['kind'];

/** Titles of the steps each move makes. */
export const MOVE_TITLES: Readonly<Record<MoveKind, string>> = {
  authorize: 'Authorization request',
  consent: 'The user signs in and decides',
  callback: 'The redirect reaches the client, which checks state',
  redeem: 'Token request: redeem the code',
  refresh: 'Token request: refresh',
  credentials: 'Token request: client credentials',
  password: 'Token request: username and password',
  device: 'Device authorization request',
  'device-user': 'The user enters the code on another device',
  poll: 'Token request: poll with the device code',
  api: 'Call the API',
  repeat: 'Send the same request again',
  wait: 'Advance the clock',
};

/** Kinds that carry editable fields. */
export const REQUEST_MOVES: readonly RequestMoveKind[] = [
  'authorize',
  'callback',
  'redeem',
  'refresh',
  'credentials',
  'password',
  'device',
  'poll',
  'api',
];

/** What the client remembers between steps; the prefilled fields come from here. */
export interface ClientMemory {
  /** Made up before the authorization request. */
  state: string;
  nonce: string;
  verifier: string;
  challenge: string;
  /** What the client actually sent in its last authorization request. */
  sentState?: string | undefined;
  redirectUri?: string | undefined;
  /** The server's sign-in page is open for this request. */
  ticket?: string | undefined;
  /** The last redirect, not yet handled by the client. */
  redirect?: { uri: string; params: Fields; fragment: boolean } | undefined;
  code?: string | undefined;
  codeRedeemed?: boolean;
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
  deviceCode?: string | undefined;
  userCode?: string | undefined;
  deviceDecided?: boolean;
  deviceRedeemed?: boolean;
  /** The last request sent to the server or the API, for "send the same request again". */
  last?: { kind: RequestMoveKind; target: 'token' | 'device' | 'api' } | undefined;
  /** The last step issued tokens. */
  justIssued?: boolean;
}

const REDIRECT_URI = 'https://app.example.com/callback';

function clientAuth(grant: GrantId): Fields {
  const secret = EXAMPLE_SERVER.clients.find((c) => c.client_id === GRANTS[grant].client_id)?.secret;
  return secret === undefined
    ? { client_id: GRANTS[grant].client_id }
    : { client_id: GRANTS[grant].client_id, client_secret: secret };
}

/** The prefilled fields of a request move, in the order the form shows them. */
export function defaultFields(
  grant: GrantId,
  memory: ClientMemory,
  kind: RequestMoveKind,
  user: { username: string; password: string },
): Fields {
  const info = GRANTS[grant];
  switch (kind) {
    case 'authorize': {
      const fields: Fields = {
        response_type: grant === 'implicit' ? 'token' : 'code',
        client_id: info.client_id,
        redirect_uri: REDIRECT_URI,
        scope: info.scope,
        state: memory.state,
      };
      if (grant === 'implicit') return fields;
      fields['code_challenge'] = memory.challenge;
      fields['code_challenge_method'] = 'S256';
      if (info.scope.split(' ').includes('openid')) fields['nonce'] = memory.nonce;
      return fields;
    }
    case 'callback':
      return { ...memory.redirect?.params };
    case 'redeem':
      return {
        grant_type: 'authorization_code',
        code: memory.code ?? '',
        redirect_uri: memory.redirectUri ?? '',
        code_verifier: memory.verifier,
        ...clientAuth(grant),
      };
    case 'refresh':
      return { grant_type: 'refresh_token', refresh_token: memory.refreshToken ?? '', scope: '', ...clientAuth(grant) };
    case 'credentials':
      return { grant_type: 'client_credentials', scope: info.scope, ...clientAuth(grant) };
    case 'password':
      return {
        grant_type: 'password',
        username: user.username,
        password: user.password,
        scope: info.scope,
        ...clientAuth(grant),
      };
    case 'device':
      return { scope: info.scope, ...clientAuth(grant) };
    case 'poll':
      return {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        device_code: memory.deviceCode ?? '',
        ...clientAuth(grant),
      };
    case 'api':
      return { path: info.api, access_token: memory.accessToken ?? '' };
  }
}

/** The move that starts (or restarts) a grant. */
export function firstMove(grant: GrantId): MoveKind {
  switch (grant) {
    case 'client-credentials':
      return 'credentials';
    case 'password':
      return 'password';
    case 'device-code':
      return 'device';
    case 'refresh-token':
      return 'refresh';
    default:
      return 'authorize';
  }
}

/** The moves allowed now, the flow's natural next step first; `wait` is always allowed and not listed. */
export function availableMoves(grant: GrantId, memory: ClientMemory): MoveKind[] {
  const moves: MoveKind[] = [];
  const add = (kind: MoveKind, when = true): void => {
    if (when && !moves.includes(kind)) moves.push(kind);
  };
  const redirectCarries =
    memory.redirect !== undefined && ('code' in memory.redirect.params || 'access_token' in memory.redirect.params);
  add('consent', memory.ticket !== undefined);
  add('callback', redirectCarries);
  add('redeem', memory.code !== undefined && !memory.codeRedeemed);
  add('device-user', memory.userCode !== undefined && !memory.deviceDecided && !memory.deviceRedeemed);
  add('poll', memory.deviceCode !== undefined && !memory.deviceRedeemed);
  add('api', memory.justIssued === true && memory.accessToken !== undefined);
  add('refresh', memory.refreshToken !== undefined);
  add('api', memory.accessToken !== undefined);
  add(firstMove(grant));
  add('repeat', memory.last !== undefined);
  return moves;
}
