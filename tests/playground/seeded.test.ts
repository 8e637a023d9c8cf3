import { describe, expect, test } from 'vitest';
import { byteSource, newSeed, SEED_OCTETS, SEED_PATTERN, seededMint } from '../../src/playground/seeded.ts';

describe('seeded values', () => {
  test('the same seed gives the same bytes, another seed other bytes', () => {
    expect(byteSource('seed-one')(32)).toEqual(byteSource('seed-one')(32));
    expect(byteSource('seed-one')(32)).not.toEqual(byteSource('seed-two')(32));
  });

  test.each([
    ['code', /^[A-Za-z0-9_-]{22}$/],
    ['access_token', /^[A-Za-z0-9_-]{22}$/],
    ['device_code', /^[A-Za-z0-9_-]{32}$/],
    // RFC 8628 section 6.1: no vowels.
    ['user_code', /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/],
  ] as const)('mints a %s of the expected shape', (kind, shape) => {
    expect(seededMint(byteSource('seed-one'))(kind)).toMatch(shape);
  });

  test('a new seed from random octets is one the URL state accepts', () => {
    expect(newSeed(new Uint8Array(SEED_OCTETS).fill(255))).toMatch(SEED_PATTERN);
  });
});
