/** The playground's only contact with the page around it: the address it was opened at, the clipboard, random numbers. */
import { newSeed, SEED_OCTETS } from '../seeded.ts';
import { PARAM, urlWithScenario } from '../url-state.ts';

/** The raw value of the playground's parameter in the address, or null. */
export function readParam(): string | null {
  return new URLSearchParams(window.location.search).get(PARAM);
}

/**
 * The link that opens this scenario, scrolled to the playground so it hydrates and starts. The address bar itself is left alone: any change to it makes the browser fetch
 * the site's icon again, with the address as Referer, which would send the scenario to the site's server.
 */
export function scenarioLink(value: string): string {
  return `${window.location.origin}${urlWithScenario(window.location.href, value, 'playground-run')}`;
}

/** Copies text with the async Clipboard API; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A fresh seed from crypto.getRandomValues. */
export const randomSeed = (): string => newSeed(crypto.getRandomValues(new Uint8Array(SEED_OCTETS)));
