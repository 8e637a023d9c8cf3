/** One sentence per grant on who plays it, for the playground's server-rendered description (never shipped to the browser). */
import type { GrantId } from './grant-ids.ts';

/** Who plays each grant in the playground. */
export const GRANT_SUMMARIES: Readonly<Record<GrantId, string>> = {
  'authorization-code-pkce':
    'photo-app, a public client (a mobile or single-page app) with no secret, signs the user in with PKCE.',
  'authorization-code': 'web-portal, a server-side web app with a client secret, signs the user in with PKCE too.',
  'client-credentials': 'reporting-cron, a back-end job acting for itself, gets a token with its own credentials.',
  'device-code': 'tv-player-7f3a, a TV app without a browser, shows a code the user approves on their phone.',
  'refresh-token':
    'photo-app already holds tokens from an earlier sign-in and refreshes them; each refresh token works once.',
  implicit: 'task-board asks for an access token in the redirect itself, as RFC 6749 once allowed.',
  password: "legacy-desktop sends the user's own username and password to the token endpoint.",
};
