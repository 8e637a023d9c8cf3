/**
 * The grants the playground runs, each with the example client that plays it, the scope it asks for and the API
 * path it calls. Clients, users and the API come from the site's example world (src/examples/example-world.ts).
 */
import type { RuleId } from '../lib/oauth/index.ts';
import type { GrantId } from './grant-ids.ts';

export { GRANT_IDS, isGrantId, type GrantId } from './grant-ids.ts';

/** What the playground needs to know about one grant. */
export interface GrantInfo {
  /** The grant's name as the site writes it. */
  title: string;
  /** The example client that runs it. */
  client_id: string;
  /** The scope it asks for. */
  scope: string;
  /** The API path its access token is for. */
  api: string;
  /** A legacy grant: the model's rule by which a server following current practice refuses it. */
  refusedBy?: RuleId;
}

/** Every grant, in the order the playground lists them. */
export const GRANTS: Readonly<Record<GrantId, GrantInfo>> = {
  'authorization-code-pkce': {
    title: 'Authorization Code with PKCE',
    client_id: 'photo-app',
    scope: 'openid profile photos.read',
    api: '/v1/photos',
  },
  'authorization-code': {
    title: 'Authorization Code (confidential web client)',
    client_id: 'web-portal',
    scope: 'openid profile orders.read',
    api: '/v1/orders',
  },
  'client-credentials': {
    title: 'Client Credentials',
    client_id: 'reporting-cron',
    scope: 'reports.read',
    api: '/v1/reports',
  },
  'device-code': {
    title: 'Device Authorization (RFC 8628)',
    client_id: 'tv-player-7f3a',
    scope: 'media.read',
    api: '/v1/media',
  },
  'refresh-token': {
    title: 'Refresh Token with rotation',
    client_id: 'photo-app',
    scope: 'photos.read',
    api: '/v1/photos',
  },
  implicit: {
    title: 'Implicit (legacy)',
    client_id: 'task-board',
    scope: 'tasks.read',
    api: '/v1/tasks',
    refusedBy: 'implicit-refused',
  },
  password: {
    title: 'Resource Owner Password Credentials (legacy)',
    client_id: 'legacy-desktop',
    scope: 'account.read',
    api: '/v1/account',
    refusedBy: 'password-refused',
  },
};

/** The grant a reader starts with on /playground/. */
export const DEFAULT_GRANT: GrantId = 'authorization-code-pkce';
