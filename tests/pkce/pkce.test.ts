import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';

import {
  MAX_REPORTED_CHARACTERS,
  VERIFIER_ALPHABET,
  challengeOfValid,
  challengeSteps,
  computeChallenge,
  generateVerifier,
  isValidVerifier,
  stepsOfValid,
  verifierOfValidLength,
  validateVerifier,
  verifyPair,
  type ChallengeMethod,
  type VerifierProblem,
} from '../../src/pkce/pkce.ts';
import { base64UrlEncode } from '../../src/pkce/s256.ts';

// The project ships no @types/node, so the Node built-ins that serve as an
// independent reference are loaded through string-typed specifiers and given
// only the narrow shapes this file uses.
interface NodeHash {
  update(data: string, encoding: 'ascii'): NodeHash;
  digest(encoding: 'hex' | 'base64url'): string;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
}
interface NodeBuffer {
  Buffer: { from(bytes: Uint8Array): { toString(encoding: 'base64url'): string } };
}
const nodeCryptoSpecifier: string = 'node:crypto';
const nodeBufferSpecifier: string = 'node:buffer';
const { createHash } = (await import(/* @vite-ignore */ nodeCryptoSpecifier)) as NodeCrypto;
const { Buffer } = (await import(/* @vite-ignore */ nodeBufferSpecifier)) as NodeBuffer;

const referenceS256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

// RFC 7636 Appendix B.
const RFC_OCTETS = Uint8Array.from([
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
  88, 5, 88, 83, 132, 141, 121,
]);
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

// Written out independently of the module so a typo there cannot hide here.
const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'.split('');

const validVerifier = fc.string({ unit: fc.constantFrom(...UNRESERVED), minLength: 43, maxLength: 128 });

const RUNS = { numRuns: 2000 };

/** Replaces the character at 1-based `position` of the RFC verifier. */
const withCharacter = (position: number, replacement: string): string =>
  RFC_VERIFIER.slice(0, position - 1) + replacement + RFC_VERIFIER.slice(position);

describe('RFC 7636 Appendix B example', () => {
  test('base64url of the example octets is the example code_verifier', () => {
    expect(base64UrlEncode(RFC_OCTETS)).toBe(RFC_VERIFIER);
  });

  test('S256 of the example code_verifier is the example code_challenge', async () => {
    await expect(computeChallenge(RFC_VERIFIER, 'S256')).resolves.toBe(RFC_CHALLENGE);
  });

  test('challengeSteps reports 43 ASCII octets, the SHA-256 digest in hex and the challenge', async () => {
    await expect(challengeSteps(RFC_VERIFIER)).resolves.toEqual({
      asciiByteLength: 43,
      sha256Hex: createHash('sha256').update(RFC_VERIFIER, 'ascii').digest('hex'),
      challenge: RFC_CHALLENGE,
    });
  });

  test('verifyPair says the example pair matches', async () => {
    await expect(verifyPair(RFC_VERIFIER, RFC_CHALLENGE, 'S256')).resolves.toEqual({
      result: 'match',
      expected: RFC_CHALLENGE,
    });
  });
});

describe('base64UrlEncode', () => {
  test('uses the unreserved alphabet the module exports', () => {
    expect(VERIFIER_ALPHABET).toBe(UNRESERVED.join(''));
  });

  test('encodes short inputs without padding', () => {
    expect(base64UrlEncode(new Uint8Array())).toBe('');
    expect(base64UrlEncode(Uint8Array.from([0xfb]))).toBe('-w');
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  test('agrees with Node Buffer base64url for random octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64UrlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
      RUNS,
    );
  });
});

