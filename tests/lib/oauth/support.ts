import { EXAMPLE_PRIVATE_JWK } from '../../../src/examples/example-key.ts';
import {
  authorizationRequest,
  createAuthorizationServer,
  decide,
  handle,
  importSigningKey,
  s256,
  tokenRequest,
  type AuthorizationServer,
  type Context,
  type Exchange,
  type HttpRequest,
  type ServerConfig,
} from '../../../src/lib/oauth/index.ts';

export const HOST = 'as.test';
export const T0 = 1_000_000;
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
export const CB = 'https://client.test/cb';

/** A small world of its own, so the model's tests do not depend on the site's examples. */
export const CONFIG: ServerConfig = {
  issuer: 'https://as.test',
  verificationUri: 'https://as.test/device',
  users: [{ sub: 'alice', username: 'alice@test', password: 'pw-alice' }],
  sessions: { 'session-alice': 'alice' },
  clients: [
    {
      client_id: 'spa',
      type: 'public',
      redirect_uris: [CB],
      grants: ['authorization_code', 'refresh_token', 'implicit'],
      scopes: ['openid', 'read'],
    },
    {
      client_id: 'web',
      type: 'confidential',
      secret: 's3cret',
      redirect_uris: [CB, 'https://client.test/other'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'read', 'write'],
    },
    {
      client_id: 'cron',
      type: 'confidential',
      secret: 'cron-secret',
      redirect_uris: [],
      grants: ['client_credentials'],
      scopes: ['read'],
    },
    {
      client_id: 'legacy',
      type: 'confidential',
      secret: 'legacy-secret',
      redirect_uris: [],
      grants: ['password'],
      scopes: ['read'],
    },
    {
      client_id: 'tv',
      type: 'public',
      redirect_uris: [],
      grants: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      scopes: ['openid', 'read'],
    },
    {
      client_id: 'desktop',
      type: 'public',
      redirect_uris: ['http://127.0.0.1/cb', 'http://[::1]/cb', 'http://localhost/cb'],
      grants: ['authorization_code'],
      scopes: ['read'],
    },
    { client_id: 'cli-public-cc', type: 'public', redirect_uris: [], grants: ['client_credentials'], scopes: ['read'] },
  ],
};

let counter = 0;
export async function makeServer(config: ServerConfig = CONFIG): Promise<AuthorizationServer> {
  const key = await importSigningKey(EXAMPLE_PRIVATE_JWK);
  return createAuthorizationServer(config, key, (kind) => `${kind}-${++counter}`);
}

export const at = (now: number, extra: Partial<Context> = {}): Context => ({ now, ...extra });

export async function send(server: AuthorizationServer, request: HttpRequest, ctx = at(T0)): Promise<Exchange> {
  const result = await handle(server, request, ctx);
  if (!result) throw new Error(`No endpoint for ${request.target}`);
  return result;
}

export const authorize = (params: Record<string, string | undefined>): HttpRequest =>
  authorizationRequest(HOST, params);

export const spaAuthorize = (extra: Record<string, string | undefined> = {}): HttpRequest =>
  authorize({
    response_type: 'code',
    client_id: 'spa',
    redirect_uri: CB,
    scope: 'openid read',
    state: 'st',
    nonce: 'n-1',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  });

/** Runs authorize + approve for the public SPA and returns the code. */
export async function spaCode(
  server: AuthorizationServer,
  now = T0,
  extra: Record<string, string | undefined> = {},
): Promise<string> {
  const first = await send(server, spaAuthorize(extra), at(now));
  if (first.outcome.kind !== 'interaction') throw new Error(JSON.stringify(first.outcome));
  const second = await decide(server, first.outcome.ticket, { sub: 'alice', approve: true }, at(now));
  if (second.outcome.kind !== 'redirect') throw new Error(JSON.stringify(second.outcome));
  return second.outcome.params['code'] ?? '';
}

export const spaRedeem = (code: string, extra: Record<string, string | undefined> = {}): HttpRequest =>
  tokenRequest(
    HOST,
    { grant_type: 'authorization_code', code, redirect_uri: CB, code_verifier: VERIFIER, ...extra },
    { method: 'none', client_id: 'spa' },
  );

export { s256 };
