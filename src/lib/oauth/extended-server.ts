/**
 * The authorization server and resource servers with the extensions the base model leaves out: pushed
 * authorization requests (RFC 9126), CIBA in poll mode (OpenID Connect CIBA Core), token exchange (RFC 8693),
 * DPoP (RFC 9449), private_key_jwt client authentication (OIDC Core section 9) and audience-restricted tokens
 * (RFC 9700 section 2.3). It wraps the base server's endpoints; nothing in the base imports it.
 */
import { EXTENSION_RULES, type AnyRuleId, type ExtensionRuleId } from './extension-rules.ts';
import { header, jsonResponse, parseForm, response, targetPath, targetQuery, type HttpRequest } from './http.ts';
import { jwksOf, sha256, base64url, verifyJwt } from './jose.ts';
import { decodeJws, jwkThumbprint, PRIVATE_MEMBERS, verifyWithJwk } from './jwk.ts';
import { RULES, type Rule } from './rules.ts';
import {
  authenticate,
  authorize,
  callResource,
  directError,
  exchange,
  forkServer,
  handle,
  isFormPost,
  issue,
  token,
  tokenResponse,
  userError,
  type AuthorizationServer,
  type Context,
  type Exchange,
  type Outcome,
  type ResourceServerConfig,
} from './server.ts';
import {
  CIBA_GRANT,
  TOKEN_EXCHANGE_GRANT,
  type BackchannelRecord,
  type ClientConfig,
  type PublicKeyJwk,
} from './types.ts';

/** A pushed authorization response body (RFC 9126 section 2.2). */
export interface PushedBody {
  request_uri: string;
  expires_in: number;
}

/** A CIBA authentication request acknowledgement body (CIBA section 7.3). */
export interface BackchannelBody {
  auth_req_id: string;
  expires_in: number;
  interval: number;
}

/** What a step of the extended server did: the base outcomes with any rule, a pushed request, or a CIBA acknowledgement. */
export type ExtendedOutcome =
  Outcome<AnyRuleId> | { kind: 'pushed'; body: PushedBody } | { kind: 'backchannel'; body: BackchannelBody };

/** One step of the extended server. */
export type ExtendedExchange = Exchange<ExtendedOutcome>;

/** The token type identifier of an OAuth access token (RFC 8693 section 3). */
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** The client_assertion_type of a JWT client assertion (OIDC Core section 9). */
export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const HINTS = ['login_hint', 'login_hint_token', 'id_token_hint'] as const;
const scopesOf = (scope: string | undefined): string[] => (scope ?? '').split(' ').filter(Boolean);

function rule(id: ExtensionRuleId): Rule {
  return EXTENSION_RULES[id];
}

function fail(server: AuthorizationServer, request: HttpRequest, id: ExtensionRuleId, description: string) {
  return directError(server, request, id, description, rule(id));
}

function findClient(server: AuthorizationServer, id: unknown): ClientConfig | undefined {
  return server.config.clients.find((c) => c.client_id === id);
}

/** Handles a request to any endpoint of the extended authorization server; null when the path is none of them. */
export async function handleExtended(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
): Promise<ExtendedExchange | null> {
  switch (targetPath(request.target)) {
    case '/par':
      return pushedAuthorization(server, request, ctx);
    case '/bc-authorize':
      return backchannelAuthentication(server, request, ctx);
    case '/authorize':
      return authorizeWithRequestUri(server, request, ctx);
    case '/token':
      return tokenExtended(server, request, ctx);
    default:
      return handle(server, request, ctx);
  }
}

type ClientAuth = { client: ClientConfig } | { rule: AnyRuleId; description: string };

/** Remembers a jti until `until`; false when it was seen before. */
function firstUse(server: AuthorizationServer, key: string, until: number, now: number): boolean {
  const jtis = (server.state.jtis ??= {});
  const seen = jtis[key];
  if (seen !== undefined && seen > now) return false;
  jtis[key] = until;
  return true;
}

