/** The calculator's only contact with the outside world: the clipboard and the platform's random numbers. */

import { generateVerifier } from '../pkce.ts';
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

/** A fresh code_verifier from crypto.getRandomValues. */
export const newVerifier = (length: number): string => generateVerifier(length);

/** A fresh `state` value from crypto.getRandomValues. */
export const newState = (): string => stateFromOctets(globalThis.crypto.getRandomValues(new Uint8Array(STATE_OCTETS)));
