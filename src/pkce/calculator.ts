/**
 * What the PKCE calculator shows, derived from what the reader typed; the island only renders these values.
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */

import {
  MAX_VERIFIER_LENGTH,
  MIN_VERIFIER_LENGTH,
  challengeOfValid,
  stepsOfValid,
  validateVerifier,
  verifyPair,
  type ChallengeMethod,
  type ChallengeSteps,
} from './pkce.ts';
import type { Sha256 } from './s256.ts';

/** The verifier field: nothing typed yet (no complaint), what is wrong with it, or valid. */
export type VerifierState = { state: 'empty' } | { state: 'invalid'; problems: string[] } | { state: 'valid' };

/** A computed code_challenge; `steps` is null for plain, which has no transformation to show. */
export interface ChallengeResult {
  challenge: string;
  steps: ChallengeSteps | null;
}

/** The pair checker's verdict, with the sentences it shows. */
export type PairView =
  | { result: 'match' | 'mismatch'; headline: 'Match' | 'Mismatch'; detail: string; expected: string; hints: string[] }
  | { result: 'incomplete' | 'invalid-verifier'; headline: 'Not checked'; detail: string; problems: string[] };

/**
 * Classifies the verifier field; an empty field is not an error until the reader has typed something.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function verifierState(input: string): VerifierState {
  if (input === '') return { state: 'empty' };
  const problems = validateVerifier(input);
  return problems.length > 0 ? { state: 'invalid', problems: problems.map((p) => p.message) } : { state: 'valid' };
}

/**
 * The code_challenge for a verifier, or null while the verifier is not valid (so nothing wrong is ever shown).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function challengeFor(
  verifier: string,
  method: ChallengeMethod,
  sha256?: Sha256,
): Promise<ChallengeResult | null> {
  if (verifierState(verifier).state !== 'valid') return null;
  if (method === 'plain') return { challenge: verifier, steps: null };
  const steps = await stepsOfValid(verifier, sha256);
  return { challenge: steps.challenge, steps };
}

/**
 * Reads the "Verifier length" field: a whole number from 43 to 128, or a sentence saying what to enter.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function parseVerifierLength(text: string): { ok: true; length: number } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const length = /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (length >= MIN_VERIFIER_LENGTH && length <= MAX_VERIFIER_LENGTH) return { ok: true, length };
  return { ok: false, problem: `Choose a length from ${MIN_VERIFIER_LENGTH} to ${MAX_VERIFIER_LENGTH} characters.` };
}

/**
 * Checks a verifier against a challenge as the authorization server does, and explains a mismatch when it can.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export async function checkPair(
  verifier: string,
  challenge: string,
  method: ChallengeMethod,
  sha256?: Sha256,
): Promise<PairView> {
  if (verifier === '' || challenge === '') {
    return {
      result: 'incomplete',
      headline: 'Not checked',
      detail: 'Enter both a verifier and a challenge to compare them.',
      problems: [],
    };
  }
  const outcome = await verifyPair(verifier, challenge, method, sha256);
  if (outcome.result === 'invalid-verifier') {
    return {
      result: 'invalid-verifier',
      headline: 'Not checked',
      detail: 'The verifier to check is not a valid code_verifier, so no server would accept it.',
      problems: outcome.problems.map((p) => p.message),
    };
  }
  const { expected } = outcome;
  if (outcome.result === 'match') {
    return {
      result: 'match',
      headline: 'Match',
      detail: `With ${method}, this verifier produces the challenge you entered:`,
      expected,
      hints: [],
    };
  }
  return {
    result: 'mismatch',
    headline: 'Mismatch',
    detail: `With ${method}, this verifier produces a different challenge:`,
    expected,
    hints: await mismatchHints(verifier, challenge, method, expected, sha256),
  };
}

/** One sentence for the status region after a check; the long challenge value is left to the visible result. */
export function pairAnnouncement(view: PairView): string {
  return `${view.headline}. ${view.detail.replace(/:$/, '.')}`;
}

/** Sentences for the status region. */
export const announcements = {
  generated: (length: number): string =>
    `Generated a ${length}-character code_verifier; the code challenge is updated.`,
  copied: (what: string): string => `Copied the ${what} to the clipboard.`,
  copyFailed: (what: string): string => `Could not copy the ${what}; select the text and copy it by hand.`,
};

async function mismatchHints(
  verifier: string,
  challenge: string,
  method: ChallengeMethod,
  expected: string,
  sha256: Sha256 | undefined,
): Promise<string[]> {
  const hints: string[] = [];
  if (challenge.trim() !== challenge && challenge.trim() === expected) {
    hints.push('The challenge you entered has white space around it; servers compare the exact string.');
  }
  if (challenge.replace(/=+$/, '') === expected) {
    hints.push('The challenge you entered ends in "=" padding; a base64url code_challenge never has any.');
  }
  const other: ChallengeMethod = method === 'S256' ? 'plain' : 'S256';
  if ((await challengeOfValid(verifier, other, sha256)) === challenge) {
    hints.push(`The pair matches with the ${other} method instead; check the code_challenge_method that was sent.`);
  }
  return hints;
}
