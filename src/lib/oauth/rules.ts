/**
 * The model's rules as data. Each rule cites the section that states it, at the requirement level that section
 * uses, and names the error the server produces when a request breaks it.
 */
import type { ErrorCode } from './types.ts';

/** Documents the rules cite: file stems in the team's reference library. */
export type DocId =
  | 'rfc6749'
  | 'rfc6750'
  | 'rfc7636'
  | 'rfc8252'
  | 'rfc8628'
  | 'rfc8693'
  | 'rfc9126'
  | 'rfc9449'
  | 'rfc9700'
  | 'rfc10017'
  | 'oidc-core-1_0'
  | 'oidc-ciba-core-1_0'
  | 'draft-ietf-oauth-v2-1';

/** BCP 14 keywords, or `informative` when the cited text states none (e.g. an error code's definition). */
export type Level =
  'MUST' | 'MUST NOT' | 'REQUIRED' | 'SHOULD' | 'SHOULD NOT' | 'RECOMMENDED' | 'MAY' | 'OPTIONAL' | 'informative';

/** Where an error goes: back to the client's redirect_uri, in the direct HTTP response, or shown to the user only. */
export type ErrorChannel = 'redirect' | 'direct' | 'user';

/** The error a broken rule produces. `code` is null for the one case that sends no error code (RFC 6750 3.1). */
export interface RuleError {
  code: ErrorCode | null;
  status: number;
  channel: ErrorChannel;
}

/** One rule of the model. */
export interface Rule {
  /** The document's file stem. */
  doc: DocId;
  /** The section number as in the document's headings. */
  section: string;
  /** The requirement level the cited text states. */
  level: Level;
  /** What the rule asks, in our words. */
  says: string;
  /** The error the server answers with; absent for rules about what a correct response contains. */
  error?: RuleError;
  /** True when only a server following current practice applies it; the `rfc6749` profile waives it. */
  current?: true;
}

const redirect = (code: ErrorCode): RuleError => ({ code, status: 302, channel: 'redirect' });
const direct = (code: ErrorCode | null, status = 400): RuleError => ({ code, status, channel: 'direct' });
const user: RuleError = { code: 'invalid_request', status: 400, channel: 'user' };