describe('computeChallenge', () => {
  test('S256 matches node:crypto for random valid verifiers and never contains "=", "+" or "/"', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, async (verifier) => {
        const challenge = await computeChallenge(verifier, 'S256');
        expect(challenge).toBe(referenceS256(verifier));
        expect(challenge).toHaveLength(43);
        expect(challenge).not.toMatch(/[=+/]/);
      }),
      RUNS,
    );
  });

  test('plain returns the verifier unchanged for random valid verifiers', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, async (verifier) => {
        await expect(computeChallenge(verifier, 'plain')).resolves.toBe(verifier);
      }),
      RUNS,
    );
  });

  test.each<ChallengeMethod>(['S256', 'plain'])(
    'rejects an invalid verifier for %s with a TypeError',
    async (method) => {
      await expect(computeChallenge('too short', method)).rejects.toThrow(
        new TypeError(
          'The code_verifier is not valid under RFC 7636 section 4.1; check it with validateVerifier before computing a code_challenge.',
        ),
      );
    },
  );

  test('hashes with the SHA-256 it is given, as the calculator does where crypto.subtle is missing', async () => {
    const noble = async (octets: Uint8Array) => nobleSha256(octets);
    await expect(computeChallenge(RFC_VERIFIER, 'S256', noble)).resolves.toBe(RFC_CHALLENGE);
    await fc.assert(
      fc.asyncProperty(validVerifier, async (verifier) => {
        expect(await computeChallenge(verifier, 'S256', noble)).toBe(referenceS256(verifier));
      }),
      RUNS,
    );
  });

  test('says what is missing when there is no Web Crypto and no SHA-256 was given', async () => {
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    try {
      await expect(computeChallenge(RFC_VERIFIER, 'S256')).rejects.toThrow(
        'SHA-256 needs Web Crypto (crypto.subtle), which browsers offer only over HTTPS or on localhost.',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('rejects a method RFC 7636 does not define', async () => {
    await expect(computeChallenge(RFC_VERIFIER, 'S512' as ChallengeMethod)).rejects.toThrow(
      new TypeError('The code_challenge_method must be "S256" or "plain"; received "S512".'),
    );
  });
});

describe("challengeOfValid and stepsOfValid (the calculator's calls, after validateVerifier)", () => {
  test('give what computeChallenge and challengeSteps give for every valid verifier', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, fc.constantFrom<ChallengeMethod>('S256', 'plain'), async (verifier, method) => {
        expect(await challengeOfValid(verifier, method)).toBe(await computeChallenge(verifier, method));
        expect(await stepsOfValid(verifier)).toEqual(await challengeSteps(verifier));
      }),
      { numRuns: 500 },
    );
  });
});

describe("verifierOfValidLength (the calculator's call, after parseVerifierLength)", () => {
  test('returns exactly the asked length and always validates, for every length from 43 to 128', () => {
    for (let length = 43; length <= 128; length++) {
      const verifier = verifierOfValidLength(length);
      expect(verifier).toHaveLength(length);
      expect(isValidVerifier(verifier)).toBe(true);
    }
  });
});

describe('challengeSteps', () => {
  test('matches node:crypto at every step for random valid verifiers', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, async (verifier) => {
        await expect(challengeSteps(verifier)).resolves.toEqual({
          asciiByteLength: verifier.length,
          sha256Hex: createHash('sha256').update(verifier, 'ascii').digest('hex'),
          challenge: referenceS256(verifier),
        });
      }),
      RUNS,
    );
  });

  test('rejects an invalid verifier with a TypeError', async () => {
    await expect(challengeSteps(`${RFC_VERIFIER}\n`)).rejects.toThrow(TypeError);
  });
});

