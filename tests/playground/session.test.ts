import { beforeAll, describe, expect, test } from 'vitest';
import type { Profile, SigningKey } from '../../src/lib/oauth/index.ts';
import type { GrantId } from '../../src/playground/grants.ts';
import { generateSigningKey } from '../../src/playground/key.ts';
import type { Move } from '../../src/playground/moves.ts';
import { citationOf, createSession, movesOf, perform, replay, type Session } from '../../src/playground/session.ts';
import { computeChallenge } from '../../src/pkce/pkce.ts';

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKey();
});

const SEED = 'test-seed-1';
const edit = (kind: Extract<Move, { edits: unknown }>['kind'], edits: Record<string, string> = {}): Move => ({
  kind,
  edits,
});
const approve: Move = { kind: 'consent', approve: true };
const CODE_FLOW: Move[] = [edit('authorize'), approve, edit('callback')];

async function run(grant: GrantId, moves: readonly Move[], profile: Profile = 'current'): Promise<Session> {
  const session = await createSession({ grant, seed: SEED, profile, key });
  for (const move of moves) await perform(session, move);
  return session;
}
const last = (session: Session) => session.steps.at(-1)!;

describe('every grant reaches the API on its happy path', () => {
  test.each<[GrantId, Move[], Profile]>([
    ['authorization-code-pkce', [...CODE_FLOW, edit('redeem'), edit('api')], 'current'],
    ['authorization-code', [...CODE_FLOW, edit('redeem'), edit('api')], 'current'],
    ['client-credentials', [edit('credentials'), edit('api')], 'current'],
    ['device-code', [edit('device'), { kind: 'device-user', approve: true }, edit('poll'), edit('api')], 'current'],
    ['refresh-token', [edit('refresh'), edit('api')], 'current'],
    ['implicit', [...CODE_FLOW, edit('api')], 'rfc6749'],
    ['password', [edit('password'), edit('api')], 'rfc6749'],
  ])('%s: the last step is a 200 from the API', async (grant, moves, profile) => {
    const session = await run(grant, moves, profile);
    for (const step of session.steps) expect(step.result, step.title).toMatchObject({ ok: true });
    expect(last(session).response).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(last(session).request).toMatch(
      /^GET \/v1\/\w+ HTTP\/1\.1\nHost: api\.example\.com\nAuthorization: Bearer \S+$/,
    );
  });

  test('the natural next move is always offered first, from the first step to the API call', async () => {
    const session = await createSession({ grant: 'authorization-code-pkce', seed: SEED, profile: 'current', key });
    const taken: string[] = [];
    for (let i = 0; i < 5; i++) {
      const kind = movesOf(session)[0]!;
      taken.push(kind);
      await perform(session, kind === 'consent' ? approve : edit(kind as 'authorize'));
    }
    expect(taken).toEqual(['authorize', 'consent', 'callback', 'redeem', 'api']);
  });
});

