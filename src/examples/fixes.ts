/**
 * What an author writes instead when an example breaks a rule: one sentence per rule, for the checker's messages.
 */
import type { ErrorCode } from '../lib/oauth/index.ts';
import type { AnyRuleId } from '../lib/oauth/extension-rules.ts';

const FIXES: Partial<Record<AnyRuleId, string>> = {
  'client-unknown': 'Use a client_id from src/examples/example-world.ts, or add the client there',
  'redirect-uri-mismatch':
    'Use a redirect_uri registered for the client in src/examples/example-world.ts, character for character',
  'openid-redirect-uri-required': 'Add redirect_uri',
  'implicit-refused':
    'Use response_type=code with PKCE; to show the legacy grant as RFC 6749 defined it, mark the block ```http legacy',
  'pkce-required-public':
    'Add code_challenge=<S256 of a verifier>&code_challenge_method=S256, and send that code_verifier in the token request',
  'pkce-or-nonce-required':
    'Add code_challenge=<S256 of a verifier>&code_challenge_method=S256 (and the code_verifier in the token request), or a nonce in an openid request',
  'pkce-method-unsupported': 'Use code_challenge_method=S256 with code_challenge = BASE64URL(SHA256(code_verifier))',
  'pkce-verifier-mismatch':
    'Send the code_verifier the code_challenge was made from, or change the code_challenge to the S256 of this verifier',
  'pkce-verifier-missing': 'Add the code_verifier whose S256 is the code_challenge of the authorization request',
  'pkce-downgrade': 'Remove code_verifier, or add its code_challenge to the authorization request',
  'code-invalid': 'Redeem the code the authorization response on this page issued',
  'code-redirect-uri-mismatch': 'Send the same redirect_uri as the authorization request',
  'refresh-invalid':
    'Use a refresh_token issued earlier on this page, or mark the block ```http given if it was issued before the page starts',
  'password-refused':
    'Use another grant; to show the legacy grant as RFC 6749 defined it, mark the block ```http legacy',
  'client-auth-failed':
    'Use the client_id and secret from src/examples/example-world.ts (Basic is base64 of client_id:secret)',
  'client-auth-required': 'Authenticate the confidential client with Authorization: Basic or client_secret',
  'bearer-invalid': 'Use an access token issued earlier on this page, or mark the block ```http given',
  'ciba-unknown-user': 'Name a user of src/examples/example-world.ts: login_hint is a username or sub there',
  'client-assertion-invalid':
    'Sign the client_assertion with the key registered for the client in src/examples/example-world.ts (jwks), with iss and sub the client_id, aud the issuer and exp after the request',
  'dpop-proof-invalid':
    'Sign a DPoP proof with the key in its jwk header, with htm and htu of this request and iat at the page’s time',
  'dpop-resource-proof-invalid':
    'Send a DPoP proof signed by the key the token is bound to, with htm, htu of this request and ath = BASE64URL(SHA256(access token))',
  'dpop-code-binding':
    'Sign the DPoP proof with the key whose JWK thumbprint the authorization request sent as dpop_jkt',
  'exchange-token-invalid':
    'Exchange an access token issued earlier on this page (or mark the request that presents it ```http given) whose audience the client may exchange',
  'exchange-invalid-target': 'Name the audience of a resource server in src/examples/example-world.ts',
  'audience-mismatch': 'Call the resource server the token was issued for, or request a token for this one',
};

/** The fix sentence for a rule, falling back to "change it, or mark the deliberate error". */
export function fixFor(rule: AnyRuleId, error: ErrorCode | null): string {
  return (
    FIXES[rule] ??
    `Change the request so the model accepts it, or, if the refusal is the point, mark the block \`\`\`http expect=${error ?? '<error_code>'}`
  );
}
