/** The calculator's only contact with the outside world: the clipboard, random numbers and SHA-256. */

import { verifierOfValidLength } from '../pkce.ts';
import { webCryptoSha256, type Sha256 } from '../s256.ts';
// Bundled on its own (see astro.config.mjs, worker.format) and fetched only where crypto.subtle is missing.
import sha256FallbackUrl from './sha256-fallback.ts?worker&url';
import { STATE_OCTETS, stateFromOctets } from '../requests.ts';

/** Copies text with the async Clipboard API; false when the browser refuses (no permission, no focus). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A fresh code_verifier from crypto.getRandomValues, of a length parseVerifierLength has accepted. */
export const newVerifier = (length: number): string => verifierOfValidLength(length);

/**
 * SHA-256 from Web Crypto, or, on a page that is not a secure context (plain HTTP on a host other than
 * localhost), where browsers offer no crypto.subtle, from @noble/hashes. That code is a module of its own
 * (sha256-fallback.ts), added to the page only then, so other readers never load it; it hands its function over
 * in a "pkce-sha256" event. (crypto.getRandomValues exists in every context.)
 */
export const sha256: Sha256 = async (octets) =>
  globalThis.crypto?.subtle ? webCryptoSha256(octets) : (await fallbackSha256())(octets);

let fallback: Promise<(octets: Uint8Array) => Uint8Array> | undefined;
const fallbackSha256 = () =>
  (fallback ??= new Promise((resolve, reject) => {
    document.addEventListener('pkce-sha256', (e) => resolve((e as CustomEvent).detail), { once: true });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = sha256FallbackUrl;
    script.onerror = () => reject(new Error('Could not load the SHA-256 code this page needs; reload to try again.'));
    document.head.append(script);
  }));

/** A fresh `state` value from crypto.getRandomValues. */
export const newState = (): string => stateFromOctets(globalThis.crypto.getRandomValues(new Uint8Array(STATE_OCTETS)));
