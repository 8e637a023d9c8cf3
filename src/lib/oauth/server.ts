/**
 * The authorization server: authorization endpoint, user decision, token endpoint and device authorization
 * endpoint, driven one HTTP message at a time on a simulated clock.
 */
import { RULES, type ErrorChannel, type Rule, type RuleId } from './rules.ts';
import {
  header,
  jsonResponse,
  parseForm,
  response,
  targetPath,
  targetQuery,
  toWire,
  type Header,
  type HttpRequest,
  type HttpResponse,
} from './http.ts';
import { atHash, base64url, s256, signJwt, type SigningKey } from './jose.ts';
import {
  DEVICE_CODE_GRANT,
  type ClientConfig,
  type ErrorCode,
  type GrantType,
  type MintKind,
  type PendingAuthorization,
  type Profile,
  type ServerConfig,
  type ServerState,
} from './types.ts';

/** A running authorization server: its configuration, its state (plain data), its signing key and how it mints values. */
export interface AuthorizationServer {
  config: ServerConfig;
  state: ServerState;
  key: SigningKey;
  mint: (kind: MintKind) => string;
}

/** The simulated moment and settings of one call. */
export interface Context {
  /** Seconds since 1970 on the simulated clock; the model never reads the real clock. */
  now: number;
  /** Which rules apply; `current` unless told otherwise. */
  profile?: Profile;
  /** Lifetimes for what this call issues, overriding the configuration. */
  ttl?: {
    access_token?: number;
    device_code?: number;
    interval?: number;
    auth_req_id?: number;
    request_uri?: number;
  };
}

/** A token endpoint success body (RFC 6749 section 5.1, OIDC Core section 3.1.3.3, RFC 8693 section 2.2.1). */
export interface TokenBody {
  access_token: string;
  /** DPoP when the token is bound to the client's DPoP key (RFC 9449 section 5). */
  token_type: 'Bearer' | 'DPoP';
  issued_token_type?: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  id_token?: string;
}

