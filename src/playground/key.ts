/**
 * The playground's signing key: an RS256 key pair generated in the page with Web Crypto. Its private half never
 * leaves the browser's key store (not extractable); the public half is the playground's JWKS.
 */
import type { SigningKey } from '../lib/oauth/index.ts';

/** The kid of the key generated in the page. */
export const PLAYGROUND_KID = 'playground-in-page';

/** Generates a fresh RS256 signing key. */
export async function generateSigningKey(): Promise<SigningKey> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  const pair = await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
  const { n = '', e = '' } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    kid: PLAYGROUND_KID,
    privateKey: pair.privateKey,
    publicJwk: { kty: 'RSA', kid: PLAYGROUND_KID, use: 'sig', alg: 'RS256', n, e },
  };
}
