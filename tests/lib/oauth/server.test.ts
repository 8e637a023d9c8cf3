import { describe, expect, test } from 'vitest';
import {
  atHash,
  callResource,
  decide,
  decideDevice,
  deviceAuthorizationRequest,
  forkServer,
  header,
  jwksOf,
  resourceRequest,
  tokenRequest,
  verifyJwt,
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

const API = { host: 'api.test', resources: [{ path: '/read', scope: 'read' }] };

describe('authorization endpoint', () => {
  const desktop = (redirect_uri: string) =>
    authorize({
      response_type: 'code',
      client_id: 'desktop',
      redirect_uri,
      scope: 'read',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });

  test.each(['http://127.0.0.1:51004/cb', 'http://127.0.0.1/cb', 'http://[::1]:61023/cb'])(
    'RFC 8252 7.3 and RFC 9700 2.1: the loopback IP redirect URI %s is accepted with any port',
    async (uri) => {
      const server = await makeServer();
      const first = await send(server, desktop(uri));
      if (first.outcome.kind !== 'interaction') throw new Error(JSON.stringify(first.outcome));
      const done = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, at(T0));
      expect(header(done.response, 'location')).toMatch(new RegExp(`^${uri.replace(/[.[\]]/g, '\\$&')}\\?code=`));
      const code = done.outcome.kind === 'redirect' ? (done.outcome.params['code'] ?? '') : '';
      const redeem = (redirect_uri: string) =>
        tokenRequest(
          HOST,
          { grant_type: 'authorization_code', code, redirect_uri, code_verifier: VERIFIER },
          { method: 'none', client_id: 'desktop' },
        );
      // RFC 6749 4.1.3: the token request repeats the redirect_uri as sent, port included.
      expect((await send(forkServer(server), redeem('http://127.0.0.1:9/cb'))).outcome).toMatchObject({
        rule: 'code-redirect-uri-mismatch',
      });
      expect((await send(server, redeem(uri))).outcome.kind).toBe('tokens');
    },
  );

  test.each([
    ['another path', 'http://127.0.0.1:51004/other'],
    ['https instead of http', 'https://127.0.0.1:51004/cb'],
    ['localhost, which is not a loopback IP literal (RFC 8252 8.3)', 'http://localhost:51004/cb'],
    ['a host that starts like a loopback IP', 'http://127.0.0.1.evil.test:51004/cb'],
  ])('RFC 9700 2.1: only the port may differ; %s is refused', async (_what, uri) => {
    const result = await send(await makeServer(), desktop(uri));
    expect(result.outcome).toMatchObject({ kind: 'error', rule: 'redirect-uri-mismatch', channel: 'user' });
  });

  test('RFC 6749 4.1.2: a code is issued to the redirect_uri with the exact state of the request', async () => {
    const server = await makeServer();
    const first = await send(server, spaAuthorize({ state: 'a b&c' }));
    expect(first.response.status).toBe(200);
    if (first.outcome.kind !== 'interaction') throw new Error('expected the sign-in page');
    const done = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, at(T0));
    const location = new URL(header(done.response, 'location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CB);
    expect(location.searchParams.get('state')).toBe('a b&c');
    expect(location.searchParams.get('code')).toMatch(/^code-/);
  });

  test('RFC 6749 4.1.2.1: a redirect_uri that is not registered is shown to the user, never redirected to', async () => {
    const result = await send(await makeServer(), spaAuthorize({ redirect_uri: 'https://evil.test/cb' }));
    expect(result.response.status).toBe(400);
    expect(header(result.response, 'location')).toBeUndefined();
    expect(result.wire.response).toMatch(/^HTTP\/1\.1 400 Bad Request\nContent-Type: text\/html/);
  });

  test('RFC 10017 7.2: response_type=token is refused with unsupported_response_type in the fragment', async () => {
    const result = await send(await makeServer(), spaAuthorize({ response_type: 'token' }));
    expect(header(result.response, 'location')).toBe(`${CB}#error=unsupported_response_type&state=st`);
  });

  test('RFC 6749 4.2.2: under the rfc6749 profile the implicit grant puts the token in the fragment and issues no refresh token', async () => {
    const server = await makeServer();
    const legacy = at(T0, { profile: 'rfc6749' });
    const first = await send(server, spaAuthorize({ response_type: 'token', code_challenge: undefined }), legacy);
    if (first.outcome.kind !== 'interaction') throw new Error('expected the sign-in page');
    const done = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, legacy);
    const fragment = new URLSearchParams(new URL(header(done.response, 'location') ?? '').hash.slice(1));
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('refresh_token')).toBeNull();
    expect(
      callResource(server, API, resourceRequest('api.test', '/read', fragment.get('access_token') ?? ''), at(T0))
        .response.status,
    ).toBe(200);
  });

  test('OAuth 2.1 7.5.1.1: a confidential client may skip PKCE only in an openid request with a nonce', async () => {
    const server = await makeServer();
    const withNonce = await send(
      server,
      authorize({ response_type: 'code', client_id: 'web', redirect_uri: CB, scope: 'openid', nonce: 'n' }),
    );
    expect(withNonce.outcome.kind).toBe('interaction');
    const without = await send(
      server,
      authorize({ response_type: 'code', client_id: 'web', redirect_uri: CB, scope: 'openid' }),
    );
    expect(without.outcome).toMatchObject({ rule: 'pkce-or-nonce-required', error: 'invalid_request' });
  });

  test('OIDC Core 3.1.2.1: prompt=none with a session and an earlier consent issues a code without any page', async () => {
    const server = await makeServer({
      ...(await makeServer()).config,
      consents: [{ sub: 'alice', client_id: 'spa', scope: 'openid read' }],
    });
    const request = {
      ...spaAuthorize({ prompt: 'none' }),
      headers: [
        ['Host', HOST],
        ['Cookie', 'as_session=session-alice'],
      ] as const,
    };
    const result = await send(server, request);
    expect(result.outcome).toMatchObject({ kind: 'redirect', params: { state: 'st' } });
  });
});

