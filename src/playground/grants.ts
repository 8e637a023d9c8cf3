/**
 * The grants the playground runs, each with the example client that plays it, the scope it asks for and the API
 * path it calls. Clients, users and the API come from the site's example world (src/examples/example-world.ts).
 */

/** A grant the playground can run; also the value of `<Playground grant="…" />` and the first part of its URL state. */
export type GrantId =
  | 'authorization-code-pkce'
  | 'authorization-code'
  | 'client-credentials'
  | 'device-code'
  | 'refresh-token'
  | 'implicit'
  | 'password';

/** What the playground needs to know about one grant. */
export interface GrantInfo {
  /** The grant's name as the site writes it. */
  title: string;
  /** One sentence on who plays it. */
  summary: string;
  /** The example client that runs it. */
  client_id: string;
  /** The scope it asks for. */
  scope: string;
  /** The API path its access token is for. */
  api: string;
  /** A legacy grant: a server following RFC 9700 refuses it. */
  legacy?: true;
}

/** Every grant, in the order the playground lists them. */
export const GRANTS: Readonly<Record<GrantId, GrantInfo>> = {
  'authorization-code-pkce': {
    title: 'Authorization Code with PKCE',
    summary: 'photo-app, a public client (a mobile or single-page app) with no secret, signs the user in with PKCE.',
    client_id: 'photo-app',
    scope: 'openid profile photos.read',
    api: '/v1/photos',
  },
  'authorization-code': {
    title: 'Authorization Code (confidential web client)',
    summary: 'web-portal, a server-side web app with a client secret, signs the user in with PKCE too.',
    client_id: 'web-portal',
    scope: 'openid profile orders.read',
    api: '/v1/orders',
  },
  'client-credentials': {
    title: 'Client Credentials',
    summary: 'reporting-cron, a back-end job acting for itself, gets a token with its own credentials.',
    client_id: 'reporting-cron',
    scope: 'reports.read',
    api: '/v1/reports',
  },
  'device-code': {
    title: 'Device Authorization (RFC 8628)',
    summary: 'tv-player-7f3a, a TV app without a browser, shows a code the user approves on their phone.',
    client_id: 'tv-player-7f3a',
    scope: 'media.read',
    api: '/v1/media',
  },
  'refresh-token': {
    title: 'Refresh Token with rotation',
    summary:
      'photo-app already holds tokens from an earlier sign-in and refreshes them; each refresh token works once.',
    client_id: 'photo-app',
    scope: 'photos.read',
    api: '/v1/photos',
  },
  implicit: {
    title: 'Implicit (legacy)',
    summary: 'task-board asks for an access token in the redirect itself, as RFC 6749 once allowed.',
    client_id: 'task-board',
    scope: 'tasks.read',
    api: '/v1/tasks',
    legacy: true,
  },
  password: {
    title: 'Resource Owner Password Credentials (legacy)',
    summary: "legacy-desktop sends the user's own username and password to the token endpoint.",
    client_id: 'legacy-desktop',
    scope: 'account.read',
    api: '/v1/account',
    legacy: true,
  },
};

/** Grant ids in display order. */
export const GRANT_IDS = Object.keys(GRANTS) as readonly GrantId[];

/** True when `value` names a grant the playground runs. */
export function isGrantId(value: unknown): value is GrantId {
  return typeof value === 'string' && Object.hasOwn(GRANTS, value);
}

/** The grant a reader starts with on /playground/. */
export const DEFAULT_GRANT: GrantId = 'authorization-code-pkce';
