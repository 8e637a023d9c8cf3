import { describe, expect, test } from 'vitest';
import {
  callResource,
  decide,
  decideDevice,
  deviceAuthorizationRequest,
  header,
  resourceRequest,
  RULES,
  tokenRequest,
  type AuthorizationServer,
  type Exchange,
  type Rule,
  type RuleId,
} from '../../../src/lib/oauth/index.ts';
import {
  at,
  authorize,
  CB,
  HOST,
  makeServer,
  send,
  spaAuthorize,
  spaCode,
  spaRedeem,
  T0,
  VERIFIER,
} from './support.ts';

const API = { host: 'api.test', resources: [{ path: '/write', scope: 'write' }] };
const basic = (id: string, secret: string) => ({ method: 'client_secret_basic' as const, client_id: id, secret });
const web = basic('web', 's3cret');

async function webTokens(server: AuthorizationServer) {
  const first = await send(
    server,
    authorize({
      response_type: 'code',
      client_id: 'web',
      redirect_uri: CB,
      scope: 'read',
      state: 's',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }),
  );
  if (first.outcome.kind !== 'interaction') throw new Error('no interaction');
  const done = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, at(T0));
  const code = done.outcome.kind === 'redirect' ? (done.outcome.params['code'] ?? '') : '';
  const tokens = await send(
    server,
    tokenRequest(HOST, { grant_type: 'authorization_code', code, redirect_uri: CB, code_verifier: VERIFIER }, web),
  );
  if (tokens.outcome.kind !== 'tokens') throw new Error(JSON.stringify(tokens.outcome));
  return { code, body: tokens.outcome.body };
}

async function device(server: AuthorizationServer) {
  const res = await send(server, deviceAuthorizationRequest(HOST, 'read', { method: 'none', client_id: 'tv' }));
  if (res.outcome.kind !== 'device') throw new Error('no device');
  return res.outcome.body;
}
const poll = (deviceCode: string, clientId = 'tv') =>
  tokenRequest(
    HOST,
    { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode },
    { method: 'none', client_id: clientId },
  );

type ErrorRuleId = { [K in RuleId]: (typeof RULES)[K] extends { error: object } ? K : never }[RuleId];

