import { describe, expect, test } from 'vitest';
import { checkPageExamples } from '../../src/examples/check.ts';
import { makeExampleIdToken } from '../../src/examples/id-token.ts';

const FILE = 'content/test.mdx';
const page = (...blocks: Array<[meta: string, text: string]>): string =>
  blocks.map(([meta, text]) => `Some prose.\n\n\`\`\`http${meta ? ` ${meta}` : ''}\n${text}\n\`\`\`\n`).join('\n');

const AUTHORIZE =
  'GET /authorize?response_type=code&client_id=photo-app&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=photos.read&state=S1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256 HTTP/1.1\nHost: auth.example.com';
const CODE_RESPONSE = 'HTTP/1.1 302 Found\nLocation: https://app.example.com/callback?code=C0de&state=S1';
const REDEEM =
  'POST /token HTTP/1.1\nHost: auth.example.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=authorization_code&code=C0de&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&client_id=photo-app&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const tokens = (extra = '', headers = 'Cache-Control: no-store\nPragma: no-cache\n') =>
  `HTTP/1.1 200 OK\nContent-Type: application/json\n${headers}\n{"access_token": "AT1", "token_type": "Bearer", "expires_in": 900, "refresh_token": "RT1"${extra}}`;
const CC =
  'POST /token HTTP/1.1\nHost: auth.example.com\nAuthorization: Basic cmVwb3J0aW5nLWNyb246bm90LWEtcmVhbC1zZWNyZXQtUXo4MUx3\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&scope=reports.read';
const refresh = (token: string) =>
  `POST /token HTTP/1.1\nHost: auth.example.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=refresh_token&refresh_token=${token}&client_id=photo-app`;

const rulesOf = async (source: string) => (await checkPageExamples(source, FILE)).map((p) => p.rule);