describe('token endpoint', () => {
  test('RFC 6749 5.1 and OIDC Core 3.1.3.3: tokens come with Cache-Control: no-store and an id_token for openid', async () => {
    const server = await makeServer();
    const result = await send(server, spaRedeem(await spaCode(server)));
    expect(header(result.response, 'cache-control')).toBe('no-store');
    const body = JSON.parse(result.response.body);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid read' });
    expect(typeof body.id_token).toBe('string');
  });

  test('OIDC Core 2 and 3.1.3.6: the ID token is an RS256 JWT with iss, sub, aud, exp, iat, nonce and at_hash', async () => {
    const server = await makeServer();
    const body = JSON.parse((await send(server, spaRedeem(await spaCode(server)), at(T0 + 5))).response.body);
    const verified = await verifyJwt(body.id_token, jwksOf(server.key));
    if (!verified.ok) throw new Error(verified.reason);
    expect(verified.header).toMatchObject({ alg: 'RS256', kid: 'example-2026' });
    expect(verified.claims).toEqual({
      iss: 'https://as.test',
      sub: 'alice',
      aud: 'spa',
      iat: T0 + 5,
      exp: T0 + 5 + 3600,
      auth_time: T0,
      nonce: 'n-1',
      at_hash: await atHash(body.access_token),
    });
  });

  test('RFC 6749 4.1.2: replaying a code is refused and revokes the tokens issued with it', async () => {
    const server = await makeServer();
    const code = await spaCode(server);
    const first = JSON.parse((await send(server, spaRedeem(code))).response.body);
    expect(
      callResource(server, API, resourceRequest('api.test', '/read', first.access_token), at(T0)).response.status,
    ).toBe(200);
    const replay = await send(server, spaRedeem(code));
    expect(replay.outcome).toMatchObject({ rule: 'code-reuse', error: 'invalid_grant' });
    expect(
      callResource(server, API, resourceRequest('api.test', '/read', first.access_token), at(T0)).outcome,
    ).toMatchObject({ rule: 'bearer-invalid' });
    const refresh = await send(
      server,
      tokenRequest(
        HOST,
        { grant_type: 'refresh_token', refresh_token: first.refresh_token },
        { method: 'none', client_id: 'spa' },
      ),
    );
    expect(refresh.outcome).toMatchObject({ rule: 'refresh-invalid' });
  });

  test('OAuth 2.1 7.5.2: a replayed code with a wrong verifier is refused without revoking anything', async () => {
    const server = await makeServer();
    const code = await spaCode(server);
    const first = JSON.parse((await send(server, spaRedeem(code))).response.body);
    const bad = await send(server, spaRedeem(code, { code_verifier: 'B'.repeat(43) }));
    expect(bad.outcome).toMatchObject({ rule: 'pkce-verifier-mismatch' });
    expect(
      callResource(server, API, resourceRequest('api.test', '/read', first.access_token), at(T0)).response.status,
    ).toBe(200);
  });

  test('RFC 6749 4.1.2: a code is still good just before its lifetime ends', async () => {
    const server = await makeServer();
    expect((await send(server, spaRedeem(await spaCode(server)), at(T0 + 599))).response.status).toBe(200);
  });

  test('RFC 6749 5.2: a client that tried Basic and failed gets 401 with WWW-Authenticate: Basic', async () => {
    const server = await makeServer();
    const result = await send(
      server,
      tokenRequest(
        HOST,
        { grant_type: 'client_credentials' },
        { method: 'client_secret_basic', client_id: 'cron', secret: 'nope' },
      ),
    );
    expect(result.response.status).toBe(401);
    expect(header(result.response, 'www-authenticate')).toBe('Basic realm="as.test"');
    expect(JSON.parse(result.response.body).error).toBe('invalid_client');
  });

  test('RFC 6749 2.3.1 and 4.4.3: client_secret_post works for client credentials, and no refresh token is issued', async () => {
    const server = await makeServer();
    const result = await send(
      server,
      tokenRequest(
        HOST,
        { grant_type: 'client_credentials' },
        { method: 'client_secret_post', client_id: 'cron', secret: 'cron-secret' },
      ),
    );
    expect(JSON.parse(result.response.body)).not.toHaveProperty('refresh_token');
    expect(result.outcome).toMatchObject({ kind: 'tokens', grant: 'client_credentials', body: { scope: 'read' } });
  });

  test('RFC 9700 4.14.2: a public client’s refresh token rotates, and reusing the old one revokes the whole family', async () => {
    const server = await makeServer();
    const first = JSON.parse((await send(server, spaRedeem(await spaCode(server)))).response.body);
    const refresh = (token: string) =>
      tokenRequest(HOST, { grant_type: 'refresh_token', refresh_token: token }, { method: 'none', client_id: 'spa' });
    const second = JSON.parse((await send(server, refresh(first.refresh_token))).response.body);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await send(server, refresh(first.refresh_token))).outcome).toMatchObject({ rule: 'refresh-reuse' });
    expect((await send(server, refresh(second.refresh_token))).outcome).toMatchObject({ rule: 'refresh-invalid' });
    expect(
      callResource(server, API, resourceRequest('api.test', '/read', second.access_token), at(T0)).outcome,
    ).toMatchObject({ rule: 'bearer-invalid' });
  });

  test('RFC 6749 6: a confidential client keeps its refresh token and may narrow the scope', async () => {
    const server = await makeServer();
    const web = { method: 'client_secret_basic' as const, client_id: 'web', secret: 's3cret' };
    const first = await send(
      server,
      authorize({
        response_type: 'code',
        client_id: 'web',
        redirect_uri: CB,
        scope: 'read write',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }),
    );
    if (first.outcome.kind !== 'interaction') throw new Error('expected the sign-in page');
    const done = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, at(T0));
    const code = done.outcome.kind === 'redirect' ? done.outcome.params['code'] : '';
    const tokens = JSON.parse(
      (
        await send(
          server,
          tokenRequest(
            HOST,
            {
              grant_type: 'authorization_code',
              code,
              redirect_uri: CB,
              code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
            },
            web,
          ),
        )
      ).response.body,
    );
    expect(tokens).not.toHaveProperty('id_token');
    const narrowed = JSON.parse(
      (
        await send(
          server,
          tokenRequest(HOST, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: 'read' }, web),
        )
      ).response.body,
    );
    expect(narrowed).toMatchObject({ scope: 'read' });
    expect(narrowed).not.toHaveProperty('refresh_token');
    expect(
      (
        await send(
          server,
          tokenRequest(HOST, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, web),
        )
      ).response.status,
    ).toBe(200);
  });

  test('RFC 9700 2.4: the password grant is refused for every client, even one registered for it', async () => {
    const server = await makeServer();
    const request = tokenRequest(
      HOST,
      { grant_type: 'password', username: 'alice@test', password: 'pw-alice' },
      { method: 'client_secret_basic', client_id: 'legacy', secret: 'legacy-secret' },
    );
    expect((await send(server, request)).outcome).toMatchObject({
      error: 'unsupported_grant_type',
      rule: 'password-refused',
    });
    expect((await send(server, request, at(T0, { profile: 'rfc6749' }))).response.status).toBe(200);
  });
});

