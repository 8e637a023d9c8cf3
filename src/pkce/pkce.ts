/**
 * Proof Key for Code Exchange (PKCE) helpers that follow RFC 7636 to the letter.
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */

// Deliberately pure: no DOM and no dependencies. Randomness and hashing come from
// Web Crypto on globalThis.crypto, which Node 24 and every current browser provide; a caller
// where crypto.subtle is missing (a page outside a secure context) passes its own SHA-256. The S256 transform and
// base64url themselves are in s256.ts, which the OAuth model shares.

import { base64UrlEncode, s256, verifierOctets, webCryptoSha256, type Sha256 } from './s256.ts';

/**
 * The two code_challenge_method values RFC 7636 defines.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export type ChallengeMethod = 'S256' | 'plain';

/**
 * The code_challenge_method every client that can hash must use.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-7.2
 */
export const DEFAULT_CHALLENGE_METHOD = 'S256' satisfies ChallengeMethod;

/**
 * The 66 "unreserved" characters a code_verifier may contain.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/**
 * The shortest code_verifier RFC 7636 allows, in characters.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const MIN_VERIFIER_LENGTH = 43;

/**
 * The longest code_verifier RFC 7636 allows, in characters.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const MAX_VERIFIER_LENGTH = 128;

/**
 * How many disallowed characters validateVerifier describes one by one before summarising the rest.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const MAX_REPORTED_CHARACTERS = 5;

/**
 * One reason a string is not a valid code_verifier, with a sentence a reader can act on.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export type VerifierProblem =
  | { kind: 'empty'; message: string }
  | { kind: 'too-short'; length: number; message: string }
  | { kind: 'too-long'; length: number; message: string }
  | { kind: 'whitespace-only'; message: string }
  | { kind: 'leading-whitespace'; message: string }
  | { kind: 'trailing-whitespace'; message: string }
  | {
      kind: 'disallowed-character';
      /** 1-based, counted in Unicode code points rather than UTF-16 units. */
      position: number;
      character: string;
      codePoint: number;
      message: string;
    }
  | { kind: 'more-disallowed-characters'; count: number; message: string };

/**
 * The intermediate values of the S256 transformation, for explaining it step by step.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export interface ChallengeSteps {
  /** Number of octets in ASCII(code_verifier); equals the verifier's length. */
  asciiByteLength: number;
  /** SHA256(ASCII(code_verifier)) as 64 lowercase hexadecimal digits. */
  sha256Hex: string;
  /** BASE64URL-ENCODE of that digest: the code_challenge. */
  challenge: string;
}

