import { describe, expect, test } from 'vitest';
import { webCryptoProblem } from '../../src/playground/web-crypto.ts';

describe('webCryptoProblem', () => {
  test('is null where crypto.subtle exists', () => {
    expect(webCryptoProblem(globalThis)).toBeNull();
  });

  test('says why the playground cannot run without it, and how to fix that', () => {
    expect(webCryptoProblem({ crypto: {} })).toBe(
      'Signing ID tokens and hashing PKCE verifiers needs Web Crypto, which browsers only offer on https:// pages or on localhost. This page was opened over plain http:// on another host: open it over https:// (or from localhost) to run the playground.',
    );
  });
});
