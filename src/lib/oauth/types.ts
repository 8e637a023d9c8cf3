/**
 * Types of the OAuth model: literal unions for every protocol value, and the shapes of clients, users, the
 * server's configuration and its state.
 */

/**
 * grant_type values the token endpoint knows (RFC 6749 sections 4.1.3, 4.3.2, 4.4.2, 6; RFC 8628 section 3.4;
 * CIBA section 10.1 and RFC 8693 section 2.1, served by `handleExtended`).
 */
export type GrantType =
  | 'authorization_code'
  | 'client_credentials'
  | 'refresh_token'
  | 'password'
  | 'urn:ietf:params:oauth:grant-type:device_code'
  | 'urn:openid:params:grant-type:ciba'
  | 'urn:ietf:params:oauth:grant-type:token-exchange';

/** Grants a client may be registered for: the token endpoint's grant types plus the implicit grant. */
export type ClientGrant = GrantType | 'implicit';

/** The device grant's grant_type value (RFC 8628 section 3.4). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code' satisfies GrantType;

/** The CIBA grant_type value (OpenID Connect CIBA Core section 10.1). */
export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba' satisfies GrantType;

/** The token exchange grant_type value (RFC 8693 section 2.1). */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange' satisfies GrantType;

/** response_type values the model recognises (RFC 6749 sections 4.1.1, 4.2.1; OpenID Connect Core section 3). */
export type ResponseType =
  'code' | 'token' | 'id_token' | 'id_token token' | 'code id_token' | 'code token' | 'code id_token token';

/**
 * Error codes of RFC 6749 sections 4.1.2.1 and 5.2, RFC 8628 section 3.5, RFC 6750 section 3.1, OIDC Core section
 * 3.1.2.6, RFC 8693 section 2.2.2 (invalid_target), CIBA section 13 (unknown_user_id) and RFC 9449 section 5.
 */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'login_required'
  | 'consent_required'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'invalid_target'
  | 'unknown_user_id'
  | 'invalid_dpop_proof';

/** Client types of RFC 6749 section 2.1. */
export type ClientType = 'public' | 'confidential';

/** How a client authenticated at the token endpoint (RFC 6749 section 2.3.1). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

/** The only PKCE method the model's server supports (RFC 7636 section 4.2; RFC 9700 section 2.1.1). */
export type ChallengeMethod = 'S256';

/**
 * Which rules the server applies. `current` follows RFC 9700, RFC 10017 and OAuth 2.1 and refuses the implicit and
 * password grants; `rfc6749` waives the rules marked `current` to show the legacy grants as RFC 6749 defined them.
 */
export type Profile = 'current' | 'rfc6749';

/** A registered client. */
export interface ClientConfig {
  /** The client_id (RFC 6749 section 2.2). */
  client_id: string;
  /** public or confidential (RFC 6749 section 2.1). */
  type: ClientType;
  /** The client secret of a confidential client; public clients have none. */
  secret?: string;
  /** Registered redirect URIs, compared by exact string match (RFC 9700 section 2.1), any port for loopback IPs (RFC 8252 section 7.3). */
  redirect_uris: readonly string[];
  /** Grants this client may use. */
  grants: readonly ClientGrant[];
  /** Scopes this client may ask for. */
  scopes: readonly string[];
  /** Lifetime of access tokens issued to this client, in seconds; the server's default when omitted. */
  accessTokenTtl?: number;
  /** Public keys the client signs its `private_key_jwt` client assertions with (OIDC Core section 9). */
  jwks?: { keys: readonly PublicKeyJwk[] };
  /** Token exchange policy: the audiences of subject tokens this client may exchange (RFC 8693 section 2.2.2). */
  exchangeFrom?: readonly string[];
}

/** A public EC (P-256) or RSA key in JWK form, as a client registers it or a DPoP proof carries it. */
export interface PublicKeyJwk {
  kty: string;
  kid?: string;
  alg?: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
}

/** A resource owner who can sign in at the authorization server. */
export interface UserConfig {
  /** The subject identifier put in `sub` (OIDC Core section 2). */
  sub: string;
  /** The username typed at the sign-in page (or, legacy only, sent with the password grant). */
  username: string;
  /** The user's password. */
  password: string;
}

/** A consent the user gave earlier, so `prompt=none` can succeed (OIDC Core section 3.1.2.1). */
export interface ConsentConfig {
  /** The user who consented. */
  sub: string;
  /** The client consented to. */
  client_id: string;
  /** Space-separated scopes consented to. */
  scope: string;
}

