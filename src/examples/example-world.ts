/**
 * The example world every HTTP example on the site lives in: the authorization server, its clients and users, and
 * the API. Authors extend it here, in this one place, and `validateExampleWorld` (run by the tests) checks it.
 */
import { CIBA_GRANT, TOKEN_EXCHANGE_GRANT, type ResourceServerConfig, type ServerConfig } from '../lib/oauth/index.ts';

/** The simulated clock's start for every page: 2026-01-01T10:00:00Z. Example ID tokens use it as `iat`. */
export const EXAMPLE_EPOCH = 1767261600;

/** The user who signs in throughout the examples. */
export const EXAMPLE_USER = { sub: 'user_5821', username: 'jdoe@example.com', password: 'not-a-real-passw0rd!' };

/** Audiences (resource URIs) of the example resource servers (RFC 8707, RFC 9700 section 2.3). */
const API_AUDIENCE = 'https://api.example.com/';
const ORDERS_AUDIENCE = 'https://orders.example.com/';
const BILLING_AUDIENCE = 'https://billing.example.com/';

/** The example authorization server. */
export const EXAMPLE_SERVER: ServerConfig = {
  issuer: 'https://auth.example.com',
  verificationUri: 'https://auth.example.com/activate',
  // Tokens requested without resource or audience are for the example API.
  defaultAudience: API_AUDIENCE,
  audiences: [API_AUDIENCE, ORDERS_AUDIENCE, BILLING_AUDIENCE],
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
    // The CIBA page's call-centre console (poll mode).
    {
      client_id: 'helpdesk-console',
      type: 'confidential',
      secret: 'console-secret-Zj2TbujOQJwwlnep',
      redirect_uris: [],
      grants: [CIBA_GRANT],
      scopes: ['openid', 'account.read'],
    },
    // The token exchange page's Orders API, exchanging tokens meant for itself for tokens for other APIs.
    {
      client_id: 'orders-api',
      type: 'confidential',
      secret: 'orders-api-secret-DArUQKWxIwQJoNjO',
      redirect_uris: [],
      grants: [TOKEN_EXCHANGE_GRANT],
      scopes: ['invoices.read'],
      exchangeFrom: [ORDERS_AUDIENCE],
    },
    // The sender-constrained tokens page's client: private_key_jwt with this public key, no secret.
    {
      client_id: 'payments-web',
      type: 'confidential',
      jwks: {
        keys: [
          {
            kty: 'EC',
            kid: 'payments-web-1',
            alg: 'ES256',
            crv: 'P-256',
            x: 'EHOCNnCzTWdmv0BB2JpuhNgAKADY2CaSBIWJoQnhlwY',
            y: '7LSayHavkvO6ySitiBAu5qvEy5x9iJ5odnEvL2g05aQ',
          },
        ],
      },
      redirect_uris: ['https://pay.example.com/callback'],
      grants: ['authorization_code', 'refresh_token'],
      scopes: ['payments.read', 'payments.initiate'],
    },
  ],
};

/** The example API and the scope each path needs. */
export const EXAMPLE_API: ResourceServerConfig = {
  host: 'api.example.com',
  audience: API_AUDIENCE,
  resources: [
    { path: '/v1/payments', scope: 'payments.read' },
    { path: '/v1/orders', scope: 'orders.read' },
    { path: '/v1/photos', scope: 'photos.read' },
    { path: '/v1/tasks', scope: 'tasks.read' },
    { path: '/v1/reports', scope: 'reports.read' },
    { path: '/v1/inventory', scope: 'inventory.write' },
    { path: '/v1/account', scope: 'account.read' },
    { path: '/v1/media', scope: 'media.read' },
  ],
};

/** The token exchange page's APIs: the Orders API that receives the user's token, and the Billing API it calls. */
export const EXAMPLE_ORDERS_API: ResourceServerConfig = {
  host: 'orders.example.com',
  audience: ORDERS_AUDIENCE,
  resources: [{ path: '/v1/orders', scope: 'orders.read' }],
};

/** See EXAMPLE_ORDERS_API. */
export const EXAMPLE_BILLING_API: ResourceServerConfig = {
  host: 'billing.example.com',
  audience: BILLING_AUDIENCE,
  resources: [{ path: '/v1/invoices', scope: 'invoices.read' }],
};

/** Every resource server of the example world; requests to their hosts are checked as RFC 6750 / RFC 9449 requests. */
export const EXAMPLE_RESOURCE_SERVERS: readonly ResourceServerConfig[] = [
  EXAMPLE_API,
  EXAMPLE_ORDERS_API,
  EXAMPLE_BILLING_API,
];

/** Where the example JWKS is published on the site (public/examples/jwks.json). */
export const EXAMPLE_JWKS_PATH = '/examples/jwks.json';

/** Mistakes in the example world an author could make, one sentence each; empty when it is consistent. */
export function validateExampleWorld(
  server: ServerConfig,
  apis: ResourceServerConfig | readonly ResourceServerConfig[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const client of server.clients) {
    const name = `Client ${client.client_id}`;
    if (seen.has(client.client_id)) problems.push(`${name} is defined twice.`);
    seen.add(client.client_id);
    if (client.type === 'public' && client.secret !== undefined) {
      problems.push(`${name} is public but has a secret; public clients cannot keep one (RFC 6749 section 2.1).`);
    }
    if (client.type === 'confidential' && !client.secret && !client.jwks?.keys.length)
      problems.push(`${name} is confidential but has neither a secret nor a registered key.`);
    if (client.type === 'public' && client.grants.includes(CIBA_GRANT))
      problems.push(`${name} is public but allowed CIBA, whose clients authenticate (CIBA section 7.1).`);
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
  const list: readonly ResourceServerConfig[] = Array.isArray(apis) ? apis : [apis as ResourceServerConfig];
  for (const api of list) {
    for (const resource of api.resources) {
      if (!allScopes.has(resource.scope))
        problems.push(`API path ${resource.path} needs ${resource.scope}, which no client may request.`);
    }
    if (api.audience !== undefined && !(server.audiences ?? []).includes(api.audience))
      problems.push(`API ${api.host} has audience ${api.audience}, which the server does not issue tokens for.`);
  }
  return problems;
}