describe('device authorization grant', () => {
  test('RFC 8628 3.2 and 3.5: codes are issued, polls wait, slow_down adds 5 seconds, approval issues tokens once', async () => {
    const server = await makeServer();
    const started = await send(server, deviceAuthorizationRequest(HOST, 'read', { method: 'none', client_id: 'tv' }));
    if (started.outcome.kind !== 'device') throw new Error('expected device codes');
    const body = started.outcome.body;
    expect(body).toMatchObject({ verification_uri: 'https://as.test/device', expires_in: 900, interval: 5 });
    expect(body.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$|^user_code-\d+$/);
    const poll = tokenRequest(
      HOST,
      { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: body.device_code },
      { method: 'none', client_id: 'tv' },
    );
    expect((await send(server, poll, at(T0))).outcome).toMatchObject({ error: 'authorization_pending' });
    expect((await send(server, poll, at(T0 + 4))).outcome).toMatchObject({ error: 'slow_down' });
    expect(server.state.devices[body.device_code]?.interval).toBe(10);
    expect((await send(server, poll, at(T0 + 13))).outcome).toMatchObject({ error: 'slow_down' });
    expect((await send(server, poll, at(T0 + 30))).outcome).toMatchObject({ error: 'authorization_pending' });
    expect(decideDevice(server, body.user_code, { sub: 'alice', approve: true }, at(T0 + 31))).toBe(true);
    expect((await send(server, poll, at(T0 + 45))).outcome).toMatchObject({ kind: 'tokens', body: { scope: 'read' } });
    expect((await send(server, poll, at(T0 + 60))).outcome).toMatchObject({ rule: 'device-code-invalid' });
  });
});

