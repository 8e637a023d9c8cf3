/**
 * Values the playground's server and client make up (codes, tokens, state, nonce, the PKCE verifier), derived from
 * a short seed so a shared link replays the very same exchange. A real server draws them from a CSPRNG; this is a
 * simulation that has to be reproducible.
 */
import { base64url, type MintKind } from '../lib/oauth/index.ts';

/** Characters of a seed; the URL state accepts exactly this shape. */
export const SEED_PATTERN = /^[A-Za-z0-9_-]{8,16}$/;

// RFC 8628 section 6.1: user codes without vowels, so no words form by accident.
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** A deterministic byte source: FNV-1a of the seed, then xorshift32. Not for secrets; for replays. */
export function byteSource(seed: string): (count: number) => Uint8Array {
  let x = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) x = Math.imul(x ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  if (x === 0) x = 1;
  return (count) => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}

/** A minting function for the model's server, drawing from `bytes`. */
export function seededMint(bytes: (count: number) => Uint8Array): (kind: MintKind) => string {
  return (kind) => {
    if (kind === 'user_code') {
      const letters = Array.from(bytes(8), (b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length]).join('');
      return `${letters.slice(0, 4)}-${letters.slice(4)}`;
    }
    return base64url(bytes(kind === 'device_code' ? 24 : 16));
  };
}

/** Octets of randomness in a seed (12 base64url characters). */
export const SEED_OCTETS = 9;

/** A seed from random octets (the island draws them from crypto.getRandomValues). */
export function newSeed(octets: Uint8Array): string {
  return base64url(octets);
}
