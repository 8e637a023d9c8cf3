import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import {
  AUTHORIZATION_CODE_PLACEHOLDER,
  STATE_OCTETS,
  buildAuthorizationUrl,
  buildTokenCurl,
  endpointProblem,
  shellQuote,
  stateFromOctets,
  type AuthorizationRequest,
  type TokenRequest,
} from '../../src/pkce/requests.ts';

const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const authorization: AuthorizationRequest = {
  authorizationEndpoint: 'https://auth.example.com/authorize',
  clientId: 'example-client',
  redirectUri: 'https://app.example.com/callback',
  scope: 'openid profile',
  state: 'xyz',
  codeChallenge: RFC_CHALLENGE,
  codeChallengeMethod: 'S256',
};

const token: TokenRequest = {
  tokenEndpoint: 'https://auth.example.com/oauth/token',
  code: AUTHORIZATION_CODE_PLACEHOLDER,
  redirectUri: 'https://app.example.com/callback',
  clientId: 'example-client',
  codeVerifier: RFC_VERIFIER,
};

// Values a reader might paste: reserved URL characters, quotes, shell syntax, white space and non-ASCII.
const awkward = fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\0'));
const NASTY = `a b&c=d+e%20f#g?h/i'j"k\`l $(id) $HOME \\ ; | * [x] {1,2} é 🙂\nline`;

/** Runs a shell command with `curl` replaced by a function that prints its arguments, NUL-separated. */
async function shellWords(command: string): Promise<string[]> {
  const child = spawn('sh', ['-c', `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`]);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const [code] = await once(child, 'close');
  expect(code).toBe(0);
  return ['curl', ...out.split('\0').slice(0, -1)];
}

const hasCurl = await new Promise<boolean>((done) => {
  const probe = spawn('curl', ['--version']);
  probe.on('error', () => done(false));
  probe.on('close', (code) => done(code === 0));
});

describe('buildAuthorizationUrl', () => {
  test('adds response_type=code, the client values and the PKCE challenge to the endpoint', () => {
    expect(buildAuthorizationUrl(authorization)).toEqual({
      ok: true,
      text:
        'https://auth.example.com/authorize?response_type=code&client_id=example-client' +
        '&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=openid+profile&state=xyz' +
        `&code_challenge=${RFC_CHALLENGE}&code_challenge_method=S256`,
    });
  });

  test('encodes any value so that parsing the URL gives it back unchanged', () => {
    fc.assert(
      fc.property(awkward, awkward, awkward, awkward, (clientId, redirectUri, scope, state) => {
        const built = buildAuthorizationUrl({ ...authorization, clientId, redirectUri, scope, state });
        expect(built.ok).toBe(true);
        const url = new URL(built.ok ? built.text : '');
        expect(url.origin + url.pathname).toBe('https://auth.example.com/authorize');
        expect(url.hash).toBe('');
        expect(Object.fromEntries(url.searchParams)).toEqual({
          response_type: 'code',
          client_id: clientId,
          redirect_uri: redirectUri,
          scope,
          state,
          code_challenge: RFC_CHALLENGE,
          code_challenge_method: 'S256',
        });
      }),
      { numRuns: 500 },
    );
  });

  test('keeps the query the endpoint already has but never sends a parameter twice', () => {
    const built = buildAuthorizationUrl({
      ...authorization,
      authorizationEndpoint: 'https://a.example/authorize?tenant=a%20b&response_type=token',
    });
    const url = new URL(built.ok ? built.text : '');
    expect(url.searchParams.get('tenant')).toBe('a b');
    expect(url.searchParams.getAll('response_type')).toEqual(['code']);
  });

  test('leaves out optional values that are empty and sends plain when plain is chosen', () => {
    const built = buildAuthorizationUrl({
      ...authorization,
      redirectUri: '',
      scope: '',
      state: '',
      codeChallenge: RFC_VERIFIER,
      codeChallengeMethod: 'plain',
    });
    expect(built).toEqual({
      ok: true,
      text: `https://auth.example.com/authorize?response_type=code&client_id=example-client&code_challenge=${RFC_VERIFIER}&code_challenge_method=plain`,
    });
  });

  test('refuses an unusable endpoint or a missing client_id, naming the field to fix', () => {
    expect(buildAuthorizationUrl({ ...authorization, authorizationEndpoint: '/authorize' })).toEqual({
      ok: false,
      field: 'authorizationEndpoint',
      problem: 'The authorization endpoint must be a full URL such as https://auth.example.com/authorize.',
    });
    expect(buildAuthorizationUrl({ ...authorization, clientId: '' })).toMatchObject({ ok: false, field: 'clientId' });
  });
});