/** One request (or short sequence) per rule that makes the model break exactly that rule. */
const SCENARIOS: Record<ErrorRuleId, (s: AuthorizationServer) => Promise<Exchange>> = {
  'client-unknown': (s) => send(s, authorize({ response_type: 'code', client_id: 'nobody', redirect_uri: CB })),
  'redirect-uri-mismatch': (s) => send(s, spaAuthorize({ redirect_uri: 'https://client.test/cb/' })),
  'redirect-uri-required': (s) =>
    send(
      s,
      authorize({
        response_type: 'code',
        client_id: 'web',
        scope: 'read',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      }),
    ),
  'openid-redirect-uri-required': (s) => send(s, spaAuthorize({ redirect_uri: undefined })),
  'response-type-unsupported': (s) => send(s, spaAuthorize({ response_type: 'code id_token' })),
  'implicit-refused': (s) => send(s, spaAuthorize({ response_type: 'token' })),
  'authorize-unauthorized-client': (s) =>
    send(s, authorize({ response_type: 'token', client_id: 'web', redirect_uri: CB }), at(T0, { profile: 'rfc6749' })),
  'authorize-scope-not-allowed': (s) => send(s, spaAuthorize({ scope: 'openid admin' })),
  'pkce-required-public': (s) => send(s, spaAuthorize({ code_challenge: undefined, code_challenge_method: undefined })),
  'pkce-or-nonce-required': (s) =>
    send(s, authorize({ response_type: 'code', client_id: 'web', redirect_uri: CB, scope: 'openid read' })),
  'pkce-method-unsupported': (s) => send(s, spaAuthorize({ code_challenge_method: 'plain' })),
  'prompt-none-login-required': (s) => send(s, spaAuthorize({ prompt: 'none' })),
  'prompt-none-consent-required': (s) =>
    send(s, {
      ...spaAuthorize({ prompt: 'none' }),
      headers: [
        ['Host', HOST],
        ['Cookie', 'as_session=session-alice'],
      ],
    }),
  'access-denied': async (s) => {
    const first = await send(s, spaAuthorize());
    if (first.outcome.kind !== 'interaction') throw new Error('no interaction');
    return decide(s, first.outcome.ticket, { sub: 'alice', approve: false }, at(T0));
  },
  'token-param-missing': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'authorization_code' }, { method: 'none', client_id: 'spa' })),
  'token-request-post': (s) =>
    send(s, {
      kind: 'request',
      method: 'GET',
      target: '/token?grant_type=client_credentials',
      headers: [['Host', HOST]],
      body: '',
    }),
  'client-auth-one-method': (s) =>
    send(
      s,
      tokenRequest(
        HOST,
        { grant_type: 'client_credentials', client_secret: 'cron-secret' },
        basic('cron', 'cron-secret'),
      ),
    ),
  'client-auth-failed': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'client_credentials' }, basic('cron', 'wrong'))),
  'client-auth-required': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'client_credentials' }, { method: 'none', client_id: 'cron' })),
  'grant-type-unsupported': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'urn:example:magic' }, basic('cron', 'cron-secret'))),
  'password-refused': (s) =>
    send(
      s,
      tokenRequest(
        HOST,
        { grant_type: 'password', username: 'alice@test', password: 'pw-alice' },
        basic('legacy', 'legacy-secret'),
      ),
    ),
  'token-unauthorized-client': (s) => send(s, tokenRequest(HOST, { grant_type: 'client_credentials' }, web)),
  'token-scope-not-allowed': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'client_credentials', scope: 'write' }, basic('cron', 'cron-secret'))),
  'client-credentials-public': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'client_credentials' }, { method: 'none', client_id: 'cli-public-cc' })),
  'code-invalid': (s) => send(s, spaRedeem('never-issued')),
  'code-expired': async (s) => send(s, spaRedeem(await spaCode(s)), at(T0 + 600)),
  'code-reuse': async (s) => {
    const code = await spaCode(s);
    await send(s, spaRedeem(code));
    return send(s, spaRedeem(code));
  },
  'code-client-mismatch': async (s) =>
    send(
      s,
      tokenRequest(
        HOST,
        { grant_type: 'authorization_code', code: await spaCode(s), redirect_uri: CB, code_verifier: VERIFIER },
        web,
      ),
    ),
  'code-redirect-uri-mismatch': async (s) =>
    send(s, spaRedeem(await spaCode(s), { redirect_uri: 'https://client.test/other' })),
  'pkce-verifier-missing': async (s) => send(s, spaRedeem(await spaCode(s), { code_verifier: undefined })),
  'pkce-downgrade': async (s) => {
    const first = await send(
      s,
      authorize({ response_type: 'code', client_id: 'web', redirect_uri: CB, scope: 'openid', nonce: 'n' }),
    );
    if (first.outcome.kind !== 'interaction') throw new Error('no interaction');
    const done = await decide(s, first.outcome.ticket, { sub: 'alice', approve: true }, at(T0));
    const code = done.outcome.kind === 'redirect' ? (done.outcome.params['code'] ?? '') : '';
    return send(
      s,
      tokenRequest(HOST, { grant_type: 'authorization_code', code, redirect_uri: CB, code_verifier: VERIFIER }, web),
    );
  },
  'pkce-verifier-mismatch': async (s) => send(s, spaRedeem(await spaCode(s), { code_verifier: 'A'.repeat(43) })),
  'refresh-invalid': (s) =>
    send(s, tokenRequest(HOST, { grant_type: 'refresh_token', refresh_token: 'never-issued' }, web)),
  'refresh-client-mismatch': async (s) => {
    const { body } = await webTokens(s);
    return send(
      s,
      tokenRequest(
        HOST,
        { grant_type: 'refresh_token', refresh_token: body.refresh_token },
        { method: 'none', client_id: 'spa' },
      ),
    );
  },
  'refresh-reuse': async (s) => {
    const tokens = await send(s, spaRedeem(await spaCode(s)));
    const refresh = tokens.outcome.kind === 'tokens' ? tokens.outcome.body.refresh_token : undefined;
    const again = () =>
      tokenRequest(HOST, { grant_type: 'refresh_token', refresh_token: refresh }, { method: 'none', client_id: 'spa' });
    await send(s, again());
    return send(s, again());
  },
  'refresh-scope-exceeds': async (s) => {
    const { body } = await webTokens(s);
    return send(
      s,
      tokenRequest(HOST, { grant_type: 'refresh_token', refresh_token: body.refresh_token, scope: 'read write' }, web),
    );
  },
  'password-invalid-credentials': (s) =>
    send(
      s,
      tokenRequest(
        HOST,
        { grant_type: 'password', username: 'alice@test', password: 'guess' },
        basic('legacy', 'legacy-secret'),
      ),
      at(T0, { profile: 'rfc6749' }),
    ),
  'device-request-post': (s) =>
    send(s, {
      kind: 'request',
      method: 'GET',
      target: '/device_authorization?client_id=tv',
      headers: [['Host', HOST]],
      body: '',
    }),
  'device-code-invalid': (s) => send(s, poll('never-issued')),
  'device-pending': async (s) => send(s, poll((await device(s)).device_code)),
  'device-slow-down': async (s) => {
    const { device_code } = await device(s);
    await send(s, poll(device_code), at(T0));
    return send(s, poll(device_code), at(T0 + 2));
  },
  'device-denied': async (s) => {
    const body = await device(s);
    decideDevice(s, body.user_code, { sub: 'alice', approve: false }, at(T0));
    return send(s, poll(body.device_code));
  },
  'device-expired': async (s) => send(s, poll((await device(s)).device_code), at(T0 + 900)),
  'bearer-missing': async (s) => callResource(s, API, resourceRequest('api.test', '/read'), at(T0)),
  'bearer-invalid': async (s) => callResource(s, API, resourceRequest('api.test', '/read', 'forged'), at(T0)),
  'bearer-expired': async (s) => {
    const { body } = await webTokens(s);
    return callResource(s, API, resourceRequest('api.test', '/read', body.access_token), at(T0 + body.expires_in));
  },
  'bearer-insufficient-scope': async (s) => {
    const { body } = await webTokens(s);
    return callResource(s, API, resourceRequest('api.test', '/write', body.access_token), at(T0));
  },
};

describe('every rule that produces an error', () => {
  test.each(Object.keys(SCENARIOS) as ErrorRuleId[])(
    '%s: the model answers with the rule’s error code, status and channel',
    async (id) => {
      const rule: Rule = RULES[id];
      const result = await SCENARIOS[id](await makeServer());
      expect(result.outcome).toMatchObject({
        kind: 'error',
        rule: id,
        error: rule.error?.code ?? null,
        channel: rule.error?.channel,
      });
      expect(result.response.status).toBe(rule.error?.status);
      const location = header(result.response, 'location');
      if (rule.error?.channel === 'redirect') expect(location).toContain(`error=${rule.error.code}`);
      else expect(location).toBeUndefined();
      if (rule.error?.channel === 'direct' && result.response.status !== 401 && !id.startsWith('bearer')) {
        expect(JSON.parse(result.response.body)).toMatchObject({ error: rule.error.code });
        expect(header(result.response, 'cache-control')).toBe('no-store');
      }
    },
  );

  test('covers every rule that has an error', () => {
    const withError = Object.entries(RULES as Record<string, Rule>)
      .filter(([, r]) => r.error)
      .map(([id]) => id);
    expect(Object.keys(SCENARIOS).sort()).toEqual(withError.sort());
  });
});