/**
 * The outcome of checking a code_verifier against a code_challenge.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export type PairCheck =
  | { result: 'match'; expected: string }
  | { result: 'mismatch'; expected: string }
  | { result: 'invalid-verifier'; problems: VerifierProblem[] };

const VALID_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

// A lookup table keeps the per-character scan of a huge paste cheap.
const ALLOWED_ASCII = new Uint8Array(128);
for (let i = 0; i < VERIFIER_ALPHABET.length; i++) ALLOWED_ASCII[VERIFIER_ALPHABET.charCodeAt(i)] = 1;

const WHITE_SPACE = /^\s$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;
const INVISIBLE = /^[\p{C}\p{Z}]$/u;
const COMBINING_MARK = /^\p{M}$/u;

/**
 * Creates a random code_verifier of `length` characters using the platform CSPRNG; throws a RangeError for a length
 * RFC 7636 does not allow.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function generateVerifier(length: number = MIN_VERIFIER_LENGTH): string {
  if (!Number.isInteger(length) || length < MIN_VERIFIER_LENGTH || length > MAX_VERIFIER_LENGTH) {
    throw new RangeError(
      `The code_verifier length must be a whole number from 43 to 128 (RFC 7636 section 4.1); received ${String(length)}.`,
    );
  }
  return verifierOfValidLength(length);
}

/**
 * generateVerifier without its check, for a caller that has just read the length with its own check (the
 * calculator's parseVerifierLength, which tells the reader what to enter).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function verifierOfValidLength(length: number): string {
  // Take the fewest octets whose base64url form reaches `length` characters. For
  // the default of 43 that is exactly the 32 octets section 4.1 recommends; every
  // kept character carries up to 6 random bits, so each length in 43..128 keeps
  // at least the 256 bits of entropy section 7.1 asks for.
  const octetCount = Math.floor((3 * (length - 1)) / 4) + 1;
  const octets = new Uint8Array(octetCount);
  globalThis.crypto.getRandomValues(octets);
  return base64UrlEncode(octets).slice(0, length);
}

/**
 * Lists how `input` breaks the code_verifier syntax (per-character problems are capped); an empty list means it is valid.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function validateVerifier(input: string): VerifierProblem[] {
  if (input.length === 0) {
    return [{ kind: 'empty', message: 'The code_verifier is empty; RFC 7636 requires 43 to 128 characters.' }];
  }

  // White space is only ever BMP, so the edges can be measured in UTF-16 units.
  let leadEnd = 0;
  while (leadEnd < input.length && isWhiteSpace(input.charCodeAt(leadEnd))) leadEnd++;
  let trailStart = input.length;
  if (leadEnd < input.length) {
    while (trailStart > leadEnd && isWhiteSpace(input.charCodeAt(trailStart - 1))) trailStart--;
  }

  // One linear pass counts code points (so an emoji is one character) and
  // collects disallowed characters, describing only the first few.
  const characters: VerifierProblem[] = [];
  let unreported = 0;
  let length = 0;
  for (let i = 0; i < input.length;) {
    const codePoint = input.codePointAt(i) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    length++;
    const allowed = codePoint < 128 && ALLOWED_ASCII[codePoint] === 1;
    if (!allowed && i >= leadEnd && i < trailStart) {
      if (characters.length < MAX_REPORTED_CHARACTERS) {
        characters.push(describeCharacter(input.slice(i, i + units), codePoint, length));
      } else {
        unreported++;
      }
    }
    i += units;
  }

  const problems: VerifierProblem[] = [];
  if (length < MIN_VERIFIER_LENGTH) {
    problems.push({ kind: 'too-short', length, message: lengthMessage(length) });
  } else if (length > MAX_VERIFIER_LENGTH) {
    problems.push({ kind: 'too-long', length, message: lengthMessage(length) });
  }
  if (leadEnd === input.length) {
    problems.push({ kind: 'whitespace-only', message: 'The code_verifier contains only white space.' });
  } else {
    if (leadEnd > 0) {
      problems.push({
        kind: 'leading-whitespace',
        message: 'The code_verifier starts with white space; delete it before using the value.',
      });
    }
    if (trailStart < input.length) {
      problems.push({
        kind: 'trailing-whitespace',
        message: 'The code_verifier ends with white space; delete it before using the value.',
      });
    }
  }
  problems.push(...characters);
  if (unreported > 0) {
    const noun = unreported === 1 ? 'character is' : 'characters are';
    problems.push({
      kind: 'more-disallowed-characters',
      count: unreported,
      message: `…and ${formatCount(unreported)} more ${noun} not allowed in a code_verifier.`,
    });
  }
  return problems;
}

/**
 * Tells whether `input` is a syntactically valid code_verifier.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function isValidVerifier(input: string): boolean {
  return VALID_VERIFIER.test(input);
}

/**
 * Derives the code_challenge for a code_verifier with the given method; throws a TypeError for an invalid verifier
 * or an unknown method.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function computeChallenge(
  verifier: string,
  method: ChallengeMethod,
  sha256: Sha256 = webCryptoSha256,
): Promise<string> {
  assertValidVerifier(verifier);
  if (method !== 'S256' && method !== 'plain') {
    // Reachable only from untyped callers.
    throw new TypeError(`The code_challenge_method must be "S256" or "plain"; received ${JSON.stringify(method)}.`);
  }
  return challengeOfValid(verifier, method, sha256);
}

/**
 * Runs the S256 transformation and returns each intermediate value; throws a TypeError for an invalid verifier.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function challengeSteps(verifier: string, sha256: Sha256 = webCryptoSha256): Promise<ChallengeSteps> {
  assertValidVerifier(verifier);
  return stepsOfValid(verifier, sha256);
}

/**
 * computeChallenge without its checks, for a caller that has just validated the verifier (validateVerifier) and
 * holds a typed method, as the calculator does on every keystroke: the checks would only repeat that work.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function challengeOfValid(
  verifier: string,
  method: ChallengeMethod,
  sha256: Sha256 = webCryptoSha256,
): Promise<string> {
  return method === 'plain' ? verifier : s256(verifier, sha256);
}

/**
 * challengeSteps without its check, for a caller that has just validated the verifier.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function stepsOfValid(verifier: string, sha256: Sha256 = webCryptoSha256): Promise<ChallengeSteps> {
  const digest = await sha256(verifierOctets(verifier));
  return {
    asciiByteLength: verifier.length,
    sha256Hex: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
    challenge: base64UrlEncode(digest),
  };
}

/**
 * Checks a code_verifier against a code_challenge the way the authorization server does.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export async function verifyPair(
  verifier: string,
  challenge: string,
  method: ChallengeMethod,
  sha256: Sha256 = webCryptoSha256,
): Promise<PairCheck> {
  const problems = validateVerifier(verifier);
  if (problems.length > 0) return { result: 'invalid-verifier', problems };
  const expected = await challengeOfValid(verifier, method, sha256);
  // Section 4.6 compares the strings exactly: no trimming, no padding tolerance.
  return { result: expected === challenge ? 'match' : 'mismatch', expected };
}

function assertValidVerifier(verifier: string): void {
  if (!isValidVerifier(verifier)) {
    throw new TypeError(
      'The code_verifier is not valid under RFC 7636 section 4.1; check it with validateVerifier before computing a code_challenge.',
    );
  }
}

function isWhiteSpace(unit: number): boolean {
  if (unit < 128) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return WHITE_SPACE.test(String.fromCharCode(unit));
}

function lengthMessage(length: number): string {
  const noun = length === 1 ? 'character' : 'characters';
  return `The code_verifier is ${formatCount(length)} ${noun} long; RFC 7636 requires 43 to 128.`;
}

function describeCharacter(character: string, codePoint: number, position: number): VerifierProblem {
  return {
    kind: 'disallowed-character',
    position,
    character,
    codePoint,
    message: `Character ${formatCount(position)} is ${nameCharacter(character, codePoint)}, which is not allowed in a code_verifier.`,
  };
}

// Names a character so a reader can find it even when it is invisible on screen.
function nameCharacter(character: string, codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  switch (codePoint) {
    case 0x09:
      return 'a tab';
    case 0x0a:
      return 'a line break';
    case 0x0d:
      return 'a carriage return';
    case 0x20:
      return 'a space';
    case 0x22:
      return 'a double quotation mark';
    case 0xa0:
      return `a no-break space (${hex})`;
    case 0x200b:
      return `a zero-width space (${hex})`;
    case 0xfeff:
      return `a byte order mark (${hex})`;
  }
  if (codePoint < 0x20 || codePoint === 0x7f) return `a control character (${hex})`;
  if (codePoint < 0x80) return `"${character}"`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `half of a broken character pair (${hex})`;
  if (WHITE_SPACE.test(character)) return `a white-space character (${hex})`;
  if (EMOJI.test(character)) return `the emoji "${character}" (${hex})`;
  if (INVISIBLE.test(character)) return `an invisible character (${hex})`;
  if (COMBINING_MARK.test(character)) return `a combining mark (${hex})`;
  return `"${character}" (${hex})`;
}

// Fixed en-US grouping so messages read the same in every locale and test run.
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
