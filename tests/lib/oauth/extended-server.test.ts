import { describe, expect, test } from 'vitest';
import {
  ACCESS_TOKEN_TYPE,
  callResourceExtended,
  decideBackchannel,
  handleExtended,
  JWT_BEARER_ASSERTION,
  type ExtendedExchange,
} from '../../../src/lib/oauth/extended-server.ts';
import { EXTENSION_RULES, type ExtensionRuleId } from '../../../src/lib/oauth/extension-rules.ts';
import { jwkThumbprint } from '../../../src/lib/oauth/jwk.ts';
import {
  base64url,
  CIBA_GRANT,
  decide,
  formEncode,
  grantDirectly,
  header,
  issue,
  sha256,
  TOKEN_EXCHANGE_GRANT,
  type AuthorizationServer,
  type Header,
  type HttpRequest,
  type PublicKeyJwk,
  type Rule,
  type ServerConfig,
} from '../../../src/lib/oauth/index.ts';
import { at, CB, CHALLENGE, CONFIG, HOST, makeServer, T0, VERIFIER } from './support.ts';

const ISSUER = 'https://as.test';
const API = { host: 'api.test', audience: 'https://api.test/', resources: [{ path: '/read', scope: 'read' }] };
const OTHER = { host: 'other.test', audience: 'https://other.test/', resources: [{ path: '/read', scope: 'read' }] };

interface Es256Key {
  privateKey: CryptoKey;
  jwk: PublicKeyJwk;
}

async function es256Key(): Promise<Es256Key> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const { kty = '', crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, jwk: { kty, crv: crv ?? '', x: x ?? '', y: y ?? '' } };
}

