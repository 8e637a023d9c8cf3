/**
 * Example requests of the Authorization Code Grant with PKCE, built as text a reader can copy:
 * the authorization request URL and the token request as a curl command.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */

// Pure: no DOM, no randomness. The island supplies the random bytes for `state`.

import type { ChallengeMethod } from './pkce.ts';
import { base64UrlEncode } from './s256.ts';

/** Stands in for the `code` the authorization server returns on the redirect; the reader replaces it. */
export const AUTHORIZATION_CODE_PLACEHOLDER = 'AUTHORIZATION_CODE';

const CLIENT_ID_MISSING = 'Enter a client_id: both requests need it.';

/** Octets of randomness in a generated `state` value (128 bits). */
export const STATE_OCTETS = 16;

/** What the authorization request needs. Empty optional values are left out of the URL. */
export interface AuthorizationRequest {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: ChallengeMethod;
}

/** What the token request needs. An empty redirect_uri is left out, matching an authorization request without one. */
export interface TokenRequest {
  tokenEndpoint: string;
  code: string;
  redirectUri: string;
  clientId: string;
  codeVerifier: string;
}

/** The inputs a request can be refused for. */
export type RequestField = 'authorizationEndpoint' | 'tokenEndpoint' | 'clientId';

/** Either the built text, or the field to fix and one sentence saying how. */
export type Built = { ok: true; text: string } | { ok: false; field: RequestField; problem: string };

/**
 * Says what is wrong with an endpoint URL, or returns null when it is usable.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export function endpointProblem(input: string, name: string): string | null {
  if (input.trim() === '') return `Enter the ${name}.`;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return `The ${name} must be a full URL such as https://auth.example.com/authorize.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `The ${name} must start with https:// (or http:// for a local test server).`;
  }
  // RFC 6749 sections 3.1 and 3.2: endpoint URIs must not include a fragment component.
  if (input.includes('#')) return `The ${name} must not contain a fragment (the part from "#" on).`;
  return null;
}

/**
 * Builds the authorization request URL: the endpoint's own query is kept and every value is form-encoded.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export function buildAuthorizationUrl(request: AuthorizationRequest): Built {
  const problem = endpointProblem(request.authorizationEndpoint, 'authorization endpoint');
  if (problem) return { ok: false, field: 'authorizationEndpoint', problem };
  if (request.clientId === '') return { ok: false, field: 'clientId', problem: CLIENT_ID_MISSING };
  const url = new URL(request.authorizationEndpoint);
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['scope', request.scope],
    ['state', request.state],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', request.codeChallengeMethod],
  ];
  // set() rather than append(): RFC 6749 section 3.1 forbids sending a parameter twice.
  for (const [name, value] of params) if (value !== '') url.searchParams.set(name, value);
  return { ok: true, text: url.href };
}

/**
 * Builds the token request as a POSIX-shell curl command; curl's --data-urlencode encodes each value.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export function buildTokenCurl(request: TokenRequest): Built {
  const problem = endpointProblem(request.tokenEndpoint, 'token endpoint');
  if (problem) return { ok: false, field: 'tokenEndpoint', problem };
  if (request.clientId === '') return { ok: false, field: 'clientId', problem: CLIENT_ID_MISSING };
  const url = new URL(request.tokenEndpoint).href;
  const fields: [string, string][] = [
    ['grant_type', 'authorization_code'],
    ['code', request.code],
    ['redirect_uri', request.redirectUri],
    ['client_id', request.clientId],
    ['code_verifier', request.codeVerifier],
  ];
  const lines = [
    // Brackets and braces would otherwise be read as curl's URL globbing syntax.
    `curl ${/[[\]{}]/.test(url) ? '--globoff ' : ''}${shellQuote(url)}`,
    // "name=content": curl takes everything after the first "=" as content and percent-encodes it.
    ...fields
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `--data-urlencode ${shellQuote(`${name}=${value}`)}`),
  ];
  return { ok: true, text: lines.join(' \\\n  ') };
}

/** Quotes a string as one POSIX shell word: single quotes, with each ' written as '\''. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Turns random octets into a URL-safe `state` value.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export function stateFromOctets(octets: Uint8Array): string {
  return base64UrlEncode(octets);
}