describe('the code flow with PKCE', () => {
  test('sends the S256 challenge of the verifier it later redeems with, the one the calculator computes', async () => {
    const session = await run('authorization-code-pkce', [...CODE_FLOW, edit('redeem')]);
    const [authorize, , , redeem] = session.steps;
    const verifier = /code_verifier=([^&\n]+)/.exec(redeem!.request!)![1]!;
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The session makes both with the model's base64url and S256; the site's PKCE module checks them independently.
    const challenge = await computeChallenge(verifier, 'S256');
    expect(authorize!.request).toContain(`code_challenge=${challenge}&code_challenge_method=S256`);
  });

  test('with openid, the token response carries an ID token that verifies against the JWKS, with the nonce', async () => {
    const session = await run('authorization-code-pkce', [...CODE_FLOW, edit('redeem')]);
    const id = last(session).idToken;
    expect(id).toMatchObject({ verified: true, header: { alg: 'RS256', kid: 'playground-in-page' } });
    expect(id && 'claims' in id && id.claims).toMatchObject({
      iss: 'https://auth.example.com',
      aud: 'photo-app',
      sub: 'user_5821',
      nonce: session.memory.nonce,
    });
    expect(session.jwks.keys[0]).toMatchObject({ kty: 'RSA', kid: 'playground-in-page', alg: 'RS256' });
  });

  test('the same seed gives the same exchange, so a shared link replays it exactly', async () => {
    const moves = [...CODE_FLOW, edit('redeem')];
    const [a, b] = [await run('authorization-code-pkce', moves), await run('authorization-code-pkce', moves)];
    const wire = (s: Session) =>
      s.steps.map((step) => [step.request, step.response?.replace(/"id_token": "[^"]+"/, '')]);
    expect(wire(a)).toEqual(wire(b));
  });
});

interface Tamper {
  name: string;
  grant: GrantId;
  moves: Move[];
  status: number | null;
  error: string | null;
  rule: string;
}

const wait = (seconds: number): Move => ({ kind: 'wait', seconds });
const TAMPERS: Tamper[] = [
  {
    name: 'a redirect_uri that is not registered is shown to the user, never redirected',
    grant: 'authorization-code-pkce',
    moves: [edit('authorize', { redirect_uri: 'https://evil.example.net/callback' })],
    status: 400,
    error: 'invalid_request',
    rule: 'redirect-uri-mismatch',
  },
  {
    name: 'a public client without code_challenge is refused',
    grant: 'authorization-code-pkce',
    moves: [edit('authorize', { code_challenge: '', code_challenge_method: '' })],
    status: 302,
    error: 'invalid_request',
    rule: 'pkce-required-public',
  },
  {
    name: 'a wrong code_verifier is refused',
    grant: 'authorization-code-pkce',
    moves: [...CODE_FLOW, edit('redeem', { code_verifier: 'a'.repeat(43) })],
    status: 400,
    error: 'invalid_grant',
    rule: 'pkce-verifier-mismatch',
  },
  {
    name: 'a missing code_verifier is refused',
    grant: 'authorization-code-pkce',
    moves: [...CODE_FLOW, edit('redeem', { code_verifier: '' })],
    status: 400,
    error: 'invalid_grant',
    rule: 'pkce-verifier-missing',
  },
  {
    name: 'a code redeemed twice is refused',
    grant: 'authorization-code-pkce',
    moves: [...CODE_FLOW, edit('redeem'), { kind: 'repeat' }],
    status: 400,
    error: 'invalid_grant',
    rule: 'code-reuse',
  },
  {
    name: 'the access token issued with a replayed code is revoked',
    grant: 'authorization-code-pkce',
    moves: [...CODE_FLOW, edit('redeem'), { kind: 'repeat' }, edit('api')],
    status: 401,
    error: 'invalid_token',
    rule: 'bearer-invalid',
  },
  {
    name: 'a code older than ten minutes is refused',
    grant: 'authorization-code',
    moves: [...CODE_FLOW, wait(601), edit('redeem')],
    status: 400,
    error: 'invalid_grant',
    rule: 'code-expired',
  },
  {
    name: 'a redirect whose state differs from the one sent is refused by the client',
    grant: 'authorization-code-pkce',
    moves: [edit('authorize'), approve, edit('callback', { state: 'forged-by-an-attacker' })],
    status: null,
    error: null,
    rule: 'client-state-check',
  },
  {
    name: 'the user denies',
    grant: 'authorization-code-pkce',
    moves: [edit('authorize'), { kind: 'consent', approve: false }],
    status: 302,
    error: 'access_denied',
    rule: 'access-denied',
  },
  {
    name: 'a wrong client secret gets 401 invalid_client',
    grant: 'authorization-code',
    moves: [...CODE_FLOW, edit('redeem', { client_secret: 'not-the-secret' })],
    status: 401,
    error: 'invalid_client',
    rule: 'client-auth-failed',
  },
  {
    name: 'a wrong client secret gets 401 invalid_client (client credentials)',
    grant: 'client-credentials',
    moves: [edit('credentials', { client_secret: 'not-the-secret' })],
    status: 401,
    error: 'invalid_client',
    rule: 'client-auth-failed',
  },
  {
    name: 'a refresh token used again after rotation is refused',
    grant: 'refresh-token',
    moves: [edit('refresh'), { kind: 'repeat' }],
    status: 400,
    error: 'invalid_grant',
    rule: 'refresh-reuse',
  },
  {
    name: 'after a rotated refresh token is reused, the newest one of its family is revoked too',
    grant: 'refresh-token',
    moves: [edit('refresh'), { kind: 'repeat' }, edit('refresh')],
    status: 400,
    error: 'invalid_grant',
    rule: 'refresh-invalid',
  },
  {
    name: 'a device polling before the user approves gets authorization_pending',
    grant: 'device-code',
    moves: [edit('device'), edit('poll')],
    status: 400,
    error: 'authorization_pending',
    rule: 'device-pending',
  },
  {
    name: 'a device polling sooner than the interval gets slow_down',
    grant: 'device-code',
    moves: [edit('device'), edit('poll'), { kind: 'repeat' }],
    status: 400,
    error: 'slow_down',
    rule: 'device-slow-down',
  },
  {
    name: 'a device whose user denied gets access_denied',
    grant: 'device-code',
    moves: [edit('device'), { kind: 'device-user', approve: false }, edit('poll')],
    status: 400,
    error: 'access_denied',
    rule: 'device-denied',
  },
  {
    name: 'a device_code past expires_in gets expired_token',
    grant: 'device-code',
    moves: [edit('device'), wait(901), edit('poll')],
    status: 400,
    error: 'expired_token',
    rule: 'device-expired',
  },
  {
    name: 'an API call without a token gets 401 and no error code',
    grant: 'client-credentials',
    moves: [edit('credentials'), edit('api', { access_token: '' })],
    status: 401,
    error: null,
    rule: 'bearer-missing',
  },
  {
    name: 'an API call with an expired token gets invalid_token',
    grant: 'client-credentials',
    moves: [edit('credentials'), wait(3601), edit('api')],
    status: 401,
    error: 'invalid_token',
    rule: 'bearer-expired',
  },
  {
    name: 'an API call to a path its scope does not cover gets insufficient_scope',
    grant: 'client-credentials',
    moves: [edit('credentials'), edit('api', { path: '/v1/orders' })],
    status: 403,
    error: 'insufficient_scope',
    rule: 'bearer-insufficient-scope',
  },
  {
    name: 'the implicit grant is refused by a server following RFC 9700',
    grant: 'implicit',
    moves: [edit('authorize')],
    status: 302,
    error: 'unsupported_response_type',
    rule: 'implicit-refused',
  },
  {
    name: 'the password grant is refused by a server following RFC 9700',
    grant: 'password',
    moves: [edit('password')],
    status: 400,
    error: 'unsupported_grant_type',
    rule: 'password-refused',
  },
];

describe('tampering shows the model’s real answer and its rule', () => {
  test.each(TAMPERS)('$name ($error, $rule)', async ({ grant, moves, status, error, rule }) => {
    const step = last(await run(grant, moves));
    expect(step.result).toMatchObject({ ok: false, rule, error });
    if (status === null) expect(step.response).toBeUndefined();
    else expect(step.response).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  });

  test('a wrong redirect_uri answers with a page and no Location header', async () => {
    const step = last(await run('authorization-code-pkce', TAMPERS[0]!.moves));
    expect(step.response).not.toMatch(/^Location:/m);
    expect(step.result.text).toContain('does not redirect');
  });

  test('invalid_client carries WWW-Authenticate: Basic', async () => {
    const step = last(await run('authorization-code', TAMPERS[9]!.moves));
    expect(step.response).toMatch(/^WWW-Authenticate: Basic realm="auth\.example\.com"$/m);
  });

  test('after slow_down the interval has grown by 5 seconds', async () => {
    const step = last(await run('device-code', TAMPERS[14]!.moves));
    expect(step.result.text).toContain('wait 10 s from now on');
  });

  test('after a refused state the client has no code to redeem', async () => {
    const session = await run('authorization-code-pkce', TAMPERS[7]!.moves);
    expect(movesOf(session)).not.toContain('redeem');
  });

  test('each rule links to its section', () => {
    expect(citationOf('pkce-required-public')).toEqual({
      text: 'RFC 9700 section 2.1.1, MUST',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1',
    });
    expect(citationOf('pkce-or-nonce-required').href).toBe(
      'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-7.5.1.1',
    );
  });
});

describe('replay', () => {
  test('a move the flow does not allow yet makes the replay fail, so the scenario starts over', async () => {
    const options = { grant: 'authorization-code-pkce' as const, seed: SEED, profile: 'current' as const, key };
    await expect(replay(options, [edit('redeem')])).resolves.toBeNull();
    await expect(replay(options, [approve])).resolves.toBeNull();
    await expect(replay(options, [edit('authorize', { evil: 'x' })])).resolves.toBeNull();
    await expect(replay(options, [{ kind: 'repeat' }])).resolves.toBeNull();
    const session = await replay(options, [edit('authorize'), approve]);
    expect(session?.steps.map((s) => s.kind)).toEqual(['authorize', 'consent']);
  });
});