/** Every rule, keyed by its id. */
export const RULES = {
  // Authorization endpoint
  'client-unknown': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'MUST NOT',
    says: 'An authorization request with a missing or unknown client_id is shown to the user and never redirected.',
    error: user,
  },
  'redirect-uri-mismatch': {
    doc: 'rfc9700',
    section: '2.1',
    level: 'MUST',
    says: 'redirect_uri must equal a registered redirect URI character for character, except the port of a loopback IP redirect URI (RFC 8252 section 7.3); a mismatch is shown to the user and never redirected (RFC 6749 section 4.1.2.1).',
    error: user,
  },
  'redirect-uri-loopback-port': {
    doc: 'rfc8252',
    section: '7.3',
    level: 'MUST',
    says: 'A loopback IP redirect URI (http://127.0.0.1 or http://[::1]) is accepted with any port; the rest must match exactly.',
  },
  'redirect-uri-required': {
    doc: 'rfc6749',
    section: '3.1.2.3',
    level: 'MUST',
    says: 'A client with several registered redirect URIs must send redirect_uri.',
    error: user,
  },
  'openid-redirect-uri-required': {
    doc: 'oidc-core-1_0',
    section: '3.1.2.1',
    level: 'REQUIRED',
    says: 'An OpenID Connect request (scope contains openid) must send redirect_uri.',
    error: user,
  },
  'response-type-unsupported': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    says: 'The server issues codes for response_type=code only; other response types are not supported.',
    error: redirect('unsupported_response_type'),
  },
  'implicit-refused': {
    doc: 'rfc10017',
    section: '7.2',
    level: 'MUST NOT',
    says: 'No access token in the authorization response: response_type=token and other response types containing token are refused (also RFC 9700 section 2.1.2).',
    error: redirect('unsupported_response_type'),
    current: true,
  },
  'authorize-unauthorized-client': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    says: 'The client is not registered for the grant this response_type starts.',
    error: redirect('unauthorized_client'),
  },
  'authorize-scope-not-allowed': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    says: 'Every requested scope must be one the client is registered for.',
    error: redirect('invalid_scope'),
  },
  'pkce-required-public': {
    doc: 'rfc9700',
    section: '2.1.1',
    level: 'MUST',
    says: 'A public client must send code_challenge; the server answers invalid_request without it (RFC 7636 section 4.4.1).',
    error: redirect('invalid_request'),
    current: true,
  },
  'pkce-or-nonce-required': {
    doc: 'draft-ietf-oauth-v2-1',
    section: '7.5.1.1',
    level: 'MUST',
    says: 'A confidential client must send code_challenge, or request openid with a nonce (RFC 9700 section 2.1.1 allows the nonce for confidential OpenID Connect clients).',
    error: redirect('invalid_request'),
    current: true,
  },
  'pkce-method-unsupported': {
    doc: 'rfc7636',
    section: '4.4.1',
    level: 'MUST',
    says: 'The server supports code_challenge_method=S256 only; a missing method means plain (RFC 7636 section 4.3) and is refused too.',
    error: redirect('invalid_request'),
  },
  'prompt-none-login-required': {
    doc: 'oidc-core-1_0',
    section: '3.1.2.1',
    level: 'MUST NOT',
    says: 'With prompt=none and no session at the authorization server, the answer is login_required.',
    error: redirect('login_required'),
  },
  'prompt-none-consent-required': {
    doc: 'oidc-core-1_0',
    section: '3.1.2.1',
    level: 'MUST NOT',
    says: 'With prompt=none and no earlier consent for every requested scope, the answer is consent_required.',
    error: redirect('consent_required'),
  },
  'access-denied': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    says: 'The user declined; the client is told with error=access_denied.',
    error: redirect('access_denied'),
  },
  // Token endpoint
  'token-param-missing': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    says: 'A token request names its grant_type and sends the parameters that grant requires.',
    error: direct('invalid_request'),
  },
  'token-request-post': {
    doc: 'rfc6749',
    section: '3.2',
    level: 'MUST',
    says: 'Token requests are POST with an application/x-www-form-urlencoded body.',
    error: direct('invalid_request'),
  },
  'client-auth-one-method': {
    doc: 'rfc6749',
    section: '2.3',
    level: 'MUST NOT',
    says: 'Send the client secret either in the Authorization header or in the body, not both.',
    error: direct('invalid_request'),
  },
  'client-auth-failed': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'MUST',
    says: 'Unknown client or wrong secret: 401 invalid_client with WWW-Authenticate: Basic.',
    error: direct('invalid_client', 401),
  },
  'client-auth-required': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    says: 'A confidential client must authenticate at the token endpoint.',
    error: direct('invalid_client', 401),
  },
  'grant-type-unsupported': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    says: 'grant_type must be one the server supports.',
    error: direct('unsupported_grant_type'),
  },
  'password-refused': {
    doc: 'rfc9700',
    section: '2.4',
    level: 'MUST NOT',
    says: 'The server does not support grant_type=password at all, so it answers unsupported_grant_type (RFC 6749 section 5.2) for every client.',
    error: direct('unsupported_grant_type'),
    current: true,
  },
  'token-unauthorized-client': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    says: 'The client is not registered for this grant type.',
    error: direct('unauthorized_client'),
  },
  'token-scope-not-allowed': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    says: 'Every requested scope must be one the client is registered for.',
    error: direct('invalid_scope'),
  },
  'client-credentials-public': {
    doc: 'rfc6749',
    section: '4.4',
    level: 'MUST',
    says: 'Only confidential clients may use client_credentials.',
    error: direct('unauthorized_client'),
  },
  'code-invalid': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    says: 'The code redeemed must be one the server issued.',
    error: direct('invalid_grant'),
  },
  'code-expired': {
    doc: 'rfc6749',
    section: '4.1.2',
    level: 'MUST',
    says: 'A code older than its lifetime (at most 10 minutes, RECOMMENDED) is refused.',
    error: direct('invalid_grant'),
  },
  'code-reuse': {
    doc: 'rfc6749',
    section: '4.1.2',
    level: 'MUST',
    says: 'A code is redeemed once; a second valid redemption is refused and the tokens issued with the code are revoked.',
    error: direct('invalid_grant'),
  },
  'code-client-mismatch': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    says: 'Only the client the code was issued to may redeem it.',
    error: direct('invalid_grant'),
  },
  'code-redirect-uri-mismatch': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    says: 'If the authorization request sent redirect_uri, the token request must send the identical value.',
    error: direct('invalid_grant'),
  },
  'pkce-verifier-missing': {
    doc: 'draft-ietf-oauth-v2-1',
    section: '4.1.3',
    level: 'MUST',
    says: 'A code issued with a code_challenge is redeemed only with a code_verifier.',
    error: direct('invalid_grant'),
  },
  'pkce-downgrade': {
    doc: 'rfc9700',
    section: '2.1.1',
    level: 'MUST',
    says: 'A code_verifier for a code issued without code_challenge is refused.',
    error: direct('invalid_grant'),
  },
  'pkce-verifier-mismatch': {
    doc: 'rfc7636',
    section: '4.6',
    level: 'MUST',
    says: 'BASE64URL(SHA256(code_verifier)) must equal the code_challenge of the authorization request.',
    error: direct('invalid_grant'),
  },
  'refresh-invalid': {
    doc: 'rfc6749',
    section: '6',
    level: 'MUST',
    says: 'The refresh token must be one the server issued and has not revoked.',
    error: direct('invalid_grant'),
  },
  'refresh-client-mismatch': {
    doc: 'rfc6749',
    section: '6',
    level: 'MUST',
    says: 'Only the client a refresh token was issued to may use it.',
    error: direct('invalid_grant'),
  },
  'refresh-reuse': {
    doc: 'rfc9700',
    section: '4.14.2',
    level: 'MUST',
    says: 'Public clients get a new refresh token on every use; presenting a rotated-away one revokes the whole token family.',
    error: direct('invalid_grant'),
  },
  'refresh-scope-exceeds': {
    doc: 'rfc6749',
    section: '6',
    level: 'MUST NOT',
    says: 'A refresh request may narrow the scope, never widen it.',
    error: direct('invalid_scope'),
  },
  'password-invalid-credentials': {
    doc: 'rfc6749',
    section: '4.3.2',
    level: 'MUST',
    says: 'Legacy profile only: a wrong username or password is invalid_grant.',
    error: direct('invalid_grant'),
  },
  'device-request-post': {
    doc: 'rfc8628',
    section: '3.1',
    level: 'informative',
    says: 'Device authorization requests are POST with a form body.',
    error: direct('invalid_request'),
  },
  'device-code-invalid': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    says: 'The device_code must be one the server issued to this client and not yet redeemed.',
    error: direct('invalid_grant'),
  },
  'device-pending': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'informative',
    says: 'Until the user approves, each poll is answered authorization_pending.',
    error: direct('authorization_pending'),
  },
  'device-slow-down': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'MUST',
    says: 'A poll sooner than the interval is answered slow_down, and the interval grows by 5 seconds.',
    error: direct('slow_down'),
  },
  'device-denied': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'informative',
    says: 'The user declined on the other device.',
    error: direct('access_denied'),
  },
  'device-expired': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'informative',
    says: 'After expires_in seconds the device_code is answered expired_token.',
    error: direct('expired_token'),
  },
  // Resource server
  'bearer-missing': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD NOT',
    says: 'A request without a token gets 401 with WWW-Authenticate: Bearer and no error code.',
    error: direct(null, 401),
  },
  'bearer-invalid': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD',
    says: 'An unknown or revoked token gets 401 invalid_token.',
    error: direct('invalid_token', 401),
  },
  'bearer-expired': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD',
    says: 'An expired token gets 401 invalid_token.',
    error: direct('invalid_token', 401),
  },
  'bearer-insufficient-scope': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD',
    says: 'A token without the scope the resource needs gets 403 insufficient_scope.',
    error: direct('insufficient_scope', 403),
  },
  // What a correct response contains
  'token-response-no-store': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'MUST',
    says: 'Token responses carry Cache-Control: no-store.',
  },
  'token-response-pragma': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'MUST',
    says: 'Token responses also carry Pragma: no-cache.',
  },
  'token-response-fields': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'REQUIRED',
    says: 'A token response has access_token and token_type, with the values the server issued.',
  },
  'token-response-scope': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'REQUIRED',
    says: 'scope is shown when it differs from the request, and then equals the granted scope.',
  },
  'id-token-present': {
    doc: 'oidc-core-1_0',
    section: '3.1.3.3',
    level: 'MUST',
    says: 'A token response to an authorization_code request that was granted openid carries an id_token.',
  },
  'id-token-claims': {
    doc: 'oidc-core-1_0',
    section: '2',
    level: 'REQUIRED',
    says: 'An ID token carries iss, sub, aud, exp and iat, for this issuer, user and client.',
  },
  'id-token-nonce': {
    doc: 'oidc-core-1_0',
    section: '2',
    level: 'MUST',
    says: 'The ID token carries the nonce of the authorization request, when one was sent.',
  },
  'id-token-signature': {
    doc: 'oidc-core-1_0',
    section: '3.1.3.7',
    level: 'MUST',
    says: "The ID token is a JWT signed with a key in the issuer's published JWKS, and valid at the time of the exchange.",
  },
  'id-token-at-hash': {
    doc: 'oidc-core-1_0',
    section: '3.1.3.6',
    level: 'OPTIONAL',
    says: 'When present, at_hash is the left half of SHA-256 of the access_token of the same response.',
  },
  'state-round-trip': {
    doc: 'rfc6749',
    section: '4.1.2',
    level: 'REQUIRED',
    says: 'The authorization response returns the exact state of the request.',
  },
  'client-state-check': {
    doc: 'rfc6749',
    section: '10.12',
    level: 'MUST',
    says: 'The client compares the state in the redirect with the one it sent and refuses the redirect when they differ (CSRF protection for its redirection URI).',
  },
  'implicit-no-refresh': {
    doc: 'rfc6749',
    section: '4.2.2',
    level: 'MUST NOT',
    says: 'The implicit grant never issues a refresh token.',
  },
  'client-credentials-no-refresh': {
    doc: 'rfc6749',
    section: '4.4.3',
    level: 'SHOULD NOT',
    says: 'The client credentials grant issues no refresh token.',
  },
  'refresh-rotation': {
    doc: 'rfc10017',
    section: '6.3.2.3',
    level: 'MUST',
    says: 'A refresh response to a public client carries a new refresh_token.',
  },
  'device-response-fields': {
    doc: 'rfc8628',
    section: '3.2',
    level: 'REQUIRED',
    says: 'A device authorization response has device_code, user_code, verification_uri and expires_in.',
  },
} as const satisfies Record<string, Rule>;

/** The id of a rule. */
export type RuleId = keyof typeof RULES;

/** Human names of the cited documents, as the site writes them. */
export const DOC_NAMES: Record<DocId, string> = {
  rfc6749: 'RFC 6749',
  rfc6750: 'RFC 6750',
  rfc7636: 'RFC 7636',
  rfc8252: 'RFC 8252',
  rfc8628: 'RFC 8628',
  rfc8693: 'RFC 8693',
  rfc9126: 'RFC 9126',
  rfc9449: 'RFC 9449',
  rfc9700: 'RFC 9700',
  rfc10017: 'RFC 10017',
  'oidc-core-1_0': 'OpenID Connect Core 1.0',
  'oidc-ciba-core-1_0': 'OpenID Connect CIBA Core 1.0',
  'draft-ietf-oauth-v2-1': 'OAuth 2.1 (draft-ietf-oauth-v2-1)',
};

/** "RFC 7636 section 4.6, MUST": how messages cite a rule. */
export function citeRule(id: RuleId): string {
  const rule: Rule = RULES[id];
  return `${DOC_NAMES[rule.doc]} section ${rule.section}, ${rule.level}`;
}