describe('endpointProblem', () => {
  test('accepts https and http URLs, with or without a query', () => {
    for (const url of ['https://auth.example.com/authorize', 'http://localhost:8080/token?x=1'])
      expect(endpointProblem(url, 'token endpoint')).toBeNull();
  });

  test('explains an empty value, a relative URL, another scheme and a fragment', () => {
    expect(endpointProblem('  ', 'token endpoint')).toBe('Enter the token endpoint.');
    expect(endpointProblem('auth.example.com/token', 'token endpoint')).toMatch(
      /^The token endpoint must be a full URL/,
    );
    expect(endpointProblem('ftp://auth.example.com/token', 'token endpoint')).toBe(
      'The token endpoint must start with https:// (or http:// for a local test server).',
    );
    expect(endpointProblem('https://auth.example.com/authorize#x', 'authorization endpoint')).toBe(
      'The authorization endpoint must not contain a fragment (the part from "#" on).',
    );
  });
});

describe('shellQuote', () => {
  test('turns any string into exactly one shell word with the same text', async () => {
    const samples = fc.sample(awkward, 300).concat([NASTY, "'", "''", '', "it's"]);
    const words = await shellWords(`curl ${samples.map(shellQuote).join(' ')}`);
    expect(words.slice(1)).toEqual(samples);
  });
});

describe('buildTokenCurl', () => {
  test('writes one --data-urlencode per token request parameter', () => {
    expect(buildTokenCurl(token)).toEqual({
      ok: true,
      text: [
        "curl 'https://auth.example.com/oauth/token'",
        "--data-urlencode 'grant_type=authorization_code'",
        `--data-urlencode 'code=${AUTHORIZATION_CODE_PLACEHOLDER}'`,
        "--data-urlencode 'redirect_uri=https://app.example.com/callback'",
        "--data-urlencode 'client_id=example-client'",
        `--data-urlencode 'code_verifier=${RFC_VERIFIER}'`,
      ].join(' \\\n  '),
    });
  });

  test('keeps hostile values inside their own shell word, so nothing is executed', async () => {
    const built = buildTokenCurl({ ...token, clientId: NASTY, redirectUri: "x'; touch /tmp/pwned; '" });
    const words = await shellWords(built.ok ? built.text : '');
    expect(words).toEqual([
      'curl',
      'https://auth.example.com/oauth/token',
      '--data-urlencode',
      'grant_type=authorization_code',
      '--data-urlencode',
      `code=${AUTHORIZATION_CODE_PLACEHOLDER}`,
      '--data-urlencode',
      "redirect_uri=x'; touch /tmp/pwned; '",
      '--data-urlencode',
      `client_id=${NASTY}`,
      '--data-urlencode',
      `code_verifier=${RFC_VERIFIER}`,
    ]);
  });

  test('turns off curl URL globbing when the endpoint contains brackets or braces', () => {
    const built = buildTokenCurl({ ...token, tokenEndpoint: 'https://auth.example.com/token?realm={a}' });
    expect(built.ok && built.text.split('\n')[0]).toBe("curl --globoff 'https://auth.example.com/token?realm={a}' \\");
  });

  test('leaves out an empty redirect_uri and refuses a missing client_id or a bad endpoint', () => {
    const built = buildTokenCurl({ ...token, redirectUri: '' });
    expect(built.ok && built.text).not.toContain('redirect_uri');
    expect(buildTokenCurl({ ...token, clientId: '' })).toMatchObject({ ok: false, field: 'clientId' });
    expect(buildTokenCurl({ ...token, tokenEndpoint: 'token' })).toMatchObject({ ok: false, field: 'tokenEndpoint' });
  });

  test.skipIf(!hasCurl)('makes real curl POST a form body that decodes to exactly the values given', async () => {
    const received: { method?: string; url?: string; type?: string; body: string } = { body: '' };
    const server = createServer((req, res) => {
      received.method = req.method ?? '';
      received.url = req.url ?? '';
      received.type = req.headers['content-type'] ?? '';
      req.setEncoding('utf8').on('data', (d: string) => (received.body += d));
      req.on('end', () => res.end('{}'));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const values = {
        ...token,
        tokenEndpoint: `http://127.0.0.1:${port}/token?realm={a}`,
        clientId: NASTY,
        redirectUri: 'https://app.example.com/cb?x=1&y=2',
      };
      const built = buildTokenCurl(values);
      const child = spawn('sh', ['-c', `${built.ok ? built.text : 'false'} --silent --output /dev/null`]);
      const [code] = await once(child, 'close');
      expect(code).toBe(0);
      expect(received.method).toBe('POST');
      expect(received.url).toBe('/token?realm={a}');
      expect(received.type).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(received.body))).toEqual({
        grant_type: 'authorization_code',
        code: AUTHORIZATION_CODE_PLACEHOLDER,
        redirect_uri: 'https://app.example.com/cb?x=1&y=2',
        client_id: NASTY,
        code_verifier: RFC_VERIFIER,
      });
    } finally {
      server.close();
    }
  });
});

describe('stateFromOctets', () => {
  test('gives a URL-safe value with all the randomness of its octets', () => {
    const state = stateFromOctets(Uint8Array.from({ length: STATE_OCTETS }, (_, i) => i * 17));
    expect(state).toBe('ABEiM0RVZneImaq7zN3u_w');
    expect(state).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
