/**
 * The S256 code_challenge method of RFC 7636 and the base64url encoding it is written in: the one implementation
 * the site runs. The PKCE calculator (pkce.ts) and the OAuth model (src/lib/oauth/jose.ts, and so the flow
 * playground's client and server and the build's example check) all import it from here.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */

// Kept apart from pkce.ts so that the playground, which needs only these few lines, does not load the
// calculator's validation and messages with them.

/** A SHA-256 implementation: the digest of some octets. Web Crypto's by default (`webCryptoSha256`). */
export type Sha256 = (octets: Uint8Array) => Promise<Uint8Array>;

/**
 * Encodes octets as base64url without "=" padding, line breaks or white space.
 * @see https://www.rfc-editor.org/rfc/rfc7636#appendix-A
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  // btoa (in browsers and Node) encodes a "binary string", one character per octet; Appendix A then swaps in the
  // URL-safe characters and drops the "=" padding.
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** SHA-256 from Web Crypto; throws where the platform has no crypto.subtle. */
export async function webCryptoSha256(octets: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  // Browsers expose SubtleCrypto only in secure contexts (HTTPS or localhost).
  if (!subtle) {
    throw new Error('SHA-256 needs Web Crypto (crypto.subtle), which browsers offer only over HTTPS or on localhost.');
  }
  return new Uint8Array(await subtle.digest('SHA-256', octets as Uint8Array<ArrayBuffer>));
}

/**
 * ASCII(code_verifier): the octets that are hashed. A valid verifier is ASCII, whose octets are its UTF-8 encoding;
 * a server hashes whatever verifier it is sent, and so does this.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export function verifierOctets(verifier: string): Uint8Array {
  return new TextEncoder().encode(verifier);
}

/**
 * code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier))). The verifier is not checked here
 * (pkce.ts's computeChallenge checks it first; the calculator, which has just validated it, does not again).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function s256(verifier: string, sha256: Sha256 = webCryptoSha256): Promise<string> {
  return base64UrlEncode(await sha256(verifierOctets(verifier)));
}