/** Client authentication with a secret, none, or a private_key_jwt assertion (OIDC Core section 9). */
async function authenticateClient(
  server: AuthorizationServer,
  request: HttpRequest,
  params: Record<string, string>,
  endpoint: string,
  ctx: Context,
): Promise<ClientAuth> {
  const type = params['client_assertion_type'];
  const assertion = params['client_assertion'];
  if (type === undefined && assertion === undefined) return authenticate(server, request, params);
  if (header(request, 'authorization') !== undefined || params['client_secret'] !== undefined) {
    return { rule: 'client-auth-one-method', description: 'the request carries a client assertion and a secret' };
  }
  if (type !== JWT_BEARER_ASSERTION || assertion === undefined) {
    return {
      rule: 'client-assertion-type',
      description: `client_assertion_type must be ${JWT_BEARER_ASSERTION}, with a client_assertion`,
    };
  }
  const invalid = (why: string): ClientAuth => ({
    rule: 'client-assertion-invalid',
    description: `the client_assertion ${why}`,
  });
  const jws = decodeJws(assertion);
  if (typeof jws === 'string') return invalid(jws);
  const { iss, sub, aud, exp, jti } = jws.claims;
  const client = findClient(server, iss);
  if (!client) return invalid(`names iss ${JSON.stringify(iss)}, which is not a registered client_id`);
  if (sub !== iss)
    return invalid(`has sub ${JSON.stringify(sub)}; iss and sub are both the client_id ${client.client_id}`);
  if (params['client_id'] !== undefined && params['client_id'] !== client.client_id) {
    return invalid(`is for ${client.client_id}, the request's client_id is ${params['client_id']}`);
  }
  const keys = client.jwks?.keys ?? [];
  const key = keys.find((k) => k.kid === jws.header['kid']) ?? (keys.length === 1 ? keys[0] : undefined);
  if (!key)
    return invalid(`is signed with kid ${JSON.stringify(jws.header['kid'])}, not a key ${client.client_id} registered`);
  const signature = await verifyWithJwk(jws, key);
  if (signature) return invalid(`is not signed by the key ${client.client_id} registered: ${signature}`);
  // CIBA section 7.1 and RFC 9126 section 2: the issuer, the token endpoint or this endpoint identify the server.
  const issuer = server.config.issuer;
  const accepted = [issuer, `${issuer}/token`, `${issuer}${endpoint}`];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.some((a) => accepted.includes(a as string))) {
    return invalid(`has aud ${JSON.stringify(aud)}; use the issuer ${issuer}`);
  }
  if (typeof exp !== 'number' || ctx.now >= exp) return invalid(`expired (exp ${String(exp)}, now ${ctx.now})`);
  if (typeof jti !== 'string') return invalid('has no jti');
  if (!firstUse(server, `assertion ${client.client_id} ${jti}`, exp, ctx.now)) {
    return { rule: 'client-assertion-replay', description: `the client_assertion with jti ${jti} was used before` };
  }
  return { client };
}

type Proof = { jkt: string } | { rule: ExtensionRuleId; description: string };

