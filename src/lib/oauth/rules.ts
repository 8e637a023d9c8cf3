/**
 * The model's rules as data. Each rule cites the section that states it, at the requirement level that section
 * uses, and names the error the server produces when a request breaks it.
 */
import type { ErrorCode } from './types.ts';

/** Documents the rules cite: file stems in the team's reference library. */
export type DocId =
  'rfc6749' | 'rfc6750' | 'rfc7636' | 'rfc8628' | 'rfc9700' | 'rfc10017' | 'oidc-core-1_0' | 'draft-ietf-oauth-v2-1';

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
  /** Words from the cited section (whitespace normalised), so the citation can be checked. */
  quote: string;
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
    quote:
      'if the client identifier is missing or invalid, the authorization server SHOULD inform the resource owner of the error and MUST NOT automatically redirect the user-agent to the invalid redirection URI',
    says: 'An authorization request with a missing or unknown client_id is shown to the user and never redirected.',
    error: user,
  },
  'redirect-uri-mismatch': {
    doc: 'rfc9700',
    section: '2.1',
    level: 'MUST',
    quote:
      'authorization servers MUST utilize exact string matching except for port numbers in localhost redirection URIs of native apps',
    says: 'redirect_uri must equal a registered redirect URI character for character; a mismatch is shown to the user and never redirected (RFC 6749 section 4.1.2.1).',
    error: user,
  },
  'redirect-uri-required': {
    doc: 'rfc6749',
    section: '3.1.2.3',
    level: 'MUST',
    quote: 'If multiple redirection URIs have been registered',
    says: 'A client with several registered redirect URIs must send redirect_uri.',
    error: user,
  },
  'openid-redirect-uri-required': {
    doc: 'oidc-core-1_0',
    section: '3.1.2.1',
    level: 'REQUIRED',
    quote: 'REQUIRED. Redirection URI to which the response will be sent.',
    says: 'An OpenID Connect request (scope contains openid) must send redirect_uri.',
    error: user,
  },
  'response-type-unsupported': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    quote: 'The authorization server does not support obtaining an authorization code using this method.',
    says: 'The server issues codes for response_type=code only; other response types are not supported.',
    error: redirect('unsupported_response_type'),
  },
  'implicit-refused': {
    doc: 'rfc10017',
    section: '7.2',
    level: 'MUST NOT',
    quote: 'the authorization server MUST NOT issue access tokens in the authorization response',
    says: 'No access token in the authorization response: response_type=token and other response types containing token are refused (also RFC 9700 section 2.1.2).',
    error: redirect('unsupported_response_type'),
    current: true,
  },
  'authorize-unauthorized-client': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    quote: 'The client is not authorized to request an authorization code using this method.',
    says: 'The client is not registered for the grant this response_type starts.',
    error: redirect('unauthorized_client'),
  },
  'authorize-scope-not-allowed': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    quote: 'The requested scope is invalid, unknown, or malformed.',
    says: 'Every requested scope must be one the client is registered for.',
    error: redirect('invalid_scope'),
  },
  'pkce-required-public': {
    doc: 'rfc9700',
    section: '2.1.1',
    level: 'MUST',
    quote: 'Public clients MUST use PKCE [RFC7636] to this end',
    says: 'A public client must send code_challenge; the server answers invalid_request without it (RFC 7636 section 4.4.1).',
    error: redirect('invalid_request'),
    current: true,
  },
  'pkce-or-nonce-required': {
    doc: 'draft-ietf-oauth-v2-1',
    section: '7.5.1.1',
    level: 'MUST',
    quote:
      'using code_challenge and code_verifier is REQUIRED for clients, and authorization servers MUST enforce their use, unless both of the following criteria are met',
    says: 'A confidential client must send code_challenge, or request openid with a nonce (RFC 9700 section 2.1.1 allows the nonce for confidential OpenID Connect clients).',
    error: redirect('invalid_request'),
    current: true,
  },
  'pkce-method-unsupported': {
    doc: 'rfc7636',
    section: '4.4.1',
    level: 'MUST',
    quote:
      'If the server supporting PKCE does not support the requested transformation, the authorization endpoint MUST return the authorization error response with "error" value set to "invalid_request".',
    says: 'The server supports code_challenge_method=S256 only; a missing method means plain (RFC 7636 section 4.3) and is refused too.',
    error: redirect('invalid_request'),
  },
  'prompt-none-login-required': {
    doc: 'oidc-core-1_0',
    section: '3.1.2.1',
    level: 'MUST NOT',
    quote: 'The Authorization Server MUST NOT display any authentication or consent user interface pages.',
    says: 'With prompt=none and no session at the authorization server, the answer is login_required.',
    error: redirect('login_required'),
  },
  'prompt-none-consent-required': {
    doc: 'oidc-core-1_0',
    section: '3.1.2.1',
    level: 'MUST NOT',
    quote: 'The Authorization Server MUST NOT display any authentication or consent user interface pages.',
    says: 'With prompt=none and no earlier consent for every requested scope, the answer is consent_required.',
    error: redirect('consent_required'),
  },
  'access-denied': {
    doc: 'rfc6749',
    section: '4.1.2.1',
    level: 'informative',
    quote: 'The resource owner or authorization server denied the request.',
    says: 'The user declined; the client is told with error=access_denied.',
    error: redirect('access_denied'),
  },
  // Token endpoint
  'token-param-missing': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    quote: 'The request is missing a required parameter',
    says: 'A token request names its grant_type and sends the parameters that grant requires.',
    error: direct('invalid_request'),
  },
  'token-request-post': {
    doc: 'rfc6749',
    section: '3.2',
    level: 'MUST',
    quote: 'The client MUST use the HTTP "POST" method when making access token requests.',
    says: 'Token requests are POST with an application/x-www-form-urlencoded body.',
    error: direct('invalid_request'),
  },
  'client-auth-one-method': {
    doc: 'rfc6749',
    section: '2.3',
    level: 'MUST NOT',
    quote: 'The client MUST NOT use more than one authentication method in each request.',
    says: 'Send the client secret either in the Authorization header or in the body, not both.',
    error: direct('invalid_request'),
  },
  'client-auth-failed': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'MUST',
    quote:
      'If the client attempted to authenticate via the "Authorization" request header field, the authorization server MUST respond with an HTTP 401 (Unauthorized) status code and include the "WWW-Authenticate" response header field',
    says: 'Unknown client or wrong secret: 401 invalid_client with WWW-Authenticate: Basic.',
    error: direct('invalid_client', 401),
  },
  'client-auth-required': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    quote: 'require client authentication for confidential clients',
    says: 'A confidential client must authenticate at the token endpoint.',
    error: direct('invalid_client', 401),
  },
  'grant-type-unsupported': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    quote: 'The authorization grant type is not supported by the authorization server.',
    says: 'grant_type must be one the server supports.',
    error: direct('unsupported_grant_type'),
  },
  'password-refused': {
    doc: 'rfc9700',
    section: '2.4',
    level: 'MUST NOT',
    quote: 'The resource owner password credentials grant [RFC6749] MUST NOT be used.',
    says: 'The server does not support grant_type=password at all, so it answers unsupported_grant_type (RFC 6749 section 5.2) for every client.',
    error: direct('unsupported_grant_type'),
    current: true,
  },
  'token-unauthorized-client': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    quote: 'The authenticated client is not authorized to use this authorization grant type.',
    says: 'The client is not registered for this grant type.',
    error: direct('unauthorized_client'),
  },
  'token-scope-not-allowed': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    quote: 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource owner.',
    says: 'Every requested scope must be one the client is registered for.',
    error: direct('invalid_scope'),
  },
  'client-credentials-public': {
    doc: 'rfc6749',
    section: '4.4',
    level: 'MUST',
    quote: 'The client credentials grant type MUST only be used by confidential clients.',
    says: 'Only confidential clients may use client_credentials.',
    error: direct('unauthorized_client'),
  },
  'code-invalid': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    quote: 'verify that the authorization code is valid',
    says: 'The code redeemed must be one the server issued.',
    error: direct('invalid_grant'),
  },
  'code-expired': {
    doc: 'rfc6749',
    section: '4.1.2',
    level: 'MUST',
    quote: 'The authorization code MUST expire shortly after it is issued to mitigate the risk of leaks.',
    says: 'A code older than its lifetime (at most 10 minutes, RECOMMENDED) is refused.',
    error: direct('invalid_grant'),
  },
  'code-reuse': {
    doc: 'rfc6749',
    section: '4.1.2',
    level: 'MUST',
    quote:
      'If an authorization code is used more than once, the authorization server MUST deny the request and SHOULD revoke (when possible) all tokens previously issued based on that authorization code.',
    says: 'A code is redeemed once; a second valid redemption is refused and the tokens issued with the code are revoked.',
    error: direct('invalid_grant'),
  },
  'code-client-mismatch': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    quote: 'ensure that the authorization code was issued to the authenticated confidential client',
    says: 'Only the client the code was issued to may redeem it.',
    error: direct('invalid_grant'),
  },
  'code-redirect-uri-mismatch': {
    doc: 'rfc6749',
    section: '4.1.3',
    level: 'MUST',
    quote:
      'ensure that the "redirect_uri" parameter is present if the "redirect_uri" parameter was included in the initial authorization request',
    says: 'If the authorization request sent redirect_uri, the token request must send the identical value.',
    error: direct('invalid_grant'),
  },
  'pkce-verifier-missing': {
    doc: 'draft-ietf-oauth-v2-1',
    section: '4.1.3',
    level: 'MUST',
    quote:
      'verify that the code_verifier parameter is present if and only if a code_challenge parameter was present in the authorization request',
    says: 'A code issued with a code_challenge is redeemed only with a code_verifier.',
    error: direct('invalid_grant'),
  },
  'pkce-downgrade': {
    doc: 'rfc9700',
    section: '2.1.1',
    level: 'MUST',
    quote:
      'Authorization servers MUST mitigate PKCE Downgrade Attacks by ensuring that a token request containing a code_verifier parameter is accepted only if a code_challenge parameter was present in the authorization request',
    says: 'A code_verifier for a code issued without code_challenge is refused.',
    error: direct('invalid_grant'),
  },
  'pkce-verifier-mismatch': {
    doc: 'rfc7636',
    section: '4.6',
    level: 'MUST',
    quote:
      'If the values are not equal, an error response indicating "invalid_grant" as described in Section 5.2 of [RFC6749] MUST be returned.',
    says: 'BASE64URL(SHA256(code_verifier)) must equal the code_challenge of the authorization request.',
    error: direct('invalid_grant'),
  },
  'refresh-invalid': {
    doc: 'rfc6749',
    section: '6',
    level: 'MUST',
    quote: 'validate the refresh token',
    says: 'The refresh token must be one the server issued and has not revoked.',
    error: direct('invalid_grant'),
  },
  'refresh-client-mismatch': {
    doc: 'rfc6749',
    section: '6',
    level: 'MUST',
    quote: 'ensure that the refresh token was issued to the authenticated client',
    says: 'Only the client a refresh token was issued to may use it.',
    error: direct('invalid_grant'),
  },
  'refresh-reuse': {
    doc: 'rfc9700',
    section: '4.14.2',
    level: 'MUST',
    quote:
      'Authorization servers MUST utilize one of these methods to detect refresh token replay by malicious actors for public clients',
    says: 'Public clients get a new refresh token on every use; presenting a rotated-away one revokes the whole token family.',
    error: direct('invalid_grant'),
  },
  'refresh-scope-exceeds': {
    doc: 'rfc6749',
    section: '6',
    level: 'MUST NOT',
    quote: 'The requested scope MUST NOT include any scope not originally granted by the resource owner',
    says: 'A refresh request may narrow the scope, never widen it.',
    error: direct('invalid_scope'),
  },
  'password-invalid-credentials': {
    doc: 'rfc6749',
    section: '4.3.2',
    level: 'MUST',
    quote: 'validate the resource owner password credentials using its existing password validation algorithm',
    says: 'Legacy profile only: a wrong username or password is invalid_grant.',
    error: direct('invalid_grant'),
  },
  'device-request-post': {
    doc: 'rfc8628',
    section: '3.1',
    level: 'informative',
    quote: 'making an HTTP "POST" request to the device authorization endpoint',
    says: 'Device authorization requests are POST with a form body.',
    error: direct('invalid_request'),
  },
  'device-code-invalid': {
    doc: 'rfc6749',
    section: '5.2',
    level: 'informative',
    quote: 'or refresh token is invalid, expired, revoked',
    says: 'The device_code must be one the server issued to this client and not yet redeemed.',
    error: direct('invalid_grant'),
  },
  'device-pending': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'informative',
    quote: "The authorization request is still pending as the end user hasn't yet completed the user-interaction steps",
    says: 'Until the user approves, each poll is answered authorization_pending.',
    error: direct('authorization_pending'),
  },
  'device-slow-down': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'MUST',
    quote: 'the interval MUST be increased by 5 seconds for this and all subsequent requests',
    says: 'A poll sooner than the interval is answered slow_down, and the interval grows by 5 seconds.',
    error: direct('slow_down'),
  },
  'device-denied': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'informative',
    quote: 'The authorization request was denied.',
    says: 'The user declined on the other device.',
    error: direct('access_denied'),
  },
  'device-expired': {
    doc: 'rfc8628',
    section: '3.5',
    level: 'informative',
    quote: 'The "device_code" has expired, and the device authorization session has concluded.',
    says: 'After expires_in seconds the device_code is answered expired_token.',
    error: direct('expired_token'),
  },
  // Resource server
  'bearer-missing': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD NOT',
    quote: 'the resource server SHOULD NOT include an error code or other error information',
    says: 'A request without a token gets 401 with WWW-Authenticate: Bearer and no error code.',
    error: direct(null, 401),
  },
  'bearer-invalid': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD',
    quote: 'The resource SHOULD respond with the HTTP 401 (Unauthorized) status code.',
    says: 'An unknown or revoked token gets 401 invalid_token.',
    error: direct('invalid_token', 401),
  },
  'bearer-expired': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD',
    quote: 'The access token provided is expired, revoked, malformed, or invalid for other reasons.',
    says: 'An expired token gets 401 invalid_token.',
    error: direct('invalid_token', 401),
  },
  'bearer-insufficient-scope': {
    doc: 'rfc6750',
    section: '3.1',
    level: 'SHOULD',
    quote: 'The resource server SHOULD respond with the HTTP 403 (Forbidden) status code',
    says: 'A token without the scope the resource needs gets 403 insufficient_scope.',
    error: direct('insufficient_scope', 403),
  },
  // What a correct response contains
  'token-response-no-store': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'MUST',
    quote:
      'The authorization server MUST include the HTTP "Cache-Control" response header field [RFC2616] with a value of "no-store" in any response containing tokens',
    says: 'Token responses carry Cache-Control: no-store.',
  },
  'token-response-fields': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'REQUIRED',
    quote: 'REQUIRED. The access token issued by the authorization server.',
    says: 'A token response has access_token and token_type, with the values the server issued.',
  },
  'token-response-scope': {
    doc: 'rfc6749',
    section: '5.1',
    level: 'REQUIRED',
    quote: 'OPTIONAL, if identical to the scope requested by the client; otherwise, REQUIRED.',
    says: 'scope is shown when it differs from the request, and then equals the granted scope.',
  },
  'id-token-present': {
    doc: 'oidc-core-1_0',
    section: '3.1.3.3',
    level: 'MUST',
    quote:
      'In addition to the response parameters specified by OAuth 2.0, the following parameters MUST be included in the response:',
    says: 'A token response to an authorization_code request that was granted openid carries an id_token.',
  },
  'id-token-claims': {
    doc: 'oidc-core-1_0',
    section: '2',
    level: 'REQUIRED',
    quote: 'REQUIRED. Issuer Identifier for the Issuer of the response.',
    says: 'An ID token carries iss, sub, aud, exp and iat, for this issuer, user and client.',
  },
  'id-token-nonce': {
    doc: 'oidc-core-1_0',
    section: '2',
    level: 'MUST',
    quote:
      'If present in the Authentication Request, Authorization Servers MUST include a "nonce" Claim in the ID Token',
    says: 'The ID token carries the nonce of the authorization request, when one was sent.',
  },
  'id-token-signature': {
    doc: 'oidc-core-1_0',
    section: '3.1.3.7',
    level: 'MUST',
    quote: 'The Client MUST validate the signature of all other ID Tokens according to JWS [JWS]',
    says: "The ID token is a JWT signed with a key in the issuer's published JWKS, and valid at the time of the exchange.",
  },
  'id-token-at-hash': {
    doc: 'oidc-core-1_0',
    section: '3.1.3.6',
    level: 'OPTIONAL',
    quote:
      'Its value is the base64url encoding of the left-most half of the hash of the octets of the ASCII representation of the "access_token" value',
    says: 'When present, at_hash is the left half of SHA-256 of the access_token of the same response.',
  },
  'state-round-trip': {
    doc: 'rfc6749',
    section: '4.1.2',
    level: 'REQUIRED',
    quote: 'REQUIRED if the "state" parameter was present in the client authorization request.',
    says: 'The authorization response returns the exact state of the request.',
  },
  'implicit-no-refresh': {
    doc: 'rfc6749',
    section: '4.2.2',
    level: 'MUST NOT',
    quote: 'The authorization server MUST NOT issue a refresh token.',
    says: 'The implicit grant never issues a refresh token.',
  },
  'client-credentials-no-refresh': {
    doc: 'rfc6749',
    section: '4.4.3',
    level: 'SHOULD NOT',
    quote: 'A refresh token SHOULD NOT be included.',
    says: 'The client credentials grant issues no refresh token.',
  },
  'refresh-rotation': {
    doc: 'rfc10017',
    section: '6.3.2.3',
    level: 'MUST',
    quote: 'MUST either rotate refresh tokens on each use',
    says: 'A refresh response to a public client carries a new refresh_token.',
  },
  'device-response-fields': {
    doc: 'rfc8628',
    section: '3.2',
    level: 'REQUIRED',
    quote: 'The end-user verification URI on the authorization server.',
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
  rfc8628: 'RFC 8628',
  rfc9700: 'RFC 9700',
  rfc10017: 'RFC 10017',
  'oidc-core-1_0': 'OpenID Connect Core 1.0',
  'draft-ietf-oauth-v2-1': 'OAuth 2.1 (draft-ietf-oauth-v2-1)',
};

/** "RFC 7636 section 4.6, MUST": how messages cite a rule. */
export function citeRule(id: RuleId): string {
  const rule: Rule = RULES[id];
  return `${DOC_NAMES[rule.doc]} section ${rule.section}, ${rule.level}`;
}
