import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';

import {
  announcements,
  challengeFor,
  checkPair,
  pairAnnouncement,
  parseVerifierLength,
  verifierState,
} from '../../src/pkce/calculator.ts';

const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('verifierState', () => {
  test('does not complain about an empty field before anything is typed', () => {
    expect(verifierState('')).toEqual({ state: 'empty' });
  });

  test('lists the reader-facing sentences of every problem', () => {
    expect(verifierState(`${RFC_VERIFIER.slice(0, 11)}+${RFC_VERIFIER.slice(12)}`)).toEqual({
      state: 'invalid',
      problems: ['Character 12 is "+", which is not allowed in a code_verifier.'],
    });
    expect(verifierState('abc')).toEqual({
      state: 'invalid',
      problems: ['The code_verifier is 3 characters long; RFC 7636 requires 43 to 128.'],
    });
  });

  test('accepts the RFC 7636 Appendix B verifier', () => {
    expect(verifierState(RFC_VERIFIER)).toEqual({ state: 'valid' });
  });
});

describe('challengeFor', () => {
  test('gives the Appendix B challenge and the S256 steps behind it', async () => {
    await expect(challengeFor(RFC_VERIFIER, 'S256')).resolves.toEqual({
      challenge: RFC_CHALLENGE,
      steps: {
        asciiByteLength: 43,
        sha256Hex: createHash('sha256').update(RFC_VERIFIER, 'ascii').digest('hex'),
        challenge: RFC_CHALLENGE,
      },
    });
  });

  test('gives the verifier itself, with no steps, for plain', async () => {
    await expect(challengeFor(RFC_VERIFIER, 'plain')).resolves.toEqual({ challenge: RFC_VERIFIER, steps: null });
  });

  test('gives nothing for an empty or invalid verifier instead of throwing', async () => {
    await expect(challengeFor('', 'S256')).resolves.toBeNull();
    await expect(challengeFor(`${RFC_VERIFIER} `, 'S256')).resolves.toBeNull();
    await expect(challengeFor('short', 'plain')).resolves.toBeNull();
  });
});

describe('parseVerifierLength', () => {
  test('accepts whole numbers from 43 to 128', () => {
    expect(parseVerifierLength('43')).toEqual({ ok: true, length: 43 });
    expect(parseVerifierLength(' 64 ')).toEqual({ ok: true, length: 64 });
    expect(parseVerifierLength('128')).toEqual({ ok: true, length: 128 });
  });

  test('explains the allowed range for anything else', () => {
    for (const text of ['', '42', '129', '64.5', '1e2', '-50', 'abc', '0064000']) {
      expect(parseVerifierLength(text)).toEqual({ ok: false, problem: 'Choose a length from 43 to 128 characters.' });
    }
  });
});

describe('checkPair', () => {
  test('says Match for the Appendix B pair and shows the challenge the verifier produces', async () => {
    const view = await checkPair(RFC_VERIFIER, RFC_CHALLENGE, 'S256');
    expect(view).toEqual({
      result: 'match',
      headline: 'Match',
      detail: 'With S256, this verifier produces the challenge you entered:',
      expected: RFC_CHALLENGE,
      hints: [],
    });
    expect(pairAnnouncement(view)).toBe('Match. With S256, this verifier produces the challenge you entered.');
  });

  test('says Mismatch and shows the challenge the verifier actually produces', async () => {
    const view = await checkPair(RFC_VERIFIER, 'x'.repeat(43), 'S256');
    expect(view).toEqual({
      result: 'mismatch',
      headline: 'Mismatch',
      detail: 'With S256, this verifier produces a different challenge:',
      expected: RFC_CHALLENGE,
      hints: [],
    });
    expect(pairAnnouncement(view)).toBe('Mismatch. With S256, this verifier produces a different challenge.');
  });

  test('points out padding, surrounding white space and the other method as likely causes', async () => {
    await expect(checkPair(RFC_VERIFIER, `${RFC_CHALLENGE}=`, 'S256')).resolves.toMatchObject({
      result: 'mismatch',
      hints: ['The challenge you entered ends in "=" padding; a base64url code_challenge never has any.'],
    });
    await expect(checkPair(RFC_VERIFIER, ` ${RFC_CHALLENGE}\n`, 'S256')).resolves.toMatchObject({
      hints: ['The challenge you entered has white space around it; servers compare the exact string.'],
    });
    await expect(checkPair(RFC_VERIFIER, RFC_VERIFIER, 'S256')).resolves.toMatchObject({
      hints: ['The pair matches with the plain method instead; check the code_challenge_method that was sent.'],
    });
    await expect(checkPair(RFC_VERIFIER, RFC_CHALLENGE, 'plain')).resolves.toMatchObject({
      result: 'mismatch',
      expected: RFC_VERIFIER,
      hints: ['The pair matches with the S256 method instead; check the code_challenge_method that was sent.'],
    });
  });

  test('does not check an invalid verifier or an incomplete pair, and says why', async () => {
    await expect(checkPair('too+short', RFC_CHALLENGE, 'S256')).resolves.toEqual({
      result: 'invalid-verifier',
      headline: 'Not checked',
      detail: 'The verifier to check is not a valid code_verifier, so no server would accept it.',
      problems: [
        'The code_verifier is 9 characters long; RFC 7636 requires 43 to 128.',
        'Character 4 is "+", which is not allowed in a code_verifier.',
      ],
    });
    await expect(checkPair(RFC_VERIFIER, '', 'S256')).resolves.toMatchObject({
      result: 'incomplete',
      headline: 'Not checked',
    });
  });
});

describe('announcements', () => {
  test('are whole sentences naming what happened', () => {
    expect(announcements.generated(64)).toBe('Generated a 64-character code_verifier; the code challenge is updated.');
    expect(announcements.copied('code challenge')).toBe('Copied the code challenge to the clipboard.');
    expect(announcements.copyFailed('token request')).toBe(
      'Could not copy the token request; select the text and copy it by hand.',
    );
  });
});