/** A device authorization response body (RFC 8628 section 3.2). */
export interface DeviceBody {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** What a step did, for a playground to show without parsing HTTP. `R`: the rule ids its errors can name. */
export type Outcome<R extends string = RuleId> =
  | { kind: 'error'; rule: R; error: ErrorCode | null; channel: ErrorChannel; description: string }
  | { kind: 'interaction'; ticket: string; client_id: string; scope: string }
  | { kind: 'redirect'; redirect_uri: string; params: Record<string, string>; fragment: boolean }
  | { kind: 'tokens'; grant: GrantType; body: TokenBody }
  | { kind: 'device'; body: DeviceBody }
  | { kind: 'resource'; client_id: string; sub?: string; scope: string };

/** One step: the request, the response, what happened, and both messages as on the wire. */
export interface Exchange<O = Outcome> {
  request: HttpRequest | undefined;
  response: HttpResponse;
  outcome: O;
  wire: { request: string | undefined; response: string };
}

const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ'; // RFC 8628 section 6.1: no vowels

function randomValue(kind: MintKind): string {
  if (kind === 'user_code') {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    const letters = Array.from(bytes, (b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length]).join('');
    return `${letters.slice(0, 4)}-${letters.slice(4)}`;
  }
  return base64url(crypto.getRandomValues(new Uint8Array(kind === 'device_code' ? 24 : 16)));
}

/** Creates a server with empty state (plus the configured consents); `mint` defaults to crypto-random values. */
export function createAuthorizationServer(
  config: ServerConfig,
  key: SigningKey,
  mint: (kind: MintKind) => string = randomValue,
): AuthorizationServer {
  const state: ServerState = {
    pending: {},
    codes: {},
    accessTokens: {},
    refreshTokens: {},
    devices: {},
    consents: [...(config.consents ?? [])],
    serial: 0,
  };
  return { config, state, key, mint };
}

/** A copy whose state can change without touching the original (same config, key and mint). */
export function forkServer(server: AuthorizationServer): AuthorizationServer {
  return { ...server, state: structuredClone(server.state) };
}

const scopesOf = (scope: string | undefined): string[] => (scope ?? '').split(' ').filter(Boolean);
const hostOf = (url: string): string => new URL(url).host;

/** Builds an Exchange with both messages on the wire. */
export function exchange<O>(request: HttpRequest | undefined, res: HttpResponse, outcome: O): Exchange<O> {
  return { request, response: res, outcome, wire: { request: request && toWire(request), response: toWire(res) } };
}

function ruleOf(id: RuleId): Rule {
  return RULES[id];
}

function applies(id: RuleId, ctx: Context): boolean {
  return !(ruleOf(id).current && ctx.profile === 'rfc6749');
}

function errorOutcome<R extends string>(
  id: R,
  description: string,
  rule: Rule = ruleOf(id as string as RuleId),
): Outcome<R> & { kind: 'error' } {
  const { error } = rule;
  if (!error) throw new Error(`Rule ${id} produces no error`);
  return { kind: 'error', rule: id, error: error.code, channel: error.channel, description };
}

/** An error the user sees at the authorization server: never a redirect (RFC 6749 section 4.1.2.1). */
export function userError<R extends string = RuleId>(
  request: HttpRequest,
  id: R,
  description: string,
  rule?: Rule,
): Exchange<Outcome<R>> {
  const page = `<!doctype html><title>Sign-in error</title><p>${description.replace(/</g, '&lt;')}</p>`;
  return exchange(
    request,
    response(400, [['Content-Type', 'text/html; charset=utf-8']], page),
    errorOutcome(id, description, rule),
  );
}

function redirectTo(uri: string, params: Record<string, string | undefined>, fragment: boolean): HttpResponse {
  const pairs = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  const encoded = new URLSearchParams(pairs).toString().replace(/\+/g, '%20');
  const separator = fragment ? '#' : uri.includes('?') ? '&' : '?';
  return response(302, [['Location', `${uri}${separator}${encoded}`]]);
}

/** A direct error response (RFC 6749 section 5.2), with WWW-Authenticate for invalid_client; `rule` for rules outside RULES. */
export function directError<R extends string = RuleId>(
  server: AuthorizationServer,
  request: HttpRequest,
  id: R,
  description: string,
  rule?: Rule,
): Exchange<Outcome<R>> {
  const outcome = errorOutcome(id, description, rule);
  const status = (rule ?? ruleOf(id as string as RuleId)).error?.status ?? 400;
  const headers: Header[] = [['Cache-Control', 'no-store']];
  // RFC 6749 section 5.2: a 401 names the scheme the client may use; MUST when it tried Basic.
  if (status === 401) headers.unshift(['WWW-Authenticate', `Basic realm="${hostOf(server.config.issuer)}"`]);
  return exchange(
    request,
    jsonResponse(status, { error: outcome.error, error_description: description }, headers),
    outcome,
  );
}

const LOOPBACK = /^(http:\/\/(?:127\.0\.0\.1|\[::1\]))(?::\d+)?(?=[/?#]|$)/;

/**
 * Exact string match (RFC 9700 section 2.1), except that a loopback IP redirect URI may name any port
 * (RFC 8252 sections 7.3 and 8.4): `http://127.0.0.1:51004/cb` matches a registered `http://127.0.0.1/cb`.
 */
export function redirectUriMatches(registered: string, sent: string): boolean {
  if (registered === sent) return true;
  return (
    LOOPBACK.test(sent) &&
    LOOPBACK.test(registered) &&
    sent.replace(LOOPBACK, '$1') === registered.replace(LOOPBACK, '$1')
  );
}

function findClient(server: AuthorizationServer, id: string | undefined): ClientConfig | undefined {
  return server.config.clients.find((c) => c.client_id === id);
}

/** Handles a request to the authorization server's endpoints; null when the path is none of them. */
export async function handle(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
): Promise<Exchange | null> {
  switch (targetPath(request.target)) {
    case '/authorize':
      return authorize(server, request, ctx);
    case '/token':
      return token(server, request, ctx);
    case '/device_authorization':
      return deviceAuthorization(server, request, ctx);
    default:
      return null;
  }
}

/** The authorization endpoint; `pushed` are the parameters of a pushed request (RFC 9126 section 4) instead of the request's own. */
export function authorize(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
  pushed?: Record<string, string>,
): Promise<Exchange> | Exchange {
  const params = pushed ?? parseForm(request.method === 'POST' ? request.body : targetQuery(request.target)).params;
  const client = findClient(server, params['client_id']);
  if (!client) {
    const id = params['client_id'];
    return userError(request, 'client-unknown', id ? `client_id "${id}" is not registered` : 'client_id is missing');
  }
  const scopes = scopesOf(params['scope']);
  const openid = scopes.includes('openid');
  let redirectUri = params['redirect_uri'];
  if (redirectUri !== undefined && !client.redirect_uris.some((r) => redirectUriMatches(r, redirectUri ?? ''))) {
    return userError(
      request,
      'redirect-uri-mismatch',
      `redirect_uri "${redirectUri}" is not registered for ${client.client_id} (registered: ${client.redirect_uris.join(', ')})`,
    );
  }
  if (redirectUri === undefined) {
    if (openid) return userError(request, 'openid-redirect-uri-required', 'an openid request must send redirect_uri');
    if (client.redirect_uris.length !== 1) {
      return userError(request, 'redirect-uri-required', `${client.client_id} has several redirect URIs; send one`);
    }
    redirectUri = client.redirect_uris[0] ?? '';
  }
  const target = redirectUri;
  const state = params['state'];
  const responseType = params['response_type'];
  const types = scopesOf(responseType);
  const fragment = types.includes('token') || types.includes('id_token');
  const fail = (id: RuleId, description: string): Exchange =>
    exchange(
      request,
      redirectTo(target, { error: ruleOf(id).error?.code ?? undefined, state }, fragment),
      errorOutcome(id, description),
    );

  if (types.includes('token') && applies('implicit-refused', ctx)) {
    return fail('implicit-refused', `response_type=${responseType} would put an access token in the redirect`);
  }
  if (responseType !== 'code' && responseType !== 'token') {
    return fail(
      'response-type-unsupported',
      responseType ? `response_type=${responseType} is not supported` : 'response_type is missing',
    );
  }
  const grant = responseType === 'code' ? 'authorization_code' : 'implicit';
  if (!client.grants.includes(grant))
    return fail('authorize-unauthorized-client', `${client.client_id} may not use the ${grant} grant`);
  const unknown = scopes.filter((s) => !client.scopes.includes(s));
  if (unknown.length)
    return fail('authorize-scope-not-allowed', `${client.client_id} may not request ${unknown.join(' ')}`);
  const challenge = params['code_challenge'];
  const method = params['code_challenge_method'];
  if (responseType === 'code') {
    if (challenge !== undefined) {
      if (method !== 'S256')
        return fail(
          'pkce-method-unsupported',
          `code_challenge_method ${method ?? 'plain (the default)'} is not supported; use S256`,
        );
    } else if (client.type === 'public' && applies('pkce-required-public', ctx)) {
      return fail('pkce-required-public', `${client.client_id} is a public client and sent no code_challenge`);
    } else if (
      client.type === 'confidential' &&
      !(openid && params['nonce']) &&
      applies('pkce-or-nonce-required', ctx)
    ) {
      return fail(
        'pkce-or-nonce-required',
        `${client.client_id} sent neither code_challenge nor an openid request with nonce`,
      );
    }
  }
  const pending: PendingAuthorization = {
    ticket: server.mint('ticket'),
    client_id: client.client_id,
    redirect_uri: target,
    redirect_uri_sent: params['redirect_uri'] !== undefined,
    response_type: responseType,
    // RFC 6749 section 3.3: an omitted scope gets the documented default, here every scope the client may use.
    scope: scopes.length ? scopes.join(' ') : client.scopes.join(' '),
    ...(state !== undefined && { state }),
    ...(params['nonce'] !== undefined && { nonce: params['nonce'] }),
    ...(challenge !== undefined && { code_challenge: challenge, code_challenge_method: 'S256' as const }),
    ...(params['dpop_jkt'] !== undefined && { dpop_jkt: params['dpop_jkt'] }),
    created_at: ctx.now,
  };
  if (scopesOf(params['prompt']).includes('none')) {
    const cookie = /(?:^|;\s*)as_session=([^;]+)/.exec(header(request, 'cookie') ?? '')?.[1];
    const sub = cookie === undefined ? undefined : server.config.sessions?.[cookie];
    if (sub === undefined)
      return fail(
        'prompt-none-login-required',
        'prompt=none and the browser has no session at the authorization server',
      );
    const consented = server.state.consents
      .filter((c) => c.sub === sub && c.client_id === client.client_id)
      .flatMap((c) => scopesOf(c.scope));
    if (!scopesOf(pending.scope).every((s) => consented.includes(s))) {
      return fail(
        'prompt-none-consent-required',
        `prompt=none and ${sub} has not consented to every scope for ${client.client_id}`,
      );
    }
    return complete(server, request, pending, sub, ctx);
  }
  server.state.pending[pending.ticket] = pending;
  const page = `<!doctype html><title>Sign in to ${client.client_id}</title><p>Sign in and approve: ${pending.scope}</p>`;
  return exchange(request, response(200, [['Content-Type', 'text/html; charset=utf-8']], page), {
    kind: 'interaction',
    ticket: pending.ticket,
    client_id: client.client_id,
    scope: pending.scope,
  });
}

/** The user's decision on a pending authorization request: sign-in as `sub`, then approve or deny. */
export async function decide(
  server: AuthorizationServer,
  ticket: string,
  decision: { sub: string; approve: boolean },
  ctx: Context,
): Promise<Exchange> {
  const pending = server.state.pending[ticket];
  if (!pending) throw new Error(`No pending authorization request ${ticket}`);
  delete server.state.pending[ticket];
  if (!decision.approve) {
    const res = redirectTo(
      pending.redirect_uri,
      { error: 'access_denied', state: pending.state },
      pending.response_type === 'token',
    );
    return exchange(undefined, res, errorOutcome('access-denied', `${decision.sub} declined`));
  }
  server.state.consents.push({ sub: decision.sub, client_id: pending.client_id, scope: pending.scope });
  return complete(server, undefined, pending, decision.sub, ctx);
}

async function complete(
  server: AuthorizationServer,
  request: HttpRequest | undefined,
  pending: PendingAuthorization,
  sub: string,
  ctx: Context,
): Promise<Exchange> {
  let params: Record<string, string>;
  if (pending.response_type === 'code') {
    const code = server.mint('code');
    server.state.codes[code] = {
      code,
      client_id: pending.client_id,
      redirect_uri: pending.redirect_uri,
      redirect_uri_sent: pending.redirect_uri_sent,
      scope: pending.scope,
      sub,
      ...(pending.nonce !== undefined && { nonce: pending.nonce }),
      ...(pending.code_challenge !== undefined && {
        code_challenge: pending.code_challenge,
        code_challenge_method: 'S256' as const,
      }),
      ...(pending.dpop_jkt !== undefined && { dpop_jkt: pending.dpop_jkt }),
      auth_time: ctx.now,
      expires_at: ctx.now + (server.config.codeTtl ?? 600),
      used: false,
      issued: [],
    };
    params = { code };
  } else {
    // Legacy implicit grant (RFC 6749 section 4.2.2): no refresh token, ever.
    const body = await issue(server, pending.client_id, sub, pending.scope, ctx, { family: server.mint('ticket') });
    params = {
      access_token: body.access_token,
      token_type: 'Bearer',
      expires_in: String(body.expires_in),
      scope: body.scope,
    };
  }
  if (pending.state !== undefined) params['state'] = pending.state;
  const fragment = pending.response_type === 'token';
  return exchange(request, redirectTo(pending.redirect_uri, params, fragment), {
    kind: 'redirect',
    redirect_uri: pending.redirect_uri,
    params,
    fragment,
  });
}

/** How `issue` binds and marks what it issues. */
export interface IssueOptions {
  /** Tokens issued, and revoked, together. */
  family: string;
  refresh?: boolean;
  idToken?: { nonce?: string; auth_time: number; acr?: string };
  /** Bind to this DPoP key: token_type DPoP, and a public client's refresh token too (RFC 9449 section 5). */
  jkt?: string;
  /** The resource server the access token is for; the server's default audience when omitted. */
  audience?: string;
  /** Who acts for the subject (RFC 8693 section 4.1). */
  actor?: string;
}

/** Issues an access token (and, as asked, a refresh token and an ID token) and records them. */
export async function issue(
  server: AuthorizationServer,
  clientId: string,
  sub: string | undefined,
  scope: string,
  ctx: Context,
  options: IssueOptions,
): Promise<TokenBody> {
  const client = findClient(server, clientId);
  const ttl = ctx.ttl?.access_token ?? client?.accessTokenTtl ?? server.config.accessTokenTtl ?? 3600;
  const accessToken = server.mint('access_token');
  server.state.accessTokens[accessToken] = {
    token: accessToken,
    client_id: clientId,
    ...(sub !== undefined && { sub }),
    scope,
    family: options.family,
    expires_at: ctx.now + ttl,
    revoked: false,
    ...(options.jkt !== undefined && { jkt: options.jkt }),
    ...((options.audience ?? server.config.defaultAudience) !== undefined && {
      audience: options.audience ?? server.config.defaultAudience,
    }),
    ...(options.actor !== undefined && { actor: options.actor }),
  };
  const tokenType = options.jkt === undefined ? 'Bearer' : 'DPoP';
  const body: TokenBody = { access_token: accessToken, token_type: tokenType, expires_in: ttl, scope };
  if (options.refresh) {
    const refreshToken = server.mint('refresh_token');
    server.state.refreshTokens[refreshToken] = {
      token: refreshToken,
      client_id: clientId,
      ...(sub !== undefined && { sub }),
      scope,
      family: options.family,
      used: false,
      revoked: false,
      // RFC 9449 section 5: only a public client's refresh token is bound to its DPoP key.
      ...(options.jkt !== undefined && client?.type === 'public' && { jkt: options.jkt }),
    };
    body.refresh_token = refreshToken;
  }
  if (options.idToken && sub !== undefined) {
    body.id_token = await signJwt(
      {
        iss: server.config.issuer,
        sub,
        aud: clientId,
        exp: ctx.now + (server.config.idTokenTtl ?? 3600),
        iat: ctx.now,
        auth_time: options.idToken.auth_time,
        ...(options.idToken.nonce !== undefined && { nonce: options.idToken.nonce }),
        ...(options.idToken.acr !== undefined && { acr: options.idToken.acr }),
        at_hash: await atHash(accessToken),
      },
      server.key,
    );
  }
  return body;
}

/** Issues tokens as if the user had authorized the client earlier, outside the steps shown (e.g. a playground's starting point). */
export async function grantDirectly(
  server: AuthorizationServer,
  grant: { client_id: string; sub: string; scope: string; audience?: string },
  ctx: Context,
): Promise<TokenBody> {
  return issue(server, grant.client_id, grant.sub, grant.scope, ctx, {
    family: server.mint('ticket'),
    refresh: true,
    ...(grant.audience !== undefined && { audience: grant.audience }),
  });
}

/** A successful token response (RFC 6749 section 5.1). */
export function tokenResponse(request: HttpRequest, grant: GrantType, body: TokenBody): Exchange {
  const headers: Header[] = [
    ['Cache-Control', 'no-store'],
    ['Pragma', 'no-cache'],
  ];
  return exchange(request, jsonResponse(200, body, headers), { kind: 'tokens', grant, body });
}

/** A POST with an application/x-www-form-urlencoded body. */
export function isFormPost(request: HttpRequest): boolean {
  const type = header(request, 'content-type') ?? '';
  return request.method === 'POST' && type.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** The authenticated client, or the rule its authentication broke. */
export type Authenticated = { client: ClientConfig } | { rule: RuleId; description: string };

/** client_id and secret from a Basic credential; each part was form-encoded first (RFC 6749 section 2.3.1). */
function decodeBasic(credential: string): [string, string] | null {
  try {
    const decoded = atob(credential);
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const part = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' '));
    return [part(decoded.slice(0, colon)), part(decoded.slice(colon + 1))];
  } catch {
    return null;
  }
}

/** Client authentication with a secret or none at the token and device endpoints (RFC 6749 sections 2.3.1 and 3.2.1). */
export function authenticate(
  server: AuthorizationServer,
  request: HttpRequest,
  params: Record<string, string>,
): Authenticated {
  const basic = /^Basic\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  const secret = params['client_secret'];
  if (basic !== undefined && secret !== undefined) {
    return {
      rule: 'client-auth-one-method',
      description: 'the secret is sent both in Authorization: Basic and in client_secret',
    };
  }
  if (basic !== undefined) {
    const decoded = decodeBasic(basic);
    if (!decoded) {
      return {
        rule: 'client-auth-failed',
        description: 'the Authorization: Basic value is not base64 of client_id:secret',
      };
    }
    const [id, password] = decoded;
    const client = findClient(server, id);
    if (!client || client.secret === undefined || client.secret !== password || (params['client_id'] ?? id) !== id) {
      return {
        rule: 'client-auth-failed',
        description: `Basic credentials for "${id}" do not match a registered client and secret`,
      };
    }
    return { client };
  }
  const client = findClient(server, params['client_id']);
  if (!client) {
    const id = params['client_id'];
    return {
      rule: 'client-auth-failed',
      description: id ? `client_id "${id}" is not registered` : 'no client authentication and no client_id',
    };
  }
  if (secret !== undefined) {
    if (client.secret === undefined || client.secret !== secret) {
      return { rule: 'client-auth-failed', description: `client_secret does not match ${client.client_id}` };
    }
    return { client };
  }
  if (client.type === 'confidential') {
    return {
      rule: 'client-auth-required',
      description: `${client.client_id} is confidential and did not authenticate`,
    };
  }
  return { client };
}

function revokeFamily(server: AuthorizationServer, family: string): void {
  for (const record of Object.values(server.state.accessTokens)) if (record.family === family) record.revoked = true;
  for (const record of Object.values(server.state.refreshTokens)) if (record.family === family) record.revoked = true;
}

/** The token endpoint; `options.client` was authenticated by the caller, `options.jkt` binds the tokens (RFC 9449 section 5). */
export async function token(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
  options: { client?: ClientConfig; jkt?: string } = {},
): Promise<Exchange> {
  const fail = (id: RuleId, description: string): Exchange => directError(server, request, id, description);
  if (!isFormPost(request)) return fail('token-request-post', 'a token request is a POST with a form-encoded body');
  const { params } = parseForm(request.body);
  const auth = options.client ? { client: options.client } : authenticate(server, request, params);
  const jkt = options.jkt;
  if ('rule' in auth) return fail(auth.rule, auth.description);
  const { client } = auth;
  const grant = params['grant_type'];
  if (grant === undefined) return fail('token-param-missing', 'grant_type is missing');
  if (grant === 'password' && applies('password-refused', ctx))
    return fail('password-refused', 'the password grant is not supported');
  const known: readonly string[] = [
    'authorization_code',
    'client_credentials',
    'refresh_token',
    'password',
    DEVICE_CODE_GRANT,
  ];
  if (!known.includes(grant)) return fail('grant-type-unsupported', `grant_type ${grant} is not supported`);
  const grantType = grant as GrantType;
  if (grantType === 'client_credentials' && client.type === 'public') {
    return fail('client-credentials-public', `${client.client_id} is a public client`);
  }
  if (!client.grants.includes(grantType))
    return fail('token-unauthorized-client', `${client.client_id} may not use ${grant}`);
  const refresh = client.grants.includes('refresh_token');
  const missing = (name: string): Exchange => fail('token-param-missing', `${name} is missing`);

  if (grantType === 'authorization_code') {
    const code = params['code'];
    if (code === undefined) return missing('code');
    const record = server.state.codes[code];
    if (!record) return fail('code-invalid', `code ${code} was not issued by this server`);
    if (record.client_id !== client.client_id)
      return fail('code-client-mismatch', `code ${code} was issued to ${record.client_id}`);
    if (ctx.now >= record.expires_at)
      return fail('code-expired', `code ${code} expired ${ctx.now - record.expires_at} s ago`);
    if (record.redirect_uri_sent && params['redirect_uri'] !== record.redirect_uri) {
      return fail(
        'code-redirect-uri-mismatch',
        `redirect_uri must be ${record.redirect_uri}, as in the authorization request`,
      );
    }
    const verifier = params['code_verifier'];
    if (record.code_challenge !== undefined) {
      if (verifier === undefined)
        return fail('pkce-verifier-missing', 'the code was issued with a code_challenge and no code_verifier was sent');
      const computed = await s256(verifier);
      if (computed !== record.code_challenge) {
        return fail(
          'pkce-verifier-mismatch',
          `S256 of the code_verifier is ${computed}, the code_challenge was ${record.code_challenge}`,
        );
      }
    } else if (verifier !== undefined) {
      return fail('pkce-downgrade', 'a code_verifier was sent for a code issued without code_challenge');
    }
    // Checked last: only an otherwise valid replay revokes tokens (OAuth 2.1 section 7.5.2).
    if (record.used) {
      revokeFamily(server, code);
      return fail('code-reuse', `code ${code} was already redeemed; the tokens issued with it are revoked`);
    }
    record.used = true;
    const body = await issue(server, client.client_id, record.sub, record.scope, ctx, {
      family: code,
      refresh,
      ...(jkt !== undefined && { jkt }),
      ...(scopesOf(record.scope).includes('openid') && {
        idToken: { auth_time: record.auth_time, ...(record.nonce !== undefined && { nonce: record.nonce }) },
      }),
    });
    return tokenResponse(request, grantType, body);
  }

  if (grantType === 'refresh_token') {
    const value = params['refresh_token'];
    if (value === undefined) return missing('refresh_token');
    const record = server.state.refreshTokens[value];
    if (!record || record.revoked) return fail('refresh-invalid', `refresh token ${value} is not valid`);
    if (record.client_id !== client.client_id)
      return fail('refresh-client-mismatch', `refresh token ${value} belongs to ${record.client_id}`);
    if (record.used) {
      revokeFamily(server, record.family);
      return fail('refresh-reuse', `refresh token ${value} was already rotated; its whole family is revoked`);
    }
    const requested = params['scope'] === undefined ? scopesOf(record.scope) : scopesOf(params['scope']);
    const extra = requested.filter((s) => !scopesOf(record.scope).includes(s));
    if (extra.length) return fail('refresh-scope-exceeds', `${extra.join(' ')} was not granted originally`);
    // RFC 9700 section 4.14.2: public clients get a new refresh token on every use.
    const rotate = client.type === 'public';
    if (rotate) record.used = true;
    const body = await issue(server, client.client_id, record.sub, requested.join(' '), ctx, {
      family: record.family,
      refresh: rotate,
      ...(jkt !== undefined && { jkt }),
    });
    if (rotate && body.refresh_token) {
      const fresh = server.state.refreshTokens[body.refresh_token];
      if (fresh) fresh.scope = record.scope; // RFC 6749 section 6: same scope as the token it replaces
    }
    return tokenResponse(request, grantType, body);
  }

  if (grantType === 'client_credentials' || grantType === 'password') {
    let sub: string | undefined;
    if (grantType === 'password') {
      const found = server.config.users.find((u) => u.username === params['username']);
      if (!found || found.password !== params['password']) {
        return fail('password-invalid-credentials', 'the username or password is wrong');
      }
      sub = found.sub;
    }
    const requested = scopesOf(params['scope']);
    const unknown = requested.filter((s) => !client.scopes.includes(s));
    if (unknown.length)
      return fail('token-scope-not-allowed', `${client.client_id} may not request ${unknown.join(' ')}`);
    const scope = requested.length ? requested.join(' ') : client.scopes.join(' ');
    // RFC 6749 section 4.4.3: no refresh token for client credentials.
    const body = await issue(server, client.client_id, sub, scope, ctx, {
      family: server.mint('ticket'),
      refresh: grantType === 'password' && refresh,
      ...(jkt !== undefined && { jkt }),
    });
    return tokenResponse(request, grantType, body);
  }

  const deviceCode = params['device_code'];
  if (deviceCode === undefined) return missing('device_code');
  const device = server.state.devices[deviceCode];
  if (!device || device.client_id !== client.client_id || device.status === 'redeemed') {
    return fail('device-code-invalid', `device_code ${deviceCode} is not a pending request of ${client.client_id}`);
  }
  if (ctx.now >= device.expires_at) return fail('device-expired', 'the device_code expired');
  if (device.status === 'denied') return fail('device-denied', 'the user declined');
  if (device.status === 'pending') {
    const early = device.last_poll !== undefined && ctx.now - device.last_poll < device.interval;
    device.last_poll = ctx.now;
    if (early) {
      device.interval += 5;
      return fail('device-slow-down', `polled sooner than the interval; wait ${device.interval} s from now on`);
    }
    return fail('device-pending', 'the user has not approved yet');
  }
  device.status = 'redeemed';
  const body = await issue(server, client.client_id, device.sub, device.scope, ctx, {
    family: deviceCode,
    refresh,
    ...(jkt !== undefined && { jkt }),
  });
  return tokenResponse(request, grantType, body);
}

async function deviceAuthorization(server: AuthorizationServer, request: HttpRequest, ctx: Context): Promise<Exchange> {
  const fail = (id: RuleId, description: string): Exchange => directError(server, request, id, description);
  if (!isFormPost(request))
    return fail('device-request-post', 'a device authorization request is a POST with a form-encoded body');
  const { params } = parseForm(request.body);
  const auth = authenticate(server, request, params);
  if ('rule' in auth) return fail(auth.rule, auth.description);
  const { client } = auth;
  if (!client.grants.includes(DEVICE_CODE_GRANT))
    return fail('token-unauthorized-client', `${client.client_id} may not use the device grant`);
  const requested = scopesOf(params['scope']);
  const unknown = requested.filter((s) => !client.scopes.includes(s));
  if (unknown.length)
    return fail('token-scope-not-allowed', `${client.client_id} may not request ${unknown.join(' ')}`);
  const expiresIn = ctx.ttl?.device_code ?? server.config.deviceCodeTtl ?? 900;
  const interval = ctx.ttl?.interval ?? server.config.deviceInterval ?? 5;
  const deviceCode = server.mint('device_code');
  const userCode = server.mint('user_code');
  server.state.devices[deviceCode] = {
    device_code: deviceCode,
    user_code: userCode,
    client_id: client.client_id,
    scope: requested.length ? requested.join(' ') : client.scopes.join(' '),
    expires_at: ctx.now + expiresIn,
    interval,
    status: 'pending',
  };
  const uri = server.config.verificationUri;
  const body: DeviceBody = {
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: uri,
    verification_uri_complete: `${uri}?user_code=${encodeURIComponent(userCode)}`,
    expires_in: expiresIn,
    interval,
  };
  return exchange(request, jsonResponse(200, body, [['Cache-Control', 'no-store']]), { kind: 'device', body });
}

/** The user enters a user_code on the other device and approves or denies; false when no pending request has that code. */
export function decideDevice(
  server: AuthorizationServer,
  userCode: string,
  decision: { sub: string; approve: boolean },
  ctx: Context,
): boolean {
  const device = Object.values(server.state.devices).find(
    (d) => d.user_code === userCode && d.status === 'pending' && ctx.now < d.expires_at,
  );
  if (!device) return false;
  device.status = decision.approve ? 'approved' : 'denied';
  device.sub = decision.sub;
  return true;
}

/** A protected resource: requests under `path` need `scope`. */
export interface ProtectedResource {
  path: string;
  scope: string;
}

/** A resource server that accepts the authorization server's bearer tokens. */
export interface ResourceServerConfig {
  host: string;
  /** Its resource URI or logical name, the audience of tokens meant for it (RFC 9700 section 2.3, RFC 8707). */
  audience?: string;
  resources: readonly ProtectedResource[];
}

/** A request to the resource server with a bearer token (RFC 6750 sections 2.1 and 3); `scheme` DPoP once its proof was checked (RFC 9449 section 7.1). */
export function callResource(
  server: AuthorizationServer,
  resourceServer: ResourceServerConfig,
  request: HttpRequest,
  ctx: Context,
  scheme: 'Bearer' | 'DPoP' = 'Bearer',
): Exchange {
  const realm = `${scheme} realm="${resourceServer.host}"`;
  const fail = (id: RuleId, description: string, extra = ''): Exchange => {
    const outcome = errorOutcome(id, description);
    const challenge = outcome.error
      ? `${realm}, error="${outcome.error}", error_description="${description}"${extra}`
      : realm;
    return exchange(request, response(ruleOf(id).error?.status ?? 401, [['WWW-Authenticate', challenge]]), outcome);
  };
  const value = new RegExp(`^${scheme}\\s+(\\S+)$`, 'i').exec(header(request, 'authorization') ?? '')?.[1];
  if (value === undefined) return fail('bearer-missing', 'the request carries no access token');
  const record = server.state.accessTokens[value];
  if (!record || record.revoked) return fail('bearer-invalid', 'the access token is not valid');
  if (ctx.now >= record.expires_at) return fail('bearer-expired', 'the access token expired');
  const path = targetPath(request.target);
  const needed = resourceServer.resources.find((r) => path === r.path || path.startsWith(`${r.path}/`))?.scope;
  if (needed !== undefined && !scopesOf(record.scope).includes(needed)) {
    return fail('bearer-insufficient-scope', `${path} needs the ${needed} scope`, `, scope="${needed}"`);
  }
  const outcome: Outcome = {
    kind: 'resource',
    client_id: record.client_id,
    ...(record.sub !== undefined && { sub: record.sub }),
    scope: record.scope,
  };
  return exchange(request, jsonResponse(200, { path, sub: record.sub ?? null }), outcome);
}