describe('verifyPair', () => {
  test('says match for a verifier and its own S256 challenge', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, async (verifier) => {
        const challenge = referenceS256(verifier);
        await expect(verifyPair(verifier, challenge, 'S256')).resolves.toEqual({
          result: 'match',
          expected: challenge,
        });
      }),
      RUNS,
    );
  });

  test('says mismatch for the challenge of a different verifier and shows the expected one', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, validVerifier, async (verifier, other) => {
        fc.pre(verifier !== other);
        await expect(verifyPair(verifier, referenceS256(other), 'S256')).resolves.toEqual({
          result: 'mismatch',
          expected: referenceS256(verifier),
        });
      }),
      RUNS,
    );
  });

  test('does not accept a plain challenge when S256 was requested', async () => {
    await expect(verifyPair(RFC_VERIFIER, RFC_VERIFIER, 'S256')).resolves.toEqual({
      result: 'mismatch',
      expected: RFC_CHALLENGE,
    });
  });

  test('says match for plain only when the challenge equals the verifier', async () => {
    await expect(verifyPair(RFC_VERIFIER, RFC_VERIFIER, 'plain')).resolves.toEqual({
      result: 'match',
      expected: RFC_VERIFIER,
    });
    await expect(verifyPair(RFC_VERIFIER, RFC_CHALLENGE, 'plain')).resolves.toEqual({
      result: 'mismatch',
      expected: RFC_VERIFIER,
    });
  });

  test('compares challenges exactly, so padding or white space is a mismatch', async () => {
    for (const challenge of [`${RFC_CHALLENGE}=`, ` ${RFC_CHALLENGE}`, RFC_CHALLENGE.toLowerCase()]) {
      await expect(verifyPair(RFC_VERIFIER, challenge, 'S256')).resolves.toEqual({
        result: 'mismatch',
        expected: RFC_CHALLENGE,
      });
    }
  });

  test('reports the problems of an invalid verifier instead of comparing', async () => {
    await expect(verifyPair('abc', RFC_CHALLENGE, 'S256')).resolves.toEqual({
      result: 'invalid-verifier',
      problems: validateVerifier('abc'),
    });
  });
});

describe('generateVerifier', () => {
  test('defaults to 43 characters', () => {
    const verifier = generateVerifier();
    expect(verifier).toHaveLength(43);
    expect(isValidVerifier(verifier)).toBe(true);
  });

  test('by default base64url-encodes 32 octets from crypto.getRandomValues', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      if (array instanceof Uint8Array) array.set(RFC_OCTETS);
      return array;
    });
    try {
      expect(generateVerifier()).toBe(RFC_VERIFIER);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]?.[0]).toHaveLength(32);
    } finally {
      spy.mockRestore();
    }
  });

  test('returns exactly the asked length and always validates, for any length from 43 to 128', () => {
    fc.assert(
      fc.property(fc.integer({ min: 43, max: 128 }), (length) => {
        const verifier = generateVerifier(length);
        expect(verifier).toHaveLength(length);
        expect(isValidVerifier(verifier)).toBe(true);
        expect(validateVerifier(verifier)).toEqual([]);
      }),
      RUNS,
    );
  });

  test('does not repeat itself across a thousand calls', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateVerifier()));
    expect(seen.size).toBe(1000);
  });

  test.each([
    [42, 'The code_verifier length must be a whole number from 43 to 128 (RFC 7636 section 4.1); received 42.'],
    [129, 'The code_verifier length must be a whole number from 43 to 128 (RFC 7636 section 4.1); received 129.'],
    [43.5, 'The code_verifier length must be a whole number from 43 to 128 (RFC 7636 section 4.1); received 43.5.'],
    [
      Number.NaN,
      'The code_verifier length must be a whole number from 43 to 128 (RFC 7636 section 4.1); received NaN.',
    ],
  ])('rejects length %s with a RangeError', (length, message) => {
    expect(() => generateVerifier(length)).toThrow(new RangeError(message));
  });
});

