/**
 * What a reader does in the flow playground (src/playground/) and what each move should show, written once:
 * tests/e2e/playground.test.ts drives it in Chromium and tests/engines/reader-flows.ts in Firefox and WebKit, so
 * a change to the model's answers is one edit here, not copies that drift (as tests/support/quiz-routes.ts does for
 * the quiz).
 */

/** One thing the reader does: fill fields, press a button, pick another move, wait, choose a grant or the RFC 6749 server. */
export type Act =
  | { fill: Record<string, string>; press?: string }
  | { press: string }
  | { instead: string; press?: string }
  | { wait: number }
  | { grant: string }
  | { legacy: true };

/** The next move's primary button. */
export const SEND: Act = { press: 'Send' };
/** The user's consent at the authorization server. */
export const APPROVE: Act = { press: 'Sign in and approve' };
/** The authorization response reaching the client. */
export const DELIVER: Act = { press: 'Deliver the redirect to the client' };
/** Authorization request, consent and redirect: up to the code in the client's hands. */
export const CODE_FLOW: readonly Act[] = [SEND, APPROVE, DELIVER];
/** The client sends its last request once more. */
export const AGAIN: readonly Act[] = [{ instead: 'Send the same request again' }, { press: 'Send it again' }];

/** Each grant the playground offers, with the moves that take it to a 200 from the API. */
export const HAPPY_PATHS: readonly (readonly [grant: string, actions: readonly Act[]])[] = [
  ['Authorization Code with PKCE', [...CODE_FLOW, SEND, SEND]],
  ['Authorization Code (confidential web client)', [...CODE_FLOW, SEND, SEND]],
  ['Client Credentials', [SEND, SEND]],
  ['Device Authorization (RFC 8628)', [SEND, { press: 'Approve on the phone' }, SEND, SEND]],
  ['Refresh Token with rotation', [SEND, SEND]],
  ['Implicit (legacy)', [{ legacy: true }, ...CODE_FLOW, SEND]],
  ['Resource Owner Password Credentials (legacy)', [{ legacy: true }, SEND, SEND]],
];

/** The request line and headers of a successful API call, as the last step shows them on the wire. */
export const API_REQUEST = /^GET \/v1\/\w+ HTTP\/1\.1\nHost: api\.example\.com\nAuthorization: Bearer /;
/** The status line of the API's answer at the end of a happy path. */
export const API_OK = /^HTTP\/1\.1 200 OK\n/;

/** A reader's change to a request, and the model's answer the last step must show. */
export interface Tamper {
  name: string;
  grant?: string;
  actions: readonly Act[];
  /** Text the last step shows: the error code and what happened. */
  shows: RegExp;
  /** The cited rule's link text and its section. */
  cite: string;
  href: string;
}

/** The implicit grant's first request, refused by the server as current practice has it. */
export const IMPLICIT_REFUSED: Tamper = {
  name: 'the implicit grant, refused by a server following RFC 9700',
  grant: 'Implicit (legacy)',
  actions: [SEND],
  shows: /302 unsupported_response_type: response_type=token would put an access token in the redirect/,
  cite: 'RFC 10017 section 7.2, MUST NOT',
  href: 'https://www.rfc-editor.org/rfc/rfc10017#section-7.2',
};

/** The password grant's first request, refused by the server as current practice has it. */
export const PASSWORD_REFUSED: Tamper = {
  name: 'the password grant, refused by a server following RFC 9700',
  grant: 'Resource Owner Password Credentials (legacy)',
  actions: [SEND],
  shows: /400 unsupported_grant_type: the password grant is not supported/,
  cite: 'RFC 9700 section 2.4, MUST NOT',
  href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.4',
};