/** Checks the request's DPoP proof as RFC 9449 section 4.3 lists; undefined when it carries none. */
async function checkProof(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
  accessToken?: string,
): Promise<Proof | undefined> {
  const headers = request.headers.filter(([n]) => n.toLowerCase() === 'dpop');
  if (headers.length === 0) return undefined;
  const id: ExtensionRuleId = accessToken === undefined ? 'dpop-proof-invalid' : 'dpop-resource-proof-invalid';
  const invalid = (why: string): Proof => ({ rule: id, description: `the DPoP proof ${why}` });
  if (headers.length > 1) return invalid('header is sent more than once');
  const jws = decodeJws(headers[0]?.[1] ?? '');
  if (typeof jws === 'string') return invalid(`is not a JWT: ${jws}`);
  if (jws.header['typ'] !== 'dpop+jwt') return invalid(`has typ ${String(jws.header['typ'])}, not dpop+jwt`);
  const jwk = jws.header['jwk'] as PublicKeyJwk | undefined;
  if (!jwk || typeof jwk !== 'object') return invalid('has no jwk header');
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) return invalid('carries a private or symmetric key in jwk');
  const signature = await verifyWithJwk(jws, jwk);
  if (signature) return invalid(`is not signed by the key in its jwk header: ${signature}`);
  const { jti, htm, htu, iat, ath } = jws.claims;
  if (typeof jti !== 'string') return invalid('has no jti');
  if (htm !== request.method) return invalid(`has htm ${String(htm)}, the request is ${request.method}`);
  const uri = `https://${(header(request, 'host') ?? '').toLowerCase()}${targetPath(request.target)}`;
  if (htu !== uri) return invalid(`has htu ${String(htu)}, the request is to ${uri}`);
  const window = server.config.proofWindow ?? 120;
  if (typeof iat !== 'number' || Math.abs(ctx.now - iat) > window) {
    return invalid(`was made at ${String(iat)}, more than ${window} s from the server's time ${ctx.now}`);
  }
  if (accessToken !== undefined && ath !== base64url(await sha256(accessToken))) {
    return invalid('has no ath, or its ath is not the SHA-256 hash of the access token');
  }
  if (!firstUse(server, `dpop ${uri} ${jti}`, iat + window, ctx.now)) {
    return { rule: 'dpop-proof-replay', description: `a DPoP proof with jti ${jti} was already used at ${uri}` };
  }
  return { jkt: await jwkThumbprint(jwk) };
}

async function tokenExtended(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
): Promise<ExtendedExchange> {
  if (!isFormPost(request)) return token(server, request, ctx);
  const { params } = parseForm(request.body);
  const auth = await authenticateClient(server, request, params, '/token', ctx);
  if ('rule' in auth) return directError(server, request, auth.rule, auth.description, anyRuleOf(auth.rule));
  const { client } = auth;
  const proof = await checkProof(server, request, ctx);
  if (proof && 'rule' in proof) return fail(server, request, proof.rule, proof.description);
  const jkt = proof?.jkt;
  const grant = params['grant_type'];
  if (grant === CIBA_GRANT || grant === TOKEN_EXCHANGE_GRANT) {
    if (!client.grants.includes(grant)) {
      return directError(server, request, 'token-unauthorized-client', `${client.client_id} may not use ${grant}`);
    }
    return grant === CIBA_GRANT
      ? cibaToken(server, request, ctx, client, params, jkt)
      : tokenExchange(server, request, ctx, client, params, jkt);
  }
  const code = grant === 'authorization_code' ? server.state.codes[params['code'] ?? ''] : undefined;
  if (code?.dpop_jkt !== undefined && code.client_id === client.client_id && code.dpop_jkt !== jkt) {
    return fail(
      server,
      request,
      'dpop-code-binding',
      jkt === undefined
        ? `the code was requested with dpop_jkt ${code.dpop_jkt}, and the token request has no DPoP proof`
        : `the DPoP proof's key has thumbprint ${jkt}, the code was requested with dpop_jkt ${code.dpop_jkt}`,
    );
  }
  const refresh = grant === 'refresh_token' ? server.state.refreshTokens[params['refresh_token'] ?? ''] : undefined;
  if (refresh?.jkt !== undefined && refresh.client_id === client.client_id && refresh.jkt !== jkt) {
    return fail(server, request, 'dpop-refresh-binding', `the refresh token is bound to the DPoP key ${refresh.jkt}`);
  }
  return token(server, request, ctx, { client, ...(jkt !== undefined && { jkt }) });
}

function anyRuleOf(id: AnyRuleId): Rule | undefined {
  return id in EXTENSION_RULES ? rule(id as ExtensionRuleId) : undefined;
}

