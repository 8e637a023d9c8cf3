/**
 * Rules of the endpoints and mechanisms that only `handleExtended` serves (CIBA, token exchange, PAR, DPoP,
 * private_key_jwt, audience restriction), kept apart from RULES so a bundle that uses the base model only does not
 * carry them. Same shape and conventions as RULES.
 */
import { citeRule, DOC_NAMES, RULES, type Rule, type RuleError, type RuleId } from './rules.ts';
import type { ErrorCode } from './types.ts';

const direct = (code: ErrorCode | null, status = 400): RuleError => ({ code, status, channel: 'direct' });
const user: RuleError = { code: 'invalid_request', status: 400, channel: 'user' };

/** Every rule of the extensions, keyed by its id. */
export const EXTENSION_RULES = {
  // CIBA backchannel authentication endpoint
  'ciba-request-post': {
    doc: 'oidc-ciba-core-1_0',
    section: '7.1',
    level: 'MUST',
    says: 'A backchannel authentication request is a POST with a form-encoded body.',
    error: direct('invalid_request'),
  },
  'ciba-client-auth-required': {
    doc: 'oidc-ciba-core-1_0',
    section: '7.1',
    level: 'MUST',
    says: 'The client authenticates at the backchannel authentication endpoint, so it is a confidential client.',
    error: direct('invalid_client', 401),
  },
  'ciba-unauthorized-client': {
    doc: 'oidc-ciba-core-1_0',
    section: '13',
    level: 'informative',
    says: 'The client is not registered for the CIBA grant.',
    error: direct('unauthorized_client'),
  },
  'ciba-openid-required': {
    doc: 'oidc-ciba-core-1_0',
    section: '7.1',
    level: 'MUST',
    says: 'The scope of a CIBA request contains openid; the model refuses a request without it as invalid_scope.',
    error: direct('invalid_scope'),
  },
  'ciba-one-hint': {
    doc: 'oidc-ciba-core-1_0',
    section: '7.1',
    level: 'REQUIRED',
    says: 'Exactly one of login_hint, login_hint_token and id_token_hint names the user; none or several is invalid_request (section 7.2).',
    error: direct('invalid_request'),
  },
  'ciba-unknown-user': {
    doc: 'oidc-ciba-core-1_0',
    section: '7.2',
    level: 'MUST',
    says: 'The hint must name a user of the provider (here: a username or sub, or an ID token it issued to this client).',
    error: direct('unknown_user_id'),
  },
  // CIBA at the token endpoint (poll mode)
  'ciba-auth-req-id-invalid': {
    doc: 'oidc-ciba-core-1_0',
    section: '11',
    level: 'MUST',
    says: 'The auth_req_id must be one the provider issued to this client.',
    error: direct('invalid_grant'),
  },
  'ciba-auth-req-id-used': {
    doc: 'oidc-ciba-core-1_0',
    section: '10.1.1',
    level: 'informative',
    says: 'An auth_req_id that was redeemed for tokens is no longer valid.',
    error: direct('invalid_grant'),
  },
  'ciba-pending': {
    doc: 'oidc-ciba-core-1_0',
    section: '11',
    level: 'informative',
    says: 'Until the user approves on their device, each poll is answered authorization_pending.',
    error: direct('authorization_pending'),
  },
  'ciba-slow-down': {
    doc: 'oidc-ciba-core-1_0',
    section: '11',
    level: 'MUST',
    says: 'A poll sooner than the interval is answered slow_down, and the interval grows by 5 seconds.',
    error: direct('slow_down'),
  },
  'ciba-expired': {
    doc: 'oidc-ciba-core-1_0',
    section: '11',
    level: 'informative',
    says: 'After expires_in seconds the auth_req_id is answered expired_token.',
    error: direct('expired_token'),
  },
  'ciba-denied': {
    doc: 'oidc-ciba-core-1_0',
    section: '11',
    level: 'informative',
    says: 'The user declined on their authentication device.',
    error: direct('access_denied'),
  },
  'ciba-response-fields': {
    doc: 'oidc-ciba-core-1_0',
    section: '7.3',
    level: 'REQUIRED',
    says: 'The acknowledgement has auth_req_id and expires_in, and interval in poll mode.',
  },
  'ciba-token-response': {
    doc: 'oidc-ciba-core-1_0',
    section: '10.1.1',
    level: 'informative',
    says: 'The token response is an OpenID Connect token response, with an id_token.',
  },
  // Token exchange
  'exchange-param-missing': {
    doc: 'rfc8693',
    section: '2.1',
    level: 'REQUIRED',
    says: 'A token exchange request sends subject_token and subject_token_type.',
    error: direct('invalid_request'),
  },
  'exchange-actor-token-type': {
    doc: 'rfc8693',
    section: '2.1',
    level: 'REQUIRED',
    says: 'actor_token_type is sent exactly when actor_token is.',
    error: direct('invalid_request'),
  },
  'exchange-token-invalid': {
    doc: 'rfc8693',
    section: '2.2.2',
    level: 'MUST',
    says: 'The subject and actor tokens must be valid access tokens of this server that the client may exchange, and the token types ones it supports; otherwise invalid_request.',
    error: direct('invalid_request'),
  },
  'exchange-invalid-target': {
    doc: 'rfc8693',
    section: '2.2.2',
    level: 'SHOULD',
    says: 'The resource or audience must be one resource server the server issues tokens for.',
    error: direct('invalid_target'),
  },
  'exchange-issued-token-type': {
    doc: 'rfc8693',
    section: '2.2.1',
    level: 'REQUIRED',
    says: 'A token exchange response carries issued_token_type.',
  },
  // Pushed authorization requests
  'par-request-post': {
    doc: 'rfc9126',
    section: '2.3',
    level: 'informative',
    says: 'The pushed authorization request endpoint answers anything but POST with 405.',
    error: direct(null, 405),
  },
  'par-request-uri-forbidden': {
    doc: 'rfc9126',
    section: '2.1',
    level: 'MUST NOT',
    says: 'A pushed request does not carry request_uri.',
    error: direct('invalid_request'),
  },
  'par-request-uri-invalid': {
    doc: 'rfc9126',
    section: '4',
    level: 'MUST',
    says: 'The request_uri must be one the server issued, not expired and not used before.',
    error: user,
  },
  'par-request-uri-client': {
    doc: 'rfc9126',
    section: '2.2',
    level: 'MUST',
    says: 'The request_uri is used with the client_id that pushed it.',
    error: user,
  },
  'par-response': {
    doc: 'rfc9126',
    section: '2.2',
    level: 'MUST',
    says: 'A pushed request is answered 201 with request_uri and expires_in.',
  },
  // private_key_jwt client authentication
  'client-assertion-type': {
    doc: 'oidc-core-1_0',
    section: '9',
    level: 'MUST',
    says: 'client_assertion_type is urn:ietf:params:oauth:client-assertion-type:jwt-bearer and comes with a client_assertion.',
    error: direct('invalid_client', 401),
  },
  'client-assertion-invalid': {
    doc: 'oidc-core-1_0',
    section: '9',
    level: 'MUST',
    says: 'The client assertion is signed by a key the client registered, has iss and sub equal to its client_id, names the server in aud and has not expired.',
    error: direct('invalid_client', 401),
  },
  'client-assertion-replay': {
    doc: 'oidc-core-1_0',
    section: '9',
    level: 'MUST',
    says: 'A client assertion (its jti) is used once.',
    error: direct('invalid_client', 401),
  },
  // DPoP
  'dpop-proof-invalid': {
    doc: 'rfc9449',
    section: '4.3',
    level: 'MUST',
    says: 'A DPoP proof is one JWT of typ dpop+jwt, signed with an asymmetric key in its jwk header, for this method and URI, with jti and a recent iat.',
    error: direct('invalid_dpop_proof'),
  },
  'dpop-proof-replay': {
    doc: 'rfc9449',
    section: '11.1',
    level: 'informative',
    says: 'A DPoP proof whose jti was already seen at this URI is refused.',
    error: direct('invalid_dpop_proof'),
  },
  'dpop-code-binding': {
    doc: 'rfc9449',
    section: '10',
    level: 'MUST',
    says: 'A code requested with dpop_jkt is redeemed only with a DPoP proof of the key with that thumbprint.',
    error: direct('invalid_grant'),
  },
  'dpop-refresh-binding': {
    doc: 'rfc9449',
    section: '5',
    level: 'MUST',
    says: "A public client's DPoP-bound refresh token is used only with a proof of the same key.",
    error: direct('invalid_grant'),
  },
  'dpop-par-jkt-mismatch': {
    doc: 'rfc9449',
    section: '10.1',
    level: 'MUST',
    says: 'A pushed request with both dpop_jkt and a DPoP proof is refused when the thumbprints differ.',
    error: direct('invalid_request'),
  },
  'dpop-token-type': {
    doc: 'rfc9449',
    section: '5',
    level: 'MUST',
    says: 'A token response for a DPoP proof carries token_type DPoP.',
  },
  'dpop-resource-proof-invalid': {
    doc: 'rfc9449',
    section: '7',
    level: 'MUST',
    says: 'A request with a DPoP-bound token carries a valid DPoP proof for it, with ath, the hash of the token.',
    error: direct('invalid_dpop_proof', 401),
  },
  'dpop-resource-key-mismatch': {
    doc: 'rfc9449',
    section: '4.3',
    level: 'MUST',
    says: "The proof's key must be the key the access token is bound to.",
    error: direct('invalid_token', 401),
  },
  'dpop-bearer-downgrade': {
    doc: 'rfc9449',
    section: '7.2',
    level: 'MUST',
    says: 'A DPoP-bound access token sent with the Bearer scheme is refused.',
    error: direct('invalid_token', 401),
  },
  // Resource servers
  'audience-mismatch': {
    doc: 'rfc9700',
    section: '2.3',
    level: 'MUST',
    says: 'A resource server refuses an access token meant for another resource server.',
    error: direct('invalid_token', 401),
  },
} as const satisfies Record<string, Rule>;

/** The id of an extension rule. */
export type ExtensionRuleId = keyof typeof EXTENSION_RULES;

/** The id of any rule of the model. */
export type AnyRuleId = RuleId | ExtensionRuleId;

/** The rule with this id, from RULES or EXTENSION_RULES. */
export function anyRule(id: AnyRuleId): Rule {
  return id in EXTENSION_RULES ? EXTENSION_RULES[id as ExtensionRuleId] : RULES[id as RuleId];
}

/** "RFC 9449 section 4.3, MUST": how messages cite any rule. */
export function citeAnyRule(id: AnyRuleId): string {
  if (!(id in EXTENSION_RULES)) return citeRule(id as RuleId);
  const rule: Rule = EXTENSION_RULES[id as ExtensionRuleId];
  return `${DOC_NAMES[rule.doc]} section ${rule.section}, ${rule.level}`;
}