/** Every tampering the Chromium suite checks; the engine suites run some of them. */
export const TAMPERS: readonly Tamper[] = [
  {
    name: 'a redirect_uri that is not registered: an error page, no redirect',
    actions: [{ fill: { redirect_uri: 'https://evil.example.net/callback' } }],
    shows: /400 invalid_request: .*does not redirect/,
    cite: 'RFC 9700 section 2.1, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1',
  },
  {
    name: 'a public client without code_challenge',
    actions: [{ fill: { code_challenge: '', code_challenge_method: '' } }],
    shows: /302 invalid_request: photo-app is a public client and sent no code_challenge/,
    cite: 'RFC 9700 section 2.1.1, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1',
  },
  {
    name: 'a wrong code_verifier',
    actions: [...CODE_FLOW, { fill: { code_verifier: 'a'.repeat(43) } }],
    shows: /400 invalid_grant: S256 of the code_verifier is/,
    cite: 'RFC 7636 section 4.6, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6',
  },
  {
    name: 'a missing code_verifier',
    actions: [...CODE_FLOW, { fill: { code_verifier: '' } }],
    shows: /400 invalid_grant: the code was issued with a code_challenge and no code_verifier was sent/,
    cite: 'OAuth 2.1 (draft-ietf-oauth-v2-1) section 4.1.3, MUST',
    href: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-4.1.3',
  },
  {
    name: 'a code redeemed twice',
    actions: [...CODE_FLOW, SEND, ...AGAIN],
    shows: /400 invalid_grant: code \S+ was already redeemed; the tokens issued with it are revoked/,
    cite: 'RFC 6749 section 4.1.2, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2',
  },
  {
    name: 'the access token issued with a replayed code, revoked',
    actions: [...CODE_FLOW, SEND, ...AGAIN, { instead: 'Call the API' }, SEND],
    shows: /401 invalid_token: the access token is not valid/,
    cite: 'RFC 6750 section 3.1, SHOULD',
    href: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
  },
  {
    name: 'a code redeemed after the simulated clock passed its ten minutes',
    actions: [...CODE_FLOW, { wait: 601 }, SEND],
    shows: /400 invalid_grant: code \S+ expired 1 s ago/,
    cite: 'RFC 6749 section 4.1.2, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2',
  },
  {
    name: 'a redirect whose state was changed: the client refuses it',
    actions: [SEND, APPROVE, { fill: { state: 'forged-by-an-attacker' }, press: 'Deliver the redirect to the client' }],
    shows: /state in the redirect is "forged-by-an-attacker", the client sent "[\w-]+": it refuses the redirect/,
    cite: 'RFC 6749 section 10.12, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12',
  },
  {
    name: 'the user denies',
    actions: [SEND, { press: 'Sign in and deny' }],
    shows: /302 access_denied: user_5821 declined/,
    cite: 'RFC 6749 section 4.1.2.1, informative',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1',
  },
  {
    name: 'a wrong client secret: 401 invalid_client with WWW-Authenticate',
    grant: 'Authorization Code (confidential web client)',
    actions: [...CODE_FLOW, { fill: { client_secret: 'not-the-secret' } }],
    shows: /401 invalid_client: Basic credentials for "web-portal" do not match/,
    cite: 'RFC 6749 section 5.2, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  },
  {
    name: 'a refresh token used again after rotation',
    grant: 'Refresh Token with rotation',
    actions: [SEND, { instead: 'Send the same request again' }, { press: 'Send it again' }],
    shows: /400 invalid_grant: refresh token \S+ was already rotated; its whole family is revoked/,
    cite: 'RFC 9700 section 4.14.2, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
  },
  {
    name: 'the newest refresh token of a family revoked for reuse',
    grant: 'Refresh Token with rotation',
    actions: [SEND, ...AGAIN, SEND],
    shows: /400 invalid_grant: refresh token \S+ is not valid/,
    cite: 'RFC 6749 section 6, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-6',
  },
  {
    name: 'a device polling before the user approved: authorization_pending',
    grant: 'Device Authorization (RFC 8628)',
    actions: [SEND, { instead: 'Token request: poll with the device code' }, SEND],
    shows: /400 authorization_pending: the user has not approved yet/,
    cite: 'RFC 8628 section 3.5, informative',
    href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5',
  },
  {
    name: 'a device polling again at once: slow_down, and 5 s more',
    grant: 'Device Authorization (RFC 8628)',
    actions: [SEND, { instead: 'Token request: poll with the device code' }, SEND, ...AGAIN],
    shows: /400 slow_down: polled sooner than the interval; wait 10 s from now on/,
    cite: 'RFC 8628 section 3.5, MUST',
    href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5',
  },
  {
    name: 'a device whose user denied: access_denied',
    grant: 'Device Authorization (RFC 8628)',
    actions: [SEND, { press: 'Deny on the phone' }, SEND],
    shows: /400 access_denied: the user declined/,
    cite: 'RFC 8628 section 3.5, informative',
    href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5',
  },
  {
    name: 'a device_code past its expires_in: expired_token',
    grant: 'Device Authorization (RFC 8628)',
    actions: [SEND, { wait: 901 }, { instead: 'Token request: poll with the device code' }, SEND],
    shows: /400 expired_token: the device_code expired/,
    cite: 'RFC 8628 section 3.5, informative',
    href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5',
  },
  {
    name: 'an API call without a token: 401 and no error code',
    grant: 'Client Credentials',
    actions: [SEND, { fill: { access_token: '' } }],
    shows: /401 no error code: the request carries no access token/,
    cite: 'RFC 6750 section 3.1, SHOULD NOT',
    href: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
  },
  {
    name: 'an API call with an expired token: invalid_token',
    grant: 'Client Credentials',
    actions: [SEND, { wait: 3601 }, SEND],
    shows: /401 invalid_token: the access token expired/,
    cite: 'RFC 6750 section 3.1, SHOULD',
    href: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
  },
  {
    name: 'an API call to a path its scope does not cover: insufficient_scope',
    grant: 'Client Credentials',
    actions: [SEND, { fill: { path: '/v1/orders' } }],
    shows: /403 insufficient_scope: \/v1\/orders needs the orders\.read scope/,
    cite: 'RFC 6750 section 3.1, SHOULD',
    href: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
  },
  IMPLICIT_REFUSED,
  PASSWORD_REFUSED,
];

/** A grant's page, which embeds `<Playground grant="…" />` for that grant alone. */
export interface GrantPage {
  /** The page's path under the site, also the grant's id in the playground's link. */
  path: string;
  /** The grant's name in the playground, as in HAPPY_PATHS. */
  grant: string;
  /** For a legacy grant: the refusal its first request gets, instead of a happy path to the API. */
  refusal?: Tamper;
}

/** Every grant page with an embedded playground: the five current grants run to the API, the two legacy ones are refused. */
export const GRANT_PAGES: readonly GrantPage[] = [
  { path: 'api-auth/grant/authorization-code-pkce/', grant: 'Authorization Code with PKCE' },
  { path: 'api-auth/grant/authorization-code/', grant: 'Authorization Code (confidential web client)' },
  { path: 'api-auth/grant/client-credentials/', grant: 'Client Credentials' },
  { path: 'api-auth/grant/device-code/', grant: 'Device Authorization (RFC 8628)' },
  { path: 'api-auth/grant/refresh-token/', grant: 'Refresh Token with rotation' },
  { path: 'api-auth/grant/implicit/', grant: 'Implicit (legacy)', refusal: IMPLICIT_REFUSED },
  {
    path: 'api-auth/grant/password/',
    grant: 'Resource Owner Password Credentials (legacy)',
    refusal: PASSWORD_REFUSED,
  },
];
