import { describe, expect, test } from 'vitest';
import { atHash, base64url, importSigningKey, jwksOf, s256, signJwt, verifyJwt } from '../../../src/lib/oauth/index.ts';
import { EXAMPLE_PRIVATE_JWK } from '../../../src/examples/example-key.ts';
import * as pkceS256 from '../../../src/pkce/s256.ts';

const claims = { iss: 'https://as.test', sub: 'alice', aud: 'spa', iat: 1, exp: 2 };

describe('jose', () => {
  test('RFC 7636 Appendix B: S256 of the test verifier is the test challenge', async () => {
    expect(await s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  test("the model's base64url and S256 are the PKCE module's (src/pkce/s256.ts), not a second copy", () => {
    expect(base64url).toBe(pkceS256.base64UrlEncode);
    expect(s256).toBe(pkceS256.s256);
  });

  test('RFC 7636 Appendix A: base64url has no padding and uses - and _', () => {
    expect(base64url(new Uint8Array([251, 255, 190]))).toBe('-_--');
    expect(base64url(new Uint8Array([1]))).toBe('AQ');
  });

  test('OIDC Core 3.1.3.6: at_hash is the left half of SHA-256 of the token, base64url (22 characters)', async () => {
    const full = await s256('token-1');
    const half = await atHash('token-1');
    expect(half).toHaveLength(22);
    expect(full.startsWith(half.slice(0, 21))).toBe(true);
  });

  test('an RS256 JWT signed with a key verifies with its JWKS, and not after any byte of the payload changes', async () => {
    const key = await importSigningKey(EXAMPLE_PRIVATE_JWK);
    const jwt = await signJwt(claims, key);
    expect(await verifyJwt(jwt, jwksOf(key))).toMatchObject({ ok: true, claims });
    const [h, p, s] = jwt.split('.');
    const tampered = `${h}.${p?.slice(0, -2)}${p?.endsWith('A') ? 'B' : 'A'}${p?.slice(-1)}.${s}`;
    expect(await verifyJwt(tampered, jwksOf(key))).toMatchObject({ ok: false });
  });

  test('a JWT whose kid is not in the JWKS, or that is not a JWS, is rejected with a reason', async () => {
    const key = await importSigningKey(EXAMPLE_PRIVATE_JWK);
    const jwt = await signJwt(claims, key);
    expect(await verifyJwt(jwt, { keys: [] })).toEqual({
      ok: false,
      reason: 'no key with kid "example-2026" is in the published JWKS',
    });
    expect(await verifyJwt('a.b', jwksOf(key))).toEqual({
      ok: false,
      reason: 'it has 2 dot-separated parts, a JWS has 3',
    });
  });

  test('signing is deterministic (RS256), so the same claims give the same token', async () => {
    const key = await importSigningKey(EXAMPLE_PRIVATE_JWK);
    expect(await signJwt(claims, key)).toBe(await signJwt(claims, key));
  });
});