describe('validateVerifier', () => {
  test('accepts the shortest and longest lengths and every unreserved character', () => {
    expect(validateVerifier('a'.repeat(43))).toEqual([]);
    expect(validateVerifier('a'.repeat(128))).toEqual([]);
    expect(validateVerifier(UNRESERVED.join(''))).toEqual([]);
  });

  test.each<[string, string, VerifierProblem[]]>([
    [
      'empty input',
      '',
      [{ kind: 'empty', message: 'The code_verifier is empty; RFC 7636 requires 43 to 128 characters.' }],
    ],
    [
      'a single character',
      'a',
      [
        {
          kind: 'too-short',
          length: 1,
          message: 'The code_verifier is 1 character long; RFC 7636 requires 43 to 128.',
        },
      ],
    ],
    [
      'a verifier that is too short',
      'a'.repeat(12),
      [
        {
          kind: 'too-short',
          length: 12,
          message: 'The code_verifier is 12 characters long; RFC 7636 requires 43 to 128.',
        },
      ],
    ],
    [
      'one character below the minimum',
      'a'.repeat(42),
      [
        {
          kind: 'too-short',
          length: 42,
          message: 'The code_verifier is 42 characters long; RFC 7636 requires 43 to 128.',
        },
      ],
    ],
    [
      'one character above the maximum',
      'a'.repeat(129),
      [
        {
          kind: 'too-long',
          length: 129,
          message: 'The code_verifier is 129 characters long; RFC 7636 requires 43 to 128.',
        },
      ],
    ],
    [
      'a space inside',
      withCharacter(12, ' '),
      [
        {
          kind: 'disallowed-character',
          position: 12,
          character: ' ',
          codePoint: 0x20,
          message: 'Character 12 is a space, which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a "+" from standard base64',
      withCharacter(12, '+'),
      [
        {
          kind: 'disallowed-character',
          position: 12,
          character: '+',
          codePoint: 0x2b,
          message: 'Character 12 is "+", which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a "/" from standard base64',
      withCharacter(20, '/'),
      [
        {
          kind: 'disallowed-character',
          position: 20,
          character: '/',
          codePoint: 0x2f,
          message: 'Character 20 is "/", which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a "=" padding character',
      withCharacter(43, '='),
      [
        {
          kind: 'disallowed-character',
          position: 43,
          character: '=',
          codePoint: 0x3d,
          message: 'Character 43 is "=", which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a non-ASCII letter',
      withCharacter(5, 'é'),
      [
        {
          kind: 'disallowed-character',
          position: 5,
          character: 'é',
          codePoint: 0xe9,
          message: 'Character 5 is "é" (U+00E9), which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'an emoji, counted as one character',
      withCharacter(5, '😀'),
      [
        {
          kind: 'disallowed-character',
          position: 5,
          character: '😀',
          codePoint: 0x1f600,
          message: 'Character 5 is the emoji "😀" (U+1F600), which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'two emoji, with positions counted in code points',
      `😀🔑${RFC_VERIFIER.slice(2)}`,
      [
        {
          kind: 'disallowed-character',
          position: 1,
          character: '😀',
          codePoint: 0x1f600,
          message: 'Character 1 is the emoji "😀" (U+1F600), which is not allowed in a code_verifier.',
        },
        {
          kind: 'disallowed-character',
          position: 2,
          character: '🔑',
          codePoint: 0x1f511,
          message: 'Character 2 is the emoji "🔑" (U+1F511), which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a tab inside',
      withCharacter(8, '\t'),
      [
        {
          kind: 'disallowed-character',
          position: 8,
          character: '\t',
          codePoint: 0x09,
          message: 'Character 8 is a tab, which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a line break inside',
      withCharacter(30, '\n'),
      [
        {
          kind: 'disallowed-character',
          position: 30,
          character: '\n',
          codePoint: 0x0a,
          message: 'Character 30 is a line break, which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'a no-break space inside',
      withCharacter(10, '\u00a0'),
      [
        {
          kind: 'disallowed-character',
          position: 10,
          character: '\u00a0',
          codePoint: 0xa0,
          message: 'Character 10 is a no-break space (U+00A0), which is not allowed in a code_verifier.',
        },
      ],
    ],
    [
      'leading white space',
      ` ${RFC_VERIFIER.slice(1)}`,
      [
        {
          kind: 'leading-whitespace',
          message: 'The code_verifier starts with white space; delete it before using the value.',
        },
      ],
    ],
    [
      'trailing white space',
      `${RFC_VERIFIER.slice(0, -1)}\n`,
      [
        {
          kind: 'trailing-whitespace',
          message: 'The code_verifier ends with white space; delete it before using the value.',
        },
      ],
    ],
    [
      'a pasted verifier with a Windows line break after it',
      `${RFC_VERIFIER}\r\n`,
      [
        {
          kind: 'trailing-whitespace',
          message: 'The code_verifier ends with white space; delete it before using the value.',
        },
      ],
    ],
    [
      'only white space',
      ' \t ',
      [
        {
          kind: 'too-short',
          length: 3,
          message: 'The code_verifier is 3 characters long; RFC 7636 requires 43 to 128.',
        },
        { kind: 'whitespace-only', message: 'The code_verifier contains only white space.' },
      ],
    ],
    [
      'six disallowed characters, the sixth summarised',
      `${'+'.repeat(6)}${RFC_VERIFIER.slice(6)}`,
      [
        ...[1, 2, 3, 4, 5].map((position): VerifierProblem => ({
          kind: 'disallowed-character',
          position,
          character: '+',
          codePoint: 0x2b,
          message: `Character ${position} is "+", which is not allowed in a code_verifier.`,
        })),
        {
          kind: 'more-disallowed-characters',
          count: 1,
          message: '…and 1 more character is not allowed in a code_verifier.',
        },
      ],
    ],
  ])('explains %s', (_name, input, expected) => {
    expect(validateVerifier(input)).toEqual(expected);
    expect(isValidVerifier(input)).toBe(false);
  });

  test('agrees with isValidVerifier and stays within the problem cap for arbitrary strings', () => {
    const character = fc.oneof(
      fc.constantFrom(...UNRESERVED),
      fc.constantFrom(' ', '+', '/', '=', '\t', '\n', '\r', 'é', '😀', '\u00a0', '\u200b'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 160 }), (input) => {
        const problems = validateVerifier(input);
        expect(problems.length === 0).toBe(isValidVerifier(input));
        // Length, white space (at most two), the described characters and one summary.
        expect(problems.length).toBeLessThanOrEqual(MAX_REPORTED_CHARACTERS + 4);
      }),
      RUNS,
    );
  });

  test('reports a 1 MB paste of "a" as one too-long problem', () => {
    expect(validateVerifier('a'.repeat(1_000_000))).toEqual([
      {
        kind: 'too-long',
        length: 1_000_000,
        message: 'The code_verifier is 1,000,000 characters long; RFC 7636 requires 43 to 128.',
      },
    ]);
  });

  test('reports a 1 MB paste of "+" as too long with a capped list of characters', () => {
    const problems = validateVerifier('+'.repeat(1_000_000));
    expect(problems).toHaveLength(1 + MAX_REPORTED_CHARACTERS + 1);
    expect(problems[0]).toEqual({
      kind: 'too-long',
      length: 1_000_000,
      message: 'The code_verifier is 1,000,000 characters long; RFC 7636 requires 43 to 128.',
    });
    expect(problems.slice(1, -1).map((problem) => problem.message)).toEqual([
      'Character 1 is "+", which is not allowed in a code_verifier.',
      'Character 2 is "+", which is not allowed in a code_verifier.',
      'Character 3 is "+", which is not allowed in a code_verifier.',
      'Character 4 is "+", which is not allowed in a code_verifier.',
      'Character 5 is "+", which is not allowed in a code_verifier.',
    ]);
    expect(problems.at(-1)).toEqual({
      kind: 'more-disallowed-characters',
      count: 999_995,
      message: '…and 999,995 more characters are not allowed in a code_verifier.',
    });
  });

  test('counts a paste of 500,000 emoji as 500,000 characters', () => {
    const problems = validateVerifier('😀'.repeat(500_000));
    expect(problems[0]).toEqual({
      kind: 'too-long',
      length: 500_000,
      message: 'The code_verifier is 500,000 characters long; RFC 7636 requires 43 to 128.',
    });
    expect(problems).toHaveLength(1 + MAX_REPORTED_CHARACTERS + 1);
  });
});
