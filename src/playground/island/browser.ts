/** The playground's only contact with the page around it: its query parameter and the platform's random numbers. */
import { newSeed, SEED_OCTETS } from '../seeded.ts';
import { PARAM, urlWithScenario } from '../url-state.ts';

/** The raw value of the playground's parameter in the address, or null. */
export function readParam(): string | null {
  return new URLSearchParams(window.location.search).get(PARAM);
}

/** Shows the scenario in the address bar without adding a history entry; other parameters stay as they are. */
export function writeParam(value: string | null): void {
  const next = urlWithScenario(window.location.href, value);
  const now = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (next !== now) window.history.replaceState(window.history.state, '', next);
}

/** A fresh seed from crypto.getRandomValues. */
export const randomSeed = (): string => newSeed(crypto.getRandomValues(new Uint8Array(SEED_OCTETS)));