/** POST /par (RFC 9126 section 2): validated as the authorization endpoint would, answered 201 with a request_uri. */
async function pushedAuthorization(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
): Promise<ExtendedExchange> {
  if (request.method !== 'POST') {
    return exchange(request, response(405, [['Allow', 'POST']]), {
      kind: 'error',
      rule: 'par-request-post',
      error: null,
      channel: 'direct',
      description: `${request.method} is not allowed at the pushed authorization request endpoint`,
    });
  }
  const { params } = parseForm(request.body);
  const auth = await authenticateClient(server, request, params, '/par', ctx);
  if ('rule' in auth) return directError(server, request, auth.rule, auth.description, anyRuleOf(auth.rule));
  const { client } = auth;
  if (params['request_uri'] !== undefined) {
    return fail(server, request, 'par-request-uri-forbidden', 'a pushed request does not carry request_uri');
  }
  const proof = await checkProof(server, request, ctx);
  if (proof && 'rule' in proof) return fail(server, request, proof.rule, proof.description);
  const pushed: Record<string, string> = { ...params, client_id: client.client_id };
  for (const name of ['client_secret', 'client_assertion', 'client_assertion_type']) delete pushed[name];
  if (proof) {
    const given = pushed['dpop_jkt'];
    if (given !== undefined && given !== proof.jkt) {
      return fail(
        server,
        request,
        'dpop-par-jkt-mismatch',
        `dpop_jkt is ${given}, the DPoP proof's key has thumbprint ${proof.jkt}`,
      );
    }
    pushed['dpop_jkt'] = proof.jkt; // RFC 9449 section 10.1: as if sent as dpop_jkt
  }
  // RFC 9126 section 2.1: validate the pushed request as the authorization endpoint would, without the user.
  const trial = await authorize(forkServer(server), request, ctx, pushed);
  const { outcome } = trial;
  if (outcome.kind === 'error' && !outcome.rule.startsWith('prompt-none')) {
    // RFC 9126 section 2.3: the token endpoint's error format; invalid_request where the user would have seen it.
    const code = outcome.channel === 'user' ? 'invalid_request' : (outcome.error ?? 'invalid_request');
    const errorRule: Rule = { ...RULES[outcome.rule], error: { code, status: 400, channel: 'direct' } };
    return directError(server, request, outcome.rule, outcome.description, errorRule);
  }
  const minted = server.mint('request_uri');
  const requestUri = minted.startsWith('urn:') ? minted : `urn:ietf:params:oauth:request_uri:${minted}`;
  const expiresIn = ctx.ttl?.request_uri ?? server.config.requestUriTtl ?? 60;
  (server.state.pushed ??= {})[requestUri] = {
    request_uri: requestUri,
    client_id: client.client_id,
    params: pushed,
    expires_at: ctx.now + expiresIn,
    used: false,
  };
  const body: PushedBody = { request_uri: requestUri, expires_in: expiresIn };
  return exchange(request, jsonResponse(201, body, [['Cache-Control', 'no-cache, no-store']]), {
    kind: 'pushed',
    body,
  });
}

/** GET /authorize with a request_uri from the PAR endpoint (RFC 9126 section 4); any other request as the base server. */
async function authorizeWithRequestUri(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
): Promise<ExtendedExchange> {
  const query = parseForm(request.method === 'POST' ? request.body : targetQuery(request.target)).params;
  const uri = query['request_uri'];
  if (uri === undefined) return authorize(server, request, ctx);
  const record = server.state.pushed?.[uri];
  const invalid = (id: ExtensionRuleId, why: string) => userError(request, id, why, rule(id));
  if (!record) return invalid('par-request-uri-invalid', `request_uri ${uri} was not issued by this server`);
  if (record.used) return invalid('par-request-uri-invalid', `request_uri ${uri} was used before`);
  if (ctx.now >= record.expires_at) return invalid('par-request-uri-invalid', `request_uri ${uri} expired`);
  if (query['client_id'] !== record.client_id) {
    return invalid('par-request-uri-client', `request_uri ${uri} was pushed by ${record.client_id}`);
  }
  record.used = true;
  return authorize(server, request, ctx, record.params);
}