describe('resource server', () => {
  test('RFC 6750 3.1: no token gets 401 with a bare Bearer challenge and no error code', async () => {
    const result = callResource(await makeServer(), API, resourceRequest('api.test', '/read'), at(T0));
    expect(result.response.status).toBe(401);
    expect(header(result.response, 'www-authenticate')).toBe('Bearer realm="api.test"');
  });

  test('RFC 6750 3.1: an insufficient scope gets 403 naming the scope needed', async () => {
    const server = await makeServer();
    const { access_token } = JSON.parse(
      (
        await send(
          server,
          tokenRequest(
            HOST,
            { grant_type: 'client_credentials' },
            { method: 'client_secret_basic', client_id: 'cron', secret: 'cron-secret' },
          ),
        )
      ).response.body,
    );
    const result = callResource(
      server,
      { host: 'api.test', resources: [{ path: '/admin', scope: 'admin' }] },
      resourceRequest('api.test', '/admin/x', access_token),
      at(T0),
    );
    expect(result.response.status).toBe(403);
    expect(header(result.response, 'www-authenticate')).toContain('error="insufficient_scope"');
    expect(header(result.response, 'www-authenticate')).toContain('scope="admin"');
  });
});

describe('forkServer', () => {
  test('a fork can redeem a code without using it up in the original', async () => {
    const server = await makeServer();
    const code = await spaCode(server);
    const fork = forkServer(server);
    expect((await send(fork, spaRedeem(code))).response.status).toBe(200);
    expect((await send(server, spaRedeem(code))).response.status).toBe(200);
  });
});
