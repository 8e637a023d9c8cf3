/**
 * Words from the section each rule cites (whitespace normalised), kept apart from the rules so the browser
 * bundle does not carry them; tests/lib/oauth/rules.test.ts checks each against the specification text.
 */
import type { RuleId } from './rules.ts';

/** The quote that backs each rule's citation. */
export const RULE_QUOTES: Record<RuleId, string> = {
  'client-unknown':
    'if the client identifier is missing or invalid, the authorization server SHOULD inform the resource owner of the error and MUST NOT automatically redirect the user-agent to the invalid redirection URI',
  'redirect-uri-mismatch':
    'authorization servers MUST utilize exact string matching except for port numbers in localhost redirection URIs of native apps',
  'redirect-uri-required': 'If multiple redirection URIs have been registered',
  'openid-redirect-uri-required': 'REQUIRED. Redirection URI to which the response will be sent.',
  'response-type-unsupported':
    'The authorization server does not support obtaining an authorization code using this method.',
  'implicit-refused': 'the authorization server MUST NOT issue access tokens in the authorization response',
  'authorize-unauthorized-client': 'The client is not authorized to request an authorization code using this method.',
  'authorize-scope-not-allowed': 'The requested scope is invalid, unknown, or malformed.',
  'pkce-required-public': 'Public clients MUST use PKCE [RFC7636] to this end',
  'pkce-or-nonce-required':
    'using code_challenge and code_verifier is REQUIRED for clients, and authorization servers MUST enforce their use, unless both of the following criteria are met',
  'pkce-method-unsupported':
    'If the server supporting PKCE does not support the requested transformation, the authorization endpoint MUST return the authorization error response with "error" value set to "invalid_request".',
  'prompt-none-login-required':
    'The Authorization Server MUST NOT display any authentication or consent user interface pages.',
  'prompt-none-consent-required':
    'The Authorization Server MUST NOT display any authentication or consent user interface pages.',
  'access-denied': 'The resource owner or authorization server denied the request.',
  'token-param-missing': 'The request is missing a required parameter',
  'token-request-post': 'The client MUST use the HTTP "POST" method when making access token requests.',
  'client-auth-one-method': 'The client MUST NOT use more than one authentication method in each request.',
  'client-auth-failed':
    'If the client attempted to authenticate via the "Authorization" request header field, the authorization server MUST respond with an HTTP 401 (Unauthorized) status code and include the "WWW-Authenticate" response header field',
  'client-auth-required': 'require client authentication for confidential clients',
  'grant-type-unsupported': 'The authorization grant type is not supported by the authorization server.',
  'password-refused': 'The resource owner password credentials grant [RFC6749] MUST NOT be used.',
  'token-unauthorized-client': 'The authenticated client is not authorized to use this authorization grant type.',
  'token-scope-not-allowed':
    'The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource owner.',
  'client-credentials-public': 'The client credentials grant type MUST only be used by confidential clients.',
  'code-invalid': 'verify that the authorization code is valid',
  'code-expired': 'The authorization code MUST expire shortly after it is issued to mitigate the risk of leaks.',
  'code-reuse':
    'If an authorization code is used more than once, the authorization server MUST deny the request and SHOULD revoke (when possible) all tokens previously issued based on that authorization code.',
  'code-client-mismatch': 'ensure that the authorization code was issued to the authenticated confidential client',
  'code-redirect-uri-mismatch':
    'ensure that the "redirect_uri" parameter is present if the "redirect_uri" parameter was included in the initial authorization request',
  'pkce-verifier-missing':
    'verify that the code_verifier parameter is present if and only if a code_challenge parameter was present in the authorization request',
  'pkce-downgrade':
    'Authorization servers MUST mitigate PKCE Downgrade Attacks by ensuring that a token request containing a code_verifier parameter is accepted only if a code_challenge parameter was present in the authorization request',
  'pkce-verifier-mismatch':
    'If the values are not equal, an error response indicating "invalid_grant" as described in Section 5.2 of [RFC6749] MUST be returned.',
  'refresh-invalid': 'validate the refresh token',
  'refresh-client-mismatch': 'ensure that the refresh token was issued to the authenticated client',
  'refresh-reuse':
    'Authorization servers MUST utilize one of these methods to detect refresh token replay by malicious actors for public clients',
  'refresh-scope-exceeds':
    'The requested scope MUST NOT include any scope not originally granted by the resource owner',
  'password-invalid-credentials':
    'validate the resource owner password credentials using its existing password validation algorithm',
  'device-request-post': 'making an HTTP "POST" request to the device authorization endpoint',
  'device-code-invalid': 'or refresh token is invalid, expired, revoked',
  'device-pending':
    "The authorization request is still pending as the end user hasn't yet completed the user-interaction steps",
  'device-slow-down': 'the interval MUST be increased by 5 seconds for this and all subsequent requests',
  'device-denied': 'The authorization request was denied.',
  'device-expired': 'The "device_code" has expired, and the device authorization session has concluded.',
  'bearer-missing': 'the resource server SHOULD NOT include an error code or other error information',
  'bearer-invalid': 'The resource SHOULD respond with the HTTP 401 (Unauthorized) status code.',
  'bearer-expired': 'The access token provided is expired, revoked, malformed, or invalid for other reasons.',
  'bearer-insufficient-scope': 'The resource server SHOULD respond with the HTTP 403 (Forbidden) status code',
  'token-response-no-store':
    'The authorization server MUST include the HTTP "Cache-Control" response header field [RFC2616] with a value of "no-store" in any response containing tokens',
  'token-response-fields': 'REQUIRED. The access token issued by the authorization server.',
  'token-response-scope': 'OPTIONAL, if identical to the scope requested by the client; otherwise, REQUIRED.',
  'id-token-present':
    'In addition to the response parameters specified by OAuth 2.0, the following parameters MUST be included in the response:',
  'id-token-claims': 'REQUIRED. Issuer Identifier for the Issuer of the response.',
  'id-token-nonce':
    'If present in the Authentication Request, Authorization Servers MUST include a "nonce" Claim in the ID Token',
  'id-token-signature': 'The Client MUST validate the signature of all other ID Tokens according to JWS [JWS]',
  'id-token-at-hash':
    'Its value is the base64url encoding of the left-most half of the hash of the octets of the ASCII representation of the "access_token" value',
  'state-round-trip': 'REQUIRED if the "state" parameter was present in the client authorization request.',
  'client-state-check': 'The client MUST implement CSRF protection for its redirection URI.',
  'implicit-no-refresh': 'The authorization server MUST NOT issue a refresh token.',
  'client-credentials-no-refresh': 'A refresh token SHOULD NOT be included.',
  'refresh-rotation': 'MUST either rotate refresh tokens on each use',
  'device-response-fields': 'The end-user verification URI on the authorization server.',
};