describe('checkPageExamples', () => {
  test.each([
    ['a correct code flow with PKCE', page(['', AUTHORIZE], ['', CODE_RESPONSE], ['', REDEEM], ['', tokens()]), []],
    [
      'RFC 6749 4.1.2: state that does not round-trip',
      page(['', AUTHORIZE], ['', CODE_RESPONSE.replace('state=S1', 'state=S2')]),
      ['state-round-trip'],
    ],
    [
      'RFC 6749 5.1: a token response without Cache-Control: no-store',
      page(['', AUTHORIZE], ['', CODE_RESPONSE], ['', REDEEM], ['', tokens('', '')]),
      ['token-response-no-store', 'token-response-pragma'],
    ],
    [
      'RFC 6749 5.1: a token response without Pragma: no-cache',
      page(['', AUTHORIZE], ['', CODE_RESPONSE], ['', REDEEM], ['', tokens('', 'Cache-Control: no-store\n')]),
      ['token-response-pragma'],
    ],
    ['RFC 6749 4.1.3: redeeming a code the page never issued', page(['', REDEEM]), ['code-invalid']],
    [
      'RFC 6749 4.1.2: a replayed code shown with expect=invalid_grant',
      page(
        ['', AUTHORIZE],
        ['', CODE_RESPONSE],
        ['', REDEEM],
        ['', tokens()],
        ['', REDEEM],
        [
          'expect=invalid_grant',
          'HTTP/1.1 400 Bad Request\nContent-Type: application/json\nCache-Control: no-store\n\n{"error": "invalid_grant"}',
        ],
      ),
      [],
    ],
    [
      'RFC 9700 4.14.2: reusing a rotated refresh token is refused, and must be marked',
      page(
        ['', AUTHORIZE],
        ['', CODE_RESPONSE],
        ['', REDEEM],
        ['', tokens()],
        ['', refresh('RT1')],
        ['', tokens().replace('AT1', 'AT2').replace('RT1', 'RT2')],
        ['', refresh('RT1')],
      ),
      ['refresh-reuse'],
    ],
    [
      'RFC 10017 6.3.2.3: a public client’s refresh response without a new refresh_token',
      page(
        ['', AUTHORIZE],
        ['', CODE_RESPONSE],
        ['', REDEEM],
        ['', tokens()],
        ['', refresh('RT1')],
        ['', tokens().replace(', "refresh_token": "RT1"', '')],
      ),
      ['refresh-rotation'],
    ],
    ['given: a refresh token issued before the page starts', page(['given', refresh('Earlier1')], ['', tokens()]), []],
    ['RFC 6749 6: the same refresh token without given', page(['', refresh('Earlier1')]), ['refresh-invalid']],
    [
      'RFC 6749 4.4.3: a refresh_token in a client credentials response',
      page(['', CC], ['', tokens(', "scope": "reports.read"')]),
      ['client-credentials-no-refresh'],
    ],
    [
      'RFC 6749 5.2: a wrong secret shown with expect=invalid_client',
      page(
        ['', CC],
        [
          'expect=invalid_client',
          'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="auth.example.com"\nContent-Type: application/json\n\n{"error": "invalid_client"}',
        ],
      ),
      [],
    ],
    [
      'RFC 6749 5.2: a 401 for invalid_client without WWW-Authenticate',
      page(
        ['', CC],
        [
          'expect=invalid_client',
          'HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"error": "invalid_client"}',
        ],
      ),
      ['client-auth-failed'],
    ],
    [
      'an error shown without expect',
      page(
        ['', AUTHORIZE],
        ['', CODE_RESPONSE],
        ['', 'HTTP/1.1 302 Found\nLocation: https://app.example.com/callback?error=access_denied&state=S1'],
      ),
      ['example-expect'],
    ],
    ['expect= on a request the model accepts', page(['expect=invalid_grant', CC]), ['example-expect']],
    ['an unknown fence meta word', page(['title=x', CC]), ['example-meta']],
    ['a response with no request before it', page(['', CODE_RESPONSE]), ['example-exchange']],
    ['a block that is not an HTTP message', page(['', 'POST /token\nHost auth.example.com']), ['example-syntax']],
  ] as const)('%s', async (_name, source, expected) => {
    expect(await rulesOf(source)).toEqual(expected);
  });

  test('OIDC Core 3.1.3.6: an at_hash made for another access token', async () => {
    const idToken = await makeExampleIdToken({ aud: 'photo-app' }, 'some-other-token');
    const authorize = AUTHORIZE.replace('scope=photos.read', 'scope=openid%20photos.read');
    const source = page(['', authorize], ['', CODE_RESPONSE], ['', REDEEM], ['', tokens(`, "id_token": "${idToken}"`)]);
    expect(await rulesOf(source)).toEqual(['id-token-at-hash']);
  });

  test('OIDC Core 2: a nonce that is not the request’s, and an audience that is another client', async () => {
    const idToken = await makeExampleIdToken({ aud: 'web-portal', nonce: 'other' }, 'AT1');
    const authorize = AUTHORIZE.replace('scope=photos.read', 'scope=openid%20photos.read&nonce=N1');
    const source = page(['', authorize], ['', CODE_RESPONSE], ['', REDEEM], ['', tokens(`, "id_token": "${idToken}"`)]);
    expect(await rulesOf(source)).toEqual(['id-token-claims', 'id-token-nonce']);
  });

  test('OIDC Core 3.1.3.7: an id_token that is not signed with the published key', async () => {
    const fake =
      'eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlbW8ta2V5LTEifQ.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20ifQ.c2lnbmF0dXJl';
    const authorize = AUTHORIZE.replace('scope=photos.read', 'scope=openid%20photos.read');
    const problems = await checkPageExamples(
      page(['', authorize], ['', CODE_RESPONSE], ['', REDEEM], ['', tokens(`, "id_token": "${fake}"`)]),
      FILE,
    );
    expect(problems.map((p) => p.message)).toEqual([
      `${FILE}:28: The id_token is not a JWT signed with the published example key: no key with kid "demo-key-1" is in the published JWKS. Rule: id-token-signature (OpenID Connect Core 1.0 section 3.1.3.7, MUST). Make one with npm run example:id-token`,
    ]);
  });
});