/** POST /bc-authorize (CIBA section 7): authenticates the client, finds the user from the hint, acknowledges. */
async function backchannelAuthentication(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
): Promise<ExtendedExchange> {
  const no = (id: ExtensionRuleId, why: string) => fail(server, request, id, why);
  if (!isFormPost(request)) return no('ciba-request-post', 'a backchannel authentication request is a form POST');
  const { params } = parseForm(request.body);
  const auth = await authenticateClient(server, request, params, '/bc-authorize', ctx);
  if ('rule' in auth) return directError(server, request, auth.rule, auth.description, anyRuleOf(auth.rule));
  const { client } = auth;
  if (client.type === 'public') return no('ciba-client-auth-required', `${client.client_id} did not authenticate`);
  if (!client.grants.includes(CIBA_GRANT))
    return no('ciba-unauthorized-client', `${client.client_id} may not use CIBA`);
  const scopes = scopesOf(params['scope']);
  if (!scopes.includes('openid')) return no('ciba-openid-required', 'scope does not contain openid');
  const unknown = scopes.filter((s) => !client.scopes.includes(s));
  if (unknown.length) {
    return directError(
      server,
      request,
      'token-scope-not-allowed',
      `${client.client_id} may not request ${unknown.join(' ')}`,
    );
  }
  const hints = HINTS.filter((h) => params[h] !== undefined);
  if (hints.length !== 1) {
    return no('ciba-one-hint', hints.length ? `the request has ${hints.join(' and ')}` : 'the request names no user');
  }
  const sub = await userOfHint(server, client, hints[0] ?? 'login_hint', params[hints[0] ?? ''] ?? '');
  if (sub === undefined) return no('ciba-unknown-user', `${hints[0]} ${params[hints[0] ?? '']} names no user`);
  const requested = Number(params['requested_expiry']);
  const expiresIn =
    Number.isInteger(requested) && requested > 0
      ? requested
      : (ctx.ttl?.auth_req_id ?? server.config.backchannelTtl ?? 120);
  const interval = ctx.ttl?.interval ?? server.config.deviceInterval ?? 5;
  const id = server.mint('auth_req_id');
  const acr = scopesOf(params['acr_values'])[0];
  (server.state.backchannel ??= {})[id] = {
    auth_req_id: id,
    client_id: client.client_id,
    sub,
    scope: scopes.join(' '),
    ...(acr !== undefined && { acr }),
    expires_at: ctx.now + expiresIn,
    interval,
    status: 'pending',
  };
  const body: BackchannelBody = { auth_req_id: id, expires_in: expiresIn, interval };
  return exchange(request, jsonResponse(200, body, [['Cache-Control', 'no-store']]), { kind: 'backchannel', body });
}

/** The user a CIBA hint names: a username or sub, or the sub of an ID token this server issued to the client. */
async function userOfHint(
  server: AuthorizationServer,
  client: ClientConfig,
  hint: (typeof HINTS)[number],
  value: string,
): Promise<string | undefined> {
  if (hint === 'login_hint') return server.config.users.find((u) => u.username === value || u.sub === value)?.sub;
  if (hint === 'id_token_hint') {
    const verified = await verifyJwt(value, jwksOf(server.key));
    if (!verified.ok || verified.claims['iss'] !== server.config.issuer) return undefined;
    const aud = verified.claims['aud'];
    if (!(Array.isArray(aud) ? aud.includes(client.client_id) : aud === client.client_id)) return undefined;
    return server.config.users.find((u) => u.sub === verified.claims['sub'])?.sub;
  }
  return undefined; // a login_hint_token's format is deployment-specific (CIBA section 7.1); the model reads none
}

