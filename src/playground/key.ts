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

/** Why the playground cannot run here, or null when Web Crypto is available. */
export function webCryptoProblem(scope: { isSecureContext?: boolean; crypto?: { subtle?: unknown } }): string | null {
  if (scope.crypto?.subtle) return null;
  return scope.isSecureContext === false
    ? 'The playground hashes PKCE verifiers and signs ID tokens with Web Crypto, which browsers only offer on pages opened over https:// or on localhost. This page was opened over plain http:// on another host: open it over https:// (or from localhost) to run the playground.'
    : 'The playground hashes PKCE verifiers and signs ID tokens with Web Crypto (crypto.subtle), which this browser does not provide. Open the page in a current browser over https://.';
}