/** Configuration of the authorization server. Plain data, so a playground can edit it. */
export interface ServerConfig {
  /** Issuer identifier, an https URL (OIDC Core section 2, `iss`). */
  issuer: string;
  /** Registered clients. */
  clients: readonly ClientConfig[];
  /** Users who can sign in. */
  users: readonly UserConfig[];
  /** Browser sessions at the authorization server: value of the `as_session` cookie to `sub`. */
  sessions?: Readonly<Record<string, string>>;
  /** Consents given before the exchange starts. */
  consents?: readonly ConsentConfig[];
  /** Where the user enters a device's user_code (RFC 8628 section 3.2). */
  verificationUri: string;
  /** Authorization code lifetime in seconds; RFC 6749 section 4.1.2 RECOMMENDS at most 600. */
  codeTtl?: number;
  /** Default access token lifetime in seconds. */
  accessTokenTtl?: number;
  /** ID token lifetime in seconds. */
  idTokenTtl?: number;
  /** Device code lifetime in seconds (RFC 8628 section 3.2 `expires_in`). */
  deviceCodeTtl?: number;
  /** Polling interval in seconds (RFC 8628 section 3.2 `interval`). */
  deviceInterval?: number;
  /** Audience of access tokens issued without a `resource` or `audience` (RFC 9700 section 2.3). */
  defaultAudience?: string;
  /** Resource URIs and logical names the server issues tokens for (RFC 8693 section 2.1, RFC 8707). */
  audiences?: readonly string[];
  /** Lifetime of a pushed request's request_uri in seconds (RFC 9126 section 2.2). */
  requestUriTtl?: number;
  /** Default lifetime of a CIBA auth_req_id in seconds (CIBA section 7.3). */
  backchannelTtl?: number;
  /** How far a DPoP proof's or client assertion's iat may be from the server's clock, in seconds (RFC 9449 section 11.1). */
  proofWindow?: number;
}

/** A pending authorization request waiting for the user to sign in and decide. */
export interface PendingAuthorization {
  ticket: string;
  client_id: string;
  redirect_uri: string;
  redirect_uri_sent: boolean;
  response_type: 'code' | 'token';
  scope: string;
  state?: string;
  nonce?: string;
  code_challenge?: string;
  code_challenge_method?: ChallengeMethod;
  /** JWK thumbprint the code is bound to (RFC 9449 section 10). */
  dpop_jkt?: string;
  created_at: number;
}

/** An issued authorization code and everything it is bound to (RFC 6749 section 4.1.2). */
export interface CodeRecord {
  code: string;
  client_id: string;
  redirect_uri: string;
  redirect_uri_sent: boolean;
  scope: string;
  sub: string;
  nonce?: string;
  code_challenge?: string;
  code_challenge_method?: ChallengeMethod;
  /** JWK thumbprint the code is bound to (RFC 9449 section 10). */
  dpop_jkt?: string;
  auth_time: number;
  expires_at: number;
  used: boolean;
  /** Access and refresh tokens issued with this code, revoked if the code is replayed. */
  issued: string[];
}

/** An issued access token. */
export interface AccessTokenRecord {
  token: string;
  client_id: string;
  sub?: string;
  scope: string;
  /** The grant this token came from (a code, a device_code or a direct grant), revoked together. */
  family: string;
  expires_at: number;
  revoked: boolean;
  /** JWK thumbprint of the DPoP key the token is bound to (RFC 9449 section 6.1, `cnf.jkt`). */
  jkt?: string;
  /** The resource server the token is meant for (RFC 9700 section 2.3). */
  audience?: string;
  /** Who acts for the subject, after a token exchange (RFC 8693 section 4.1, `act`). */
  actor?: string;
}

/** An issued refresh token; `family` ties rotated tokens together for reuse detection (RFC 9700 section 4.14.2). */
export interface RefreshTokenRecord {
  token: string;
  client_id: string;
  sub?: string;
  scope: string;
  family: string;
  /** Rotated away: presenting it again is reuse. */
  used: boolean;
  revoked: boolean;
  /** DPoP key a public client's refresh token is bound to (RFC 9449 section 5). */
  jkt?: string;
}

/** A pushed authorization request (RFC 9126 section 2) waiting for its request_uri to be used. */
export interface PushedRecord {
  request_uri: string;
  client_id: string;
  params: Record<string, string>;
  expires_at: number;
  used: boolean;
}

/** A CIBA authentication request (CIBA section 7) and its progress. */
export interface BackchannelRecord {
  auth_req_id: string;
  client_id: string;
  sub: string;
  scope: string;
  acr?: string;
  expires_at: number;
  interval: number;
  status: 'pending' | 'approved' | 'denied' | 'redeemed';
  auth_time?: number;
  last_poll?: number;
}

/** A device authorization request (RFC 8628 section 3.1) and its progress. */
export interface DeviceRecord {
  device_code: string;
  user_code: string;
  client_id: string;
  scope: string;
  expires_at: number;
  interval: number;
  status: 'pending' | 'approved' | 'denied' | 'redeemed';
  sub?: string;
  last_poll?: number;
}

/** Everything the server remembers. Plain data, so `structuredClone` forks it. */
export interface ServerState {
  pending: Record<string, PendingAuthorization>;
  codes: Record<string, CodeRecord>;
  accessTokens: Record<string, AccessTokenRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  devices: Record<string, DeviceRecord>;
  consents: ConsentConfig[];
  serial: number;
  /** Pushed authorization requests by request_uri (RFC 9126). */
  pushed?: Record<string, PushedRecord>;
  /** CIBA requests by auth_req_id. */
  backchannel?: Record<string, BackchannelRecord>;
  /** jti values of client assertions and DPoP proofs already seen, with when they may be forgotten. */
  jtis?: Record<string, number>;
}

/** Kinds of value the server mints. */
export type MintKind =
  'ticket' | 'code' | 'access_token' | 'refresh_token' | 'device_code' | 'user_code' | 'request_uri' | 'auth_req_id';