/** The user approves or declines a CIBA request on their authentication device; false when it is not pending. */
export function decideBackchannel(
  server: AuthorizationServer,
  authReqId: string,
  approve: boolean,
  ctx: Context,
): boolean {
  const record: BackchannelRecord | undefined = server.state.backchannel?.[authReqId];
  if (!record || record.status !== 'pending' || ctx.now >= record.expires_at) return false;
  record.status = approve ? 'approved' : 'denied';
  if (approve) record.auth_time = ctx.now;
  return true;
}

async function cibaToken(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
  client: ClientConfig,
  params: Record<string, string>,
  jkt: string | undefined,
): Promise<ExtendedExchange> {
  const no = (id: ExtensionRuleId, why: string) => fail(server, request, id, why);
  const id = params['auth_req_id'];
  if (id === undefined) return directError(server, request, 'token-param-missing', 'auth_req_id is missing');
  const record = server.state.backchannel?.[id];
  if (!record || record.client_id !== client.client_id) {
    return no('ciba-auth-req-id-invalid', `auth_req_id ${id} was not issued to ${client.client_id}`);
  }
  if (record.status === 'redeemed') return no('ciba-auth-req-id-used', `auth_req_id ${id} was already redeemed`);
  if (ctx.now >= record.expires_at) return no('ciba-expired', `auth_req_id ${id} expired`);
  if (record.status === 'denied') return no('ciba-denied', 'the user declined');
  if (record.status === 'pending') {
    const early = record.last_poll !== undefined && ctx.now - record.last_poll < record.interval;
    record.last_poll = ctx.now;
    if (early) {
      record.interval += 5;
      return no('ciba-slow-down', `polled sooner than the interval; wait ${record.interval} s from now on`);
    }
    return no('ciba-pending', 'the user has not approved yet');
  }
  record.status = 'redeemed';
  const body = await issue(server, client.client_id, record.sub, record.scope, ctx, {
    family: id,
    refresh: client.grants.includes('refresh_token'),
    idToken: { auth_time: record.auth_time ?? ctx.now, ...(record.acr !== undefined && { acr: record.acr }) },
    ...(jkt !== undefined && { jkt }),
  });
  return tokenResponse(request, CIBA_GRANT, body);
}

async function tokenExchange(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
  client: ClientConfig,
  params: Record<string, string>,
  jkt: string | undefined,
): Promise<ExtendedExchange> {
  const no = (id: ExtensionRuleId, why: string) => fail(server, request, id, why);
  for (const name of ['subject_token', 'subject_token_type']) {
    if (params[name] === undefined) return no('exchange-param-missing', `${name} is missing`);
  }
  if ((params['actor_token'] === undefined) !== (params['actor_token_type'] === undefined)) {
    return no('exchange-actor-token-type', 'send actor_token_type exactly when sending actor_token');
  }
  for (const name of ['subject_token_type', 'actor_token_type', 'requested_token_type']) {
    const type = params[name];
    if (type !== undefined && type !== ACCESS_TOKEN_TYPE) {
      return no('exchange-token-invalid', `${name} ${type} is not supported; the model exchanges ${ACCESS_TOKEN_TYPE}`);
    }
  }
  const valid = (value: string | undefined) => {
    const record = value === undefined ? undefined : server.state.accessTokens[value];
    return record && !record.revoked && ctx.now < record.expires_at ? record : undefined;
  };
  const subject = valid(params['subject_token']);
  if (!subject) return no('exchange-token-invalid', 'the subject_token is not a valid access token of this server');
  if (client.exchangeFrom && !client.exchangeFrom.includes(subject.audience ?? '')) {
    return no(
      'exchange-token-invalid',
      `the subject_token is meant for ${subject.audience ?? 'no audience'}; ${client.client_id} may exchange tokens for ${client.exchangeFrom.join(', ')}`,
    );
  }
  const actor = params['actor_token'] === undefined ? undefined : valid(params['actor_token']);
  if (params['actor_token'] !== undefined && !actor) {
    return no('exchange-token-invalid', 'the actor_token is not a valid access token of this server');
  }
  const form = new URLSearchParams(request.body);
  const targets = [...form.getAll('resource'), ...form.getAll('audience')].filter(Boolean);
  const known = server.config.audiences ?? [];
  if (targets.length > 1)
    return no('exchange-invalid-target', `the model issues a token for one target, not ${targets.length}`);
  const target = targets[0];
  if (target !== undefined && !known.includes(target)) {
    return no('exchange-invalid-target', `${target} is not a resource server of this server (${known.join(', ')})`);
  }
  const requested = scopesOf(params['scope']);
  const unknown = requested.filter((s) => !client.scopes.includes(s));
  if (unknown.length) {
    return directError(
      server,
      request,
      'token-scope-not-allowed',
      `${client.client_id} may not request ${unknown.join(' ')}`,
    );
  }
  const scope = requested.length ? requested.join(' ') : client.scopes.join(' ');
  // RFC 8693 section 4.1: the model always delegates; the actor is the actor token's client, else the client itself.
  const body = await issue(server, client.client_id, subject.sub, scope, ctx, {
    family: server.mint('ticket'),
    actor: actor?.client_id ?? client.client_id,
    ...(target !== undefined && { audience: target }),
    ...(jkt !== undefined && { jkt }),
  });
  body.issued_token_type = ACCESS_TOKEN_TYPE;
  return tokenResponse(request, TOKEN_EXCHANGE_GRANT, body);
}

