/**
 * Words from the section each rule cites (whitespace normalised), kept apart from the rules so the browser
 * bundle does not carry them; tests/lib/oauth/rules.test.ts checks each against the specification text.
 */
import type { ExtensionRuleId } from './extension-rules.ts';
import type { RuleId } from './rules.ts';

/** The quote that backs each rule's citation. */
export const RULE_QUOTES: Record<RuleId, string> = {
  'client-unknown':
    'if the client identifier is missing or invalid, the authorization server SHOULD inform the resource owner of the error and MUST NOT automatically redirect the user-agent to the invalid redirection URI',
  'redirect-uri-mismatch':
    'authorization servers MUST utilize exact string matching except for port numbers in localhost redirection URIs of native apps',
  'redirect-uri-loopback-port':
    'The authorization server MUST allow any port to be specified at the time of the request for loopback IP redirect URIs',
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
  'token-response-pragma': 'as well as the "Pragma" response header field [RFC2616] with a value of "no-cache".',
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

/** The quote that backs each extension rule's citation. */
export const EXTENSION_RULE_QUOTES: Record<ExtensionRuleId, string> = {
  'ciba-request-post':
    'The Client MUST send an authentication request to the OpenID Provider by building an "HTTP POST" request',
  'ciba-client-auth-required':
    'The Client MUST authenticate to the Backchannel Authentication Endpoint using the authentication method registered for its client_id',
  'ciba-unauthorized-client': 'The Client is not authorized to use this authentication flow.',
  'ciba-openid-required': 'CIBA authentication requests MUST therefore contain the "openid" scope value.',
  'ciba-one-hint':
    'it is REQUIRED that the Client provides one (and only one) of the hints specified above in the authentication request',
  'ciba-unknown-user':
    'The OpenID Provider MUST process the hint provided to determine if the hint is valid and if it corresponds to a valid user.',
  'ciba-auth-req-id-invalid':
    'If the auth_req_id is invalid or was issued to another Client, an "invalid_grant" error MUST be returned as described in Section 5.2 of [RFC6749].',
  'ciba-auth-req-id-used':
    'Once redeemed for a successful token response, the "auth_req_id" value that was used is no longer valid.',
  'ciba-pending': "The authorization request is still pending as the end-user hasn't yet been authenticated.",
  'ciba-slow-down': 'the interval MUST be increased by at least 5 seconds for this and all subsequent requests.',
  'ciba-expired': 'The auth_req_id has expired.',
  'ciba-denied': 'The end-user denied the authorization request.',
  'ciba-response-fields':
    'auth_req_id REQUIRED. This is a unique identifier to identify the authentication request made by the Client.',
  'ciba-token-response':
    'the OpenID Provider returns a successful response as specified in Section 3.1.3.3 of [OpenID.Core].',
  'exchange-param-missing':
    'REQUIRED. A security token that represents the identity of the party on behalf of whom the request is being made.',
  'exchange-actor-token-type':
    'This is REQUIRED when the actor_token parameter is present in the request but MUST NOT be included otherwise.',
  'exchange-token-invalid':
    'If the request itself is not valid or if either the subject_token or actor_token are invalid for any reason, or are unacceptable based on policy, the authorization server MUST construct an error response, as specified in Section 5.2 of [RFC6749]. The value of the error parameter MUST be the invalid_request error code.',
  'exchange-invalid-target':
    'If the authorization server is unwilling or unable to issue a token for any target service indicated by the resource or audience parameters, the invalid_target error code SHOULD be used in the error response.',
  'exchange-issued-token-type':
    'REQUIRED. An identifier, as described in Section 3, for the representation of the issued security token.',
  'par-request-post':
    'If the request did not use the POST method, the authorization server responds with an HTTP 405 (Method Not Allowed) status code.',
  'par-request-uri-forbidden':
    'The request_uri authorization request parameter is one exception, and it MUST NOT be provided.',
  'par-request-uri-invalid': 'An expired request_uri MUST be rejected as invalid.',
  'par-request-uri-client': 'The request_uri value MUST be bound to the client that posted the authorization request.',
  'par-response':
    'If the verification is successful, the server MUST generate a request URI and provide it in the response with a 201 HTTP status code.',
  'client-assertion-type':
    'parameter MUST be "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", per [OAuth.JWT].',
  'client-assertion-invalid': 'Clients that have registered a public key sign a JWT using that key.',
  'client-assertion-replay':
    'These tokens MUST only be used once, unless conditions for reuse were negotiated between the parties',
  'dpop-proof-invalid': 'To validate a DPoP proof, the receiving server MUST ensure that',
  'dpop-proof-replay': 'HTTP requests to the same URI for which the jti value has been seen before would be declined.',
  'dpop-code-binding': 'If they do not match, it MUST reject the request.',
  'dpop-refresh-binding':
    'The binding MUST be validated when the refresh token is later presented to get new access tokens.',
  'dpop-par-jkt-mismatch':
    'If both mechanisms are used at the same time, the authorization server MUST reject the request if the JWK Thumbprint in dpop_jkt does not match the public key in the DPoP header.',
  'dpop-token-type': 'A token_type of DPoP MUST be included in the access token response',
  'dpop-resource-proof-invalid':
    'Requests to DPoP protected resources MUST include both a DPoP proof as per Section 4 and the access token as described in Section 7.1.',
  'dpop-resource-key-mismatch':
    'confirm that the public key to which the access token is bound matches the public key from the DPoP proof.',
  'dpop-bearer-downgrade':
    'such a protected resource MUST reject a DPoP-bound access token received as a bearer token per [RFC6750].',
  'audience-mismatch': 'If it was not, the resource server MUST refuse to serve the respective request.',
};
