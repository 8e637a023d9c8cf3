import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_PRIVATE_JWK } from '../../src/examples/example-key.ts';
import { EXAMPLE_RESOURCE_SERVERS, EXAMPLE_SERVER, validateExampleWorld } from '../../src/examples/example-world.ts';
import { makeExampleIdToken } from '../../src/examples/id-token.ts';
import { atHash, verifyJwt, type Jwks } from '../../src/lib/oauth/index.ts';

const published = JSON.parse(readFileSync('public/examples/jwks.json', 'utf8')) as Jwks;

describe('the example world', () => {
  test('is consistent', () => {
    expect(validateExampleWorld(EXAMPLE_SERVER, EXAMPLE_RESOURCE_SERVERS)).toEqual([]);
  });

  test('reports a public client with a secret and a wildcard redirect URI', () => {
    const broken = {
      ...EXAMPLE_SERVER,
      clients: [
        {
          client_id: 'x',
          type: 'public' as const,
          secret: 's',
          redirect_uris: ['https://*.example.com/cb'],
          grants: ['authorization_code' as const],
          scopes: ['openid'],
        },
      ],
    };
    expect(validateExampleWorld(broken, { host: 'api.example.com', resources: [] })).toEqual([
      'Client x is public but has a secret; public clients cannot keep one (RFC 6749 section 2.1).',
      'Client x: redirect URI https://*.example.com/cb has a wildcard or fragment; register exact URIs.',
      'A consent names unknown client task-board.',
    ]);
  });

  test('reports a confidential client with neither secret nor key, a public CIBA client and an API audience the server does not know', () => {
    const broken = {
      ...EXAMPLE_SERVER,
      consents: [],
      clients: [
        {
          client_id: 'keyless',
          type: 'confidential' as const,
          redirect_uris: [],
          grants: ['client_credentials' as const],
          scopes: ['reports.read'],
        },
        {
          client_id: 'kiosk',
          type: 'public' as const,
          redirect_uris: [],
          grants: ['urn:openid:params:grant-type:ciba' as const],
          scopes: ['openid'],
        },
      ],
    };
    const api = { host: 'reports.example.com', audience: 'https://reports.example.com/', resources: [] };
    expect(validateExampleWorld(broken, [api])).toEqual([
      'Client keyless is confidential but has neither a secret nor a registered key.',
      'Client kiosk is public but allowed CIBA, whose clients authenticate (CIBA section 7.1).',
      'API reports.example.com has audience https://reports.example.com/, which the server does not issue tokens for.',
    ]);
  });

  test('publishes exactly the public half of the example key at /examples/jwks.json', () => {
    const { kty, kid, use, alg, n, e } = EXAMPLE_PRIVATE_JWK;
    expect(published).toEqual({ keys: [{ kty, kid, use, alg, n, e }] });
  });
});

describe('makeExampleIdToken', () => {
  test('signs the required claims with defaults from the example world, verifiable with the published JWKS', async () => {
    const jwt = await makeExampleIdToken({ aud: 'web-portal', nonce: 'n-1' }, 'AT1');
    expect(await verifyJwt(jwt, published)).toMatchObject({
      ok: true,
      claims: {
        iss: 'https://auth.example.com',
        sub: 'user_5821',
        aud: 'web-portal',
        iat: 1767261600,
        exp: 1767265200,
        nonce: 'n-1',
        at_hash: await atHash('AT1'),
      },
    });
  });

  test('refuses claims without aud, and an at_hash that does not match the access token', async () => {
    await expect(makeExampleIdToken({})).rejects.toThrow(
      'aud is required: the client_id of the client the token is for, e.g. {"aud": "web-portal"}',
    );
    await expect(makeExampleIdToken({ aud: 'x', at_hash: 'nope' }, 'AT1')).rejects.toThrow(
      /^at_hash nope does not match the access token/,
    );
  });
});