const json = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
async function sign(head: object, claims: object, key: CryptoKey): Promise<string> {
  const input = `${json(head)}.${json(claims)}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

const PAY = await es256Key();
const DPOP = await es256Key();
const OTHER_KEY = await es256Key();
const JKT = await jwkThumbprint(DPOP.jwk);
let serial = 0;

/** The model's test world plus a CIBA client, a token exchange client and a private_key_jwt client. */
const WORLD: ServerConfig = {
  ...CONFIG,
  defaultAudience: API.audience,
  audiences: [API.audience, OTHER.audience],
  clients: [
    ...CONFIG.clients,
    {
      client_id: 'console',
      type: 'confidential',
      secret: 'console-secret',
      redirect_uris: [],
      grants: [CIBA_GRANT],
      scopes: ['openid', 'read'],
    },
    {
      client_id: 'exchanger',
      type: 'confidential',
      secret: 'exchanger-secret',
      redirect_uris: [],
      grants: [TOKEN_EXCHANGE_GRANT],
      scopes: ['read'],
      exchangeFrom: [API.audience],
    },
    {
      client_id: 'pay',
      type: 'confidential',
      jwks: { keys: [{ ...PAY.jwk, kid: 'pay-1' }] },
      redirect_uris: [CB],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['read'],
    },
  ],
};

const basicOf = (id: string, secret: string): Header => ['Authorization', `Basic ${btoa(`${id}:${secret}`)}`];
const CONSOLE = basicOf('console', 'console-secret');
const EXCHANGER = basicOf('exchanger', 'exchanger-secret');

function post(path: string, params: Record<string, string | undefined>, headers: Header[] = []): HttpRequest {
  return {
    kind: 'request',
    method: 'POST',
    target: path,
    headers: [['Host', 'as.test'], ...headers, ['Content-Type', 'application/x-www-form-urlencoded']],
    body: formEncode(params),
  };
}

const assertion = (claims: Record<string, unknown> = {}, key = PAY.privateKey) =>
  sign(
    { alg: 'ES256', kid: 'pay-1', typ: 'JWT' },
    { iss: 'pay', sub: 'pay', aud: ISSUER, jti: `a-${++serial}`, iat: T0, exp: T0 + 60, ...claims },
    key,
  );
const assertionParams = async (claims: Record<string, unknown> = {}) => ({
  client_assertion_type: JWT_BEARER_ASSERTION,
  client_assertion: await assertion(claims),
});

const proof = (htm: string, htu: string, claims: Record<string, unknown> = {}, key = DPOP) =>
  sign(
    { typ: 'dpop+jwt', alg: 'ES256', jwk: key.jwk },
    { jti: `p-${++serial}`, htm, htu, iat: T0, ...claims },
    key.privateKey,
  );

async function send(server: AuthorizationServer, request: HttpRequest, now = T0): Promise<ExtendedExchange> {
  const result = await handleExtended(server, request, at(now));
  if (!result) throw new Error(`No endpoint for ${request.target}`);
  return result;
}

const world = () => makeServer(WORLD);

// CIBA
const bcAuthorize = (params: Record<string, string> = {}, headers: Header[] = [CONSOLE]) =>
  post('/bc-authorize', { scope: 'openid read', login_hint: 'alice@test', ...params }, headers);
const cibaPoll = (id: string) => post('/token', { grant_type: CIBA_GRANT, auth_req_id: id }, [CONSOLE]);
async function cibaStart(server: AuthorizationServer): Promise<string> {
  const ack = await send(server, bcAuthorize());
  if (ack.outcome.kind !== 'backchannel') throw new Error(JSON.stringify(ack.outcome));
  return ack.outcome.body.auth_req_id;
}

// PAR and the code flow of the private_key_jwt client
async function push(server: AuthorizationServer, extra: Record<string, string> = {}, headers: Header[] = []) {
  return send(
    server,
    post(
      '/par',
      {
        response_type: 'code',
        client_id: 'pay',
        redirect_uri: CB,
        scope: 'read',
        state: 'st',
        code_challenge: CHALLENGE,
        code_challenge_method: 'S256',
        dpop_jkt: JKT,
        ...(await assertionParams()),
        ...extra,
      },
      headers,
    ),
  );
}
const authorizeWith = (requestUri: string, clientId = 'pay'): HttpRequest => ({
  kind: 'request',
  method: 'GET',
  target: `/authorize?${formEncode({ client_id: clientId, request_uri: requestUri })}`,
  headers: [['Host', HOST]],
  body: '',
});
async function payCode(server: AuthorizationServer): Promise<string> {
  const pushed = await push(server);
  if (pushed.outcome.kind !== 'pushed') throw new Error(JSON.stringify(pushed.outcome));
  const first = await send(server, authorizeWith(pushed.outcome.body.request_uri));
  if (first.outcome.kind !== 'interaction') throw new Error(JSON.stringify(first.outcome));
  const done = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, at(T0));
  return done.outcome.kind === 'redirect' ? (done.outcome.params['code'] ?? '') : '';
}
const redeem = async (code: string, headers: Header[] = []) =>
  post(
    '/token',
    { grant_type: 'authorization_code', code, redirect_uri: CB, code_verifier: VERIFIER, ...(await assertionParams()) },
    headers,
  );
const dpopHeader = async (htm = 'POST', htu = `${ISSUER}/token`, claims = {}, key = DPOP): Promise<Header> => [
  'DPoP',
  await proof(htm, htu, claims, key),
];
async function payTokens(server: AuthorizationServer) {
  const result = await send(server, await redeem(await payCode(server), [await dpopHeader()]));
  if (result.outcome.kind !== 'tokens') throw new Error(JSON.stringify(result.outcome));
  return result.outcome.body;
}

// Resource requests
const resource = (host: string, scheme: string, token: string, headers: Header[] = []): HttpRequest => ({
  kind: 'request',
  method: 'GET',
  target: '/read',
  headers: [['Host', host], ['Authorization', `${scheme} ${token}`], ...headers],
  body: '',
});
const ath = async (token: string) => base64url(await sha256(token));

/** An access token for api.test (the default audience), issued to web for alice before the test's requests. */
async function apiToken(server: AuthorizationServer): Promise<string> {
  return (await grantDirectly(server, { client_id: 'web', sub: 'alice', scope: 'read' }, at(T0))).access_token;
}
const exchange = (params: Record<string, string | undefined>) =>
  post('/token', { grant_type: TOKEN_EXCHANGE_GRANT, subject_token_type: ACCESS_TOKEN_TYPE, ...params }, [EXCHANGER]);

type ErrorRuleId = {
  [K in ExtensionRuleId]: (typeof EXTENSION_RULES)[K] extends { error: object } ? K : never;
}[ExtensionRuleId];

/** One request (or short sequence) per extension rule that makes the model break exactly that rule. */
const SCENARIOS: Record<ErrorRuleId, (s: AuthorizationServer) => Promise<ExtendedExchange>> = {
  'ciba-request-post': (s) => send(s, { ...bcAuthorize(), method: 'GET' }),
  'ciba-client-auth-required': (s) => send(s, bcAuthorize({ client_id: 'spa' }, [])),
  'ciba-unauthorized-client': (s) => send(s, bcAuthorize({}, [basicOf('web', 's3cret')])),
  'ciba-openid-required': (s) => send(s, bcAuthorize({ scope: 'read' })),
  'ciba-one-hint': (s) => send(s, bcAuthorize({ login_hint_token: 'eyJ...' })),
  'ciba-unknown-user': (s) => send(s, bcAuthorize({ login_hint: 'mallory@test' })),
  'ciba-auth-req-id-invalid': (s) => send(s, cibaPoll('never-issued')),
  'ciba-auth-req-id-used': async (s) => {
    const id = await cibaStart(s);
    decideBackchannel(s, id, true, at(T0));
    await send(s, cibaPoll(id), T0 + 5);
    return send(s, cibaPoll(id), T0 + 10);
  },
  'ciba-pending': async (s) => send(s, cibaPoll(await cibaStart(s)), T0 + 5),
  'ciba-slow-down': async (s) => {
    const id = await cibaStart(s);
    await send(s, cibaPoll(id), T0 + 5);
    return send(s, cibaPoll(id), T0 + 7);
  },
  'ciba-expired': async (s) => send(s, cibaPoll(await cibaStart(s)), T0 + 120),
  'ciba-denied': async (s) => {
    const id = await cibaStart(s);
    decideBackchannel(s, id, false, at(T0));
    return send(s, cibaPoll(id), T0 + 5);
  },
  'exchange-param-missing': (s) => send(s, exchange({ subject_token: undefined })),
  'exchange-actor-token-type': async (s) =>
    send(s, exchange({ subject_token: await apiToken(s), actor_token: await apiToken(s) })),
  'exchange-token-invalid': (s) => send(s, exchange({ subject_token: 'forged' })),
  'exchange-invalid-target': async (s) =>
    send(s, exchange({ subject_token: await apiToken(s), resource: 'https://unknown.test/' })),
  'par-request-post': (s) => send(s, { ...post('/par', { client_id: 'spa' }), method: 'GET' }),
  'par-request-uri-forbidden': (s) => push(s, { request_uri: 'urn:ietf:params:oauth:request_uri:x' }),
  'par-request-uri-invalid': (s) => send(s, authorizeWith('urn:ietf:params:oauth:request_uri:never-issued')),
  'par-request-uri-client': async (s) => {
    const pushed = await push(s);
    const uri = pushed.outcome.kind === 'pushed' ? pushed.outcome.body.request_uri : '';
    return send(s, authorizeWith(uri, 'spa'));
  },
  'client-assertion-type': (s) => push(s, { client_assertion_type: 'urn:example:saml' }),
  'client-assertion-invalid': async (s) => push(s, { client_assertion: await assertion({}, OTHER_KEY.privateKey) }),
  'client-assertion-replay': async (s) => {
    const params = await assertionParams();
    await push(s, params);
    return push(s, params);
  },
  'dpop-proof-invalid': async (s) =>
    send(s, await redeem(await payCode(s), [await dpopHeader('POST', `${ISSUER}/par`)])),
  'dpop-proof-replay': async (s) => {
    const code = await payCode(s);
    const header = await dpopHeader();
    await send(s, await redeem('never-issued', [header]));
    return send(s, await redeem(code, [header]));
  },
  'dpop-code-binding': async (s) =>
    send(s, await redeem(await payCode(s), [await dpopHeader('POST', `${ISSUER}/token`, {}, OTHER_KEY)])),
  'dpop-refresh-binding': async (s) => {
    // A public client's refresh token is bound to its DPoP key (RFC 9449 section 5).
    const body = await issue(s, 'spa', 'alice', 'read', at(T0), { family: 'f', refresh: true, jkt: JKT });
    const refresh = post('/token', {
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token,
      client_id: 'spa',
    });
    return send(s, refresh);
  },
  'dpop-par-jkt-mismatch': async (s) => push(s, {}, [await dpopHeader('POST', `${ISSUER}/par`, {}, OTHER_KEY)]),
  'dpop-resource-proof-invalid': async (s) => {
    const { access_token } = await payTokens(s);
    return callResourceExtended(s, API, resource('api.test', 'DPoP', access_token), at(T0));
  },
  'dpop-resource-key-mismatch': async (s) => {
    const { access_token } = await payTokens(s);
    const header = await dpopHeader('GET', 'https://api.test/read', { ath: await ath(access_token) }, OTHER_KEY);
    return callResourceExtended(s, API, resource('api.test', 'DPoP', access_token, [header]), at(T0));
  },
  'dpop-bearer-downgrade': async (s) => {
    const { access_token } = await payTokens(s);
    return callResourceExtended(s, API, resource('api.test', 'Bearer', access_token), at(T0));
  },
  'audience-mismatch': async (s) =>
    callResourceExtended(s, OTHER, resource('other.test', 'Bearer', await apiToken(s)), at(T0)),
};

describe('every extension rule that produces an error', () => {
  test.each(Object.keys(SCENARIOS) as ErrorRuleId[])(
    '%s: the model answers with the rule’s error code, status and channel',
    async (id) => {
      const rule: Rule = EXTENSION_RULES[id];
      const result = await SCENARIOS[id](await world());
      expect(result.outcome).toMatchObject({
        kind: 'error',
        rule: id,
        error: rule.error?.code ?? null,
        channel: rule.error?.channel,
      });
      expect(result.response.status).toBe(rule.error?.status);
      expect(header(result.response, 'location')).toBeUndefined();
      if (rule.error?.channel === 'direct' && rule.error.status === 400) {
        expect(JSON.parse(result.response.body)).toMatchObject({ error: rule.error.code });
      }
      if (rule.error?.status === 401 && rule.error.code !== 'invalid_client') {
        expect(header(result.response, 'www-authenticate')).toMatch(/^(Bearer|DPoP) realm=".*", error="/);
      }
    },
  );

  test('covers every extension rule that has an error', () => {
    const withError = Object.entries(EXTENSION_RULES as Record<string, Rule>)
      .filter(([, r]) => r.error)
      .map(([id]) => id);
    expect(Object.keys(SCENARIOS).sort()).toEqual(withError.sort());
  });
});

describe('pushed authorization requests (RFC 9126)', () => {
  test('section 2.2: a valid pushed request is answered 201 with a single-use request_uri and expires_in', async () => {
    const server = await world();
    const pushed = await push(server);
    expect(pushed.response.status).toBe(201);
    expect(pushed.wire.response).toMatch(/^HTTP\/1\.1 201 Created\n/);
    if (pushed.outcome.kind !== 'pushed') throw new Error(JSON.stringify(pushed.outcome));
    expect(pushed.outcome.body).toEqual({
      request_uri: expect.stringMatching(/^urn:ietf:params:oauth:request_uri:/),
      expires_in: 60,
    });
    // Section 4: the browser carries only client_id and request_uri; the pushed parameters are used.
    const first = await send(server, authorizeWith(pushed.outcome.body.request_uri));
    expect(first.outcome).toMatchObject({ kind: 'interaction', client_id: 'pay', scope: 'read' });
    const again = await send(server, authorizeWith(pushed.outcome.body.request_uri));
    expect(again.outcome).toMatchObject({ rule: 'par-request-uri-invalid', channel: 'user' });
  });

  test('section 4: an expired request_uri is rejected', async () => {
    const server = await world();
    const pushed = await push(server);
    const uri = pushed.outcome.kind === 'pushed' ? pushed.outcome.body.request_uri : '';
    const late = await send(server, authorizeWith(uri), T0 + 60);
    expect(late.outcome).toMatchObject({ rule: 'par-request-uri-invalid', description: `request_uri ${uri} expired` });
  });

  test('sections 2.1 and 2.3: the pushed request is validated as at /authorize, errors answered directly (invalid_request for a bad redirect_uri)', async () => {
    const server = await world();
    const wrong = await push(server, { redirect_uri: 'https://evil.test/cb' });
    expect(wrong.response.status).toBe(400);
    expect(JSON.parse(wrong.response.body)).toMatchObject({ error: 'invalid_request' });
    expect(wrong.outcome).toMatchObject({ rule: 'redirect-uri-mismatch', channel: 'direct', error: 'invalid_request' });
    const scope = await push(server, { scope: 'write' });
    expect(scope.outcome).toMatchObject({
      rule: 'authorize-scope-not-allowed',
      channel: 'direct',
      error: 'invalid_scope',
    });
  });

  test('section 2: the client authenticates as at the token endpoint; a missing assertion is client-auth-required', async () => {
    const result = await push(await world(), {
      client_assertion: undefined,
      client_assertion_type: undefined,
    } as never);
    expect(result.outcome).toMatchObject({ rule: 'client-auth-required', error: 'invalid_client' });
  });
});

describe('private_key_jwt client authentication (OIDC Core section 9)', () => {
  test.each([ISSUER, `${ISSUER}/token`, `${ISSUER}/par`])(
    'RFC 9126 section 2: the server accepts aud %s',
    async (aud) => {
      expect((await push(await world(), { client_assertion: await assertion({ aud }) })).outcome.kind).toBe('pushed');
    },
  );

  test.each([
    ['an expired assertion', { exp: T0 }, 'expired'],
    ['another audience', { aud: 'https://other.test' }, 'has aud'],
    ['sub different from iss', { sub: 'web' }, 'has sub'],
  ])('refuses %s', async (_what, claims, reason) => {
    const result = await push(await world(), { client_assertion: await assertion(claims) });
    expect(result.outcome).toMatchObject({ rule: 'client-assertion-invalid', error: 'invalid_client' });
    expect(result.outcome.kind === 'error' && result.outcome.description).toContain(reason);
  });
});

describe('DPoP (RFC 9449)', () => {
  test('section 5: a token request with a valid proof gets token_type DPoP; section 7: the API accepts the token with a proof carrying ath', async () => {
    const server = await world();
    const body = await payTokens(server);
    expect(body.token_type).toBe('DPoP');
    expect(server.state.accessTokens[body.access_token]).toMatchObject({ jkt: JKT, audience: API.audience });
    const header = await dpopHeader('GET', 'https://api.test/read', { ath: await ath(body.access_token) });
    const call = await callResourceExtended(
      server,
      API,
      resource('api.test', 'DPoP', body.access_token, [header]),
      at(T0),
    );
    expect(call.outcome).toMatchObject({ kind: 'resource', sub: 'alice' });
  });

  test('section 5: a confidential client’s refresh token is not bound to the key; a public client’s is', async () => {
    const server = await world();
    const body = await payTokens(server);
    expect(server.state.refreshTokens[body.refresh_token ?? '']?.jkt).toBeUndefined();
    const refresh = await send(
      server,
      post('/token', { grant_type: 'refresh_token', refresh_token: body.refresh_token, ...(await assertionParams()) }),
    );
    expect(refresh.outcome).toMatchObject({ kind: 'tokens', body: { token_type: 'Bearer' } });
  });

  test.each([
    ['a proof older than the window', { iat: T0 - 600 }, 'more than 120 s'],
    ['a proof for another URI', { htu: `${ISSUER}/authorize` }, 'has htu'],
    ['a proof for another method', { htm: 'GET' }, 'has htm'],
  ])('section 4.3: refuses %s', async (_what, claims, reason) => {
    const server = await world();
    const code = await payCode(server);
    const { htm = 'POST', htu = `${ISSUER}/token`, ...rest } = claims as Record<string, unknown>;
    const result = await send(server, await redeem(code, [await dpopHeader(String(htm), String(htu), rest)]));
    expect(result.outcome).toMatchObject({ rule: 'dpop-proof-invalid', error: 'invalid_dpop_proof' });
    expect(result.outcome.kind === 'error' && result.outcome.description).toContain(reason);
  });

  test('section 4.3: a proof whose signature was made by another key than its jwk is refused', async () => {
    const server = await world();
    const forged = await sign(
      { typ: 'dpop+jwt', alg: 'ES256', jwk: DPOP.jwk },
      { jti: 'x', htm: 'POST', htu: `${ISSUER}/token`, iat: T0 },
      OTHER_KEY.privateKey,
    );
    const result = await send(server, await redeem(await payCode(server), [['DPoP', forged]]));
    expect(result.outcome).toMatchObject({ rule: 'dpop-proof-invalid' });
    expect(result.outcome.kind === 'error' && result.outcome.description).toContain('signature does not verify');
  });
});

describe('CIBA in poll mode (OpenID Connect CIBA Core)', () => {
  test('sections 7.3 and 10.1.1: acknowledged with auth_req_id, expires_in (the requested_expiry) and interval; after approval the poll gets an ID token for the hinted user', async () => {
    const server = await world();
    const ack = await send(server, bcAuthorize({ requested_expiry: '300', acr_values: 'urn:test:mfa' }));
    if (ack.outcome.kind !== 'backchannel') throw new Error(JSON.stringify(ack.outcome));
    expect(ack.outcome.body).toMatchObject({ expires_in: 300, interval: 5 });
    decideBackchannel(server, ack.outcome.body.auth_req_id, true, at(T0 + 3));
    const tokens = await send(server, cibaPoll(ack.outcome.body.auth_req_id), T0 + 5);
    if (tokens.outcome.kind !== 'tokens') throw new Error(JSON.stringify(tokens.outcome));
    expect(tokens.outcome.body.refresh_token).toBeUndefined();
    const claims = JSON.parse(atob((tokens.outcome.body.id_token ?? '').split('.')[1] ?? '')) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ sub: 'alice', aud: 'console', auth_time: T0 + 3, acr: 'urn:test:mfa' });
  });
});

describe('token exchange (RFC 8693)', () => {
  test('section 2.2.1: the response carries issued_token_type and no refresh token; the new token works at its target only', async () => {
    const server = await world();
    const subject = await apiToken(server);
    const result = await send(server, exchange({ subject_token: subject, resource: OTHER.audience, scope: 'read' }));
    if (result.outcome.kind !== 'tokens') throw new Error(JSON.stringify(result.outcome));
    const { body } = result.outcome;
    expect(body).toMatchObject({ issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', scope: 'read' });
    expect(body.refresh_token).toBeUndefined();
    expect(server.state.accessTokens[body.access_token]).toMatchObject({
      sub: 'alice',
      audience: OTHER.audience,
      actor: 'exchanger',
    });
    const there = await callResourceExtended(
      server,
      OTHER,
      resource('other.test', 'Bearer', body.access_token),
      at(T0),
    );
    expect(there.outcome.kind).toBe('resource');
    // RFC 9700 section 2.3: the exchanged token is refused at the API the subject token was for.
    const back = await callResourceExtended(server, API, resource('api.test', 'Bearer', body.access_token), at(T0));
    expect(back.outcome).toMatchObject({ rule: 'audience-mismatch', error: 'invalid_token' });
  });

  test('section 2.2.2: a subject token meant for an audience the client may not exchange is invalid_request', async () => {
    const server = await world();
    const other = await grantDirectly(
      server,
      { client_id: 'web', sub: 'alice', scope: 'read', audience: OTHER.audience },
      at(T0),
    );
    const result = await send(server, exchange({ subject_token: other.access_token }));
    expect(result.outcome).toMatchObject({ rule: 'exchange-token-invalid', error: 'invalid_request' });
  });
});
