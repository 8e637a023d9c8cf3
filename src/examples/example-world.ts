/**
 * The example world every HTTP example on the site lives in: the authorization server, its clients and users, and
 * the API. Authors extend it here, in this one place, and `validateExampleWorld` (run by the tests) checks it.
 */
import type { ResourceServerConfig, ServerConfig } from '../lib/oauth/index.ts';

/** The simulated clock's start for every page: 2026-01-01T10:00:00Z. Example ID tokens use it as `iat`. */
export const EXAMPLE_EPOCH = 1767261600;

/** The user who signs in throughout the examples. */
export const EXAMPLE_USER = { sub: 'user_5821', username: 'jdoe@example.com', password: 'not-a-real-passw0rd!' };

/** The example authorization server. */
export const EXAMPLE_SERVER: ServerConfig = {
  issuer: 'https://auth.example.com',
  verificationUri: 'https://auth.example.com/activate',
  users: [EXAMPLE_USER],
  // The silent-authentication page's request carries this session cookie.
  sessions: { 'not-a-real-session-4Kf8Qz': EXAMPLE_USER.sub },
  // The user approved task-board before, so prompt=none can succeed.
  consents: [{ sub: EXAMPLE_USER.sub, client_id: 'task-board', scope: 'openid tasks.read' }],
  clients: [
    {
      client_id: 'web-portal',
      type: 'confidential',
      secret: 'not-a-real-secret-9Tn4Vc',
      redirect_uris: ['https://app.example.com/callback'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'orders.read'],
    },
    {
      client_id: 'photo-app',
      type: 'public',
      redirect_uris: ['https://app.example.com/callback', 'com.example.photos:/callback'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'photos.read'],
    },
    {
      client_id: 'task-board',
      type: 'public',
      redirect_uris: ['https://app.example.com/callback', 'https://app.example.com/silent-callback'],
      // implicit: the legacy page shows it; the current-practice server refuses it anyway.
      grants: ['authorization_code', 'refresh_token', 'implicit'],
      scopes: ['openid', 'tasks.read'],
    },
    {
      client_id: 'reporting-cron',
      type: 'confidential',
      secret: 'not-a-real-secret-Qz81Lw',
      redirect_uris: [],
      grants: ['client_credentials'],
      scopes: ['reports.read', 'inventory.write'],
    },
    {
      client_id: 'legacy-desktop',
      type: 'confidential',
      secret: 'not-a-real-secret-4Rm7Hx',
      redirect_uris: [],
      grants: ['password', 'refresh_token'],
      scopes: ['account.read'],
    },
    // Clients of the architecture and grant pages added for issue 13.
    {
      client_id: 'orders-bff',
      type: 'confidential',
      secret: 'bff-secret-3CXAipKEJy954ma_',
      redirect_uris: ['https://app.example.com/bff/callback'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'orders.read'],
    },
    {
      client_id: 'notes-desktop',
      type: 'public',
      redirect_uris: ['http://127.0.0.1/oauth2redirect/example-provider'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'notes.read', 'notes.write'],
    },
    {
      client_id: 'photos-mobile',
      type: 'public',
      redirect_uris: ['https://photos.example.com/app/callback'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['photos.read', 'photos.write'],
    },
    {
      client_id: 'shop-web',
      type: 'confidential',
      secret: 'shop-web-secret-OWQZZNAVEj-M7Pno',
      redirect_uris: ['https://shop.example.com/callback'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'orders.read'],
    },
    {
      client_id: 'tv-player-7f3a',
      type: 'public',
      redirect_uris: [],
      grants: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'media.read'],
    },
  ],
};

/** The example API and the scope each path needs. */
export const EXAMPLE_API: ResourceServerConfig = {
  host: 'api.example.com',
  resources: [
    { path: '/v1/orders', scope: 'orders.read' },
    { path: '/v1/photos', scope: 'photos.read' },
    { path: '/v1/tasks', scope: 'tasks.read' },
    { path: '/v1/reports', scope: 'reports.read' },
    { path: '/v1/inventory', scope: 'inventory.write' },
    { path: '/v1/account', scope: 'account.read' },
    { path: '/v1/media', scope: 'media.read' },
  ],
};

/** Where the example JWKS is published on the site (public/examples/jwks.json). */
export const EXAMPLE_JWKS_PATH = '/examples/jwks.json';

/** Mistakes in the example world an author could make, one sentence each; empty when it is consistent. */
export function validateExampleWorld(server: ServerConfig, api: ResourceServerConfig): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const client of server.clients) {
    const name = `Client ${client.client_id}`;
    if (seen.has(client.client_id)) problems.push(`${name} is defined twice.`);
    seen.add(client.client_id);
    if (client.type === 'public' && client.secret !== undefined) {
      problems.push(`${name} is public but has a secret; public clients cannot keep one (RFC 6749 section 2.1).`);
    }
    if (client.type === 'confidential' && !client.secret) problems.push(`${name} is confidential but has no secret.`);
    const redirects = client.grants.includes('authorization_code') || client.grants.includes('implicit');
    if (redirects && client.redirect_uris.length === 0)
      problems.push(`${name} uses a redirect grant but registers no redirect URI.`);
    for (const uri of client.redirect_uris) {
      if (/[*#]/.test(uri))
        problems.push(`${name}: redirect URI ${uri} has a wildcard or fragment; register exact URIs.`);
    }
    if (client.type === 'public' && client.grants.includes('client_credentials')) {
      problems.push(
        `${name} is public but allowed client_credentials (RFC 6749 section 4.4: confidential clients only).`,
      );
    }
  }
  const users = new Set(server.users.map((u) => u.sub));
  for (const [cookie, sub] of Object.entries(server.sessions ?? {})) {
    if (!users.has(sub)) problems.push(`Session ${cookie} belongs to unknown user ${sub}.`);
  }
  for (const consent of server.consents ?? []) {
    if (!seen.has(consent.client_id)) problems.push(`A consent names unknown client ${consent.client_id}.`);
  }
  const allScopes = new Set(server.clients.flatMap((c) => c.scopes));
  for (const resource of api.resources) {
    if (!allScopes.has(resource.scope))
      problems.push(`API path ${resource.path} needs ${resource.scope}, which no client may request.`);
  }
  return problems;
}