/**
 * A request to a resource server with a Bearer or DPoP-bound token (RFC 6750 section 2.1, RFC 9449 section 7):
 * checks the proof, the key binding and the audience, then serves it as `callResource` does.
 */
export async function callResourceExtended(
  server: AuthorizationServer,
  resourceServer: ResourceServerConfig,
  request: HttpRequest,
  ctx: Context,
): Promise<ExtendedExchange> {
  const authorization = header(request, 'authorization') ?? '';
  const dpop = /^DPoP\s+(\S+)$/i.exec(authorization)?.[1];
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const scheme = dpop === undefined ? 'Bearer' : 'DPoP';
  const no = (id: ExtensionRuleId, why: string): ExtendedExchange => {
    const { error } = rule(id);
    const challenge = `${scheme} realm="${resourceServer.host}", error="${error?.code ?? ''}", error_description="${why}"`;
    return exchange(request, response(error?.status ?? 401, [['WWW-Authenticate', challenge]]), {
      kind: 'error',
      rule: id,
      error: error?.code ?? null,
      channel: 'direct',
      description: why,
    });
  };
  const value = dpop ?? bearer;
  const record = value === undefined ? undefined : server.state.accessTokens[value];
  const usable = record && !record.revoked && ctx.now < record.expires_at ? record : undefined;
  if (dpop !== undefined) {
    const proof = await checkProof(server, request, ctx, dpop);
    if (!proof) return no('dpop-resource-proof-invalid', 'the request has a DPoP token and no DPoP proof');
    if ('rule' in proof) return no(proof.rule, proof.description);
    if (usable && usable.jkt !== proof.jkt) {
      return no(
        'dpop-resource-key-mismatch',
        usable.jkt === undefined
          ? 'the access token is not bound to a DPoP key'
          : `the access token is bound to the key ${usable.jkt}, the proof is signed by ${proof.jkt}`,
      );
    }
  } else if (usable?.jkt !== undefined) {
    return no('dpop-bearer-downgrade', 'the access token is DPoP-bound; send it with the DPoP scheme and a proof');
  }
  const { audience } = resourceServer;
  if (usable?.audience !== undefined && audience !== undefined && usable.audience !== audience) {
    return no('audience-mismatch', `the access token is meant for ${usable.audience}, this is ${audience}`);
  }
  return callResource(server, resourceServer, request, ctx, scheme);
}
