import { describe, expect, test } from 'vitest';
import {
  decodeScenario,
  encodeScenario,
  grantOfParam,
  urlWithScenario,
  type Scenario,
} from '../../src/playground/url-state.ts';

const SCENARIO: Scenario = {
  grant: 'authorization-code-pkce',
  seed: 'AbCd-_1234',
  profile: 'current',
  moves: [
    { kind: 'authorize', edits: { redirect_uri: 'https://evil.example.net/cb?x=<script>é' } },
    { kind: 'consent', approve: false },
    { kind: 'wait', seconds: 601 },
    { kind: 'repeat' },
  ],
  draft: { kind: 'redeem', edits: { code_verifier: '' } },
};

const payloadOf = (json: unknown) =>
  Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)).toString('base64url');

describe('the playground URL state', () => {
  test('round-trips grant, seed, profile, moves and the fields being edited, in URL-safe characters', () => {
    const encoded = encodeScenario(SCENARIO);
    expect(encoded).toMatch(/^authorization-code-pkce\.AbCd-_1234\.[A-Za-z0-9_-]+$/);
    expect(decodeScenario(encoded)).toEqual(SCENARIO);
    const legacy: Scenario = { grant: 'password', seed: 'AbCd-_1234', profile: 'rfc6749', moves: [] };
    expect(decodeScenario(encodeScenario(legacy))).toEqual({ ...legacy, draft: undefined });
  });

  test.each([
    ['nothing', null],
    ['an empty value', ''],
    ['an unknown grant', `hybrid.AbCd-_1234.${payloadOf({ m: [] })}`],
    ['a short seed', `implicit.abc.${payloadOf({ m: [] })}`],
    ['an extra part', `implicit.AbCd-_1234.${payloadOf({ m: [] })}.x`],
    ['a payload that is not base64url', 'implicit.AbCd-_1234.%3Cscript%3E'],
    ['a payload that is not JSON', `implicit.AbCd-_1234.${payloadOf('alert(1)')}`],
    ['an array payload', `implicit.AbCd-_1234.${payloadOf([1])}`],
    ['an unknown key', `implicit.AbCd-_1234.${payloadOf({ m: [], x: 1 })}`],
    ['an unknown profile', `implicit.AbCd-_1234.${payloadOf({ m: [], p: 'anything' })}`],
    ['an unknown move', `implicit.AbCd-_1234.${payloadOf({ m: [['eval', {}]] })}`],
    ['a move with a prototype key', `implicit.AbCd-_1234.${payloadOf({ m: [['__proto__']] })}`],
    ['fields that are not strings', `implicit.AbCd-_1234.${payloadOf({ m: [['authorize', { state: 1 }]] })}`],
    ['a field name with odd characters', `implicit.AbCd-_1234.${payloadOf({ m: [['authorize', { 'a b': '' }]] })}`],
    ['a negative wait', `implicit.AbCd-_1234.${payloadOf({ m: [['wait', -5]] })}`],
    ['a consent that is not 0 or 1', `implicit.AbCd-_1234.${payloadOf({ m: [['consent', true]] })}`],
    ['too many moves', `implicit.AbCd-_1234.${payloadOf({ m: Array(81).fill(['repeat']) })}`],
    ['a huge value', `implicit.AbCd-_1234.${payloadOf({ m: [['authorize', { state: 'x'.repeat(2001) }]] })}`],
    ['a malformed draft', `implicit.AbCd-_1234.${payloadOf({ m: [], d: ['redeem'] })}`],
    ['bytes that are not UTF-8', `implicit.AbCd-_1234.${Buffer.from([0xff, 0xfe]).toString('base64url')}`],
  ])('decodes %s to null, so the scenario starts over', (_name, raw) => {
    expect(decodeScenario(raw)).toBeNull();
  });

  test('the shell reads only the grant, and only a known one', () => {
    expect(grantOfParam('device-code')).toBe('device-code');
    expect(grantOfParam(encodeScenario(SCENARIO))).toBe('authorization-code-pkce');
    expect(grantOfParam('constructor')).toBeNull();
    expect(grantOfParam(null)).toBeNull();
  });

  test('a link to the scenario leaves every other parameter byte for byte and opens at the playground', () => {
    const href = 'https://site.test/playground/?a=1&b=%20x+y&playground=old&c#intro';
    expect(urlWithScenario(href, 'implicit', 'playground-title')).toBe(
      '/playground/?a=1&b=%20x+y&c&playground=implicit#playground-title',
    );
    expect(urlWithScenario('https://site.test/p/', 'x', 'top')).toBe('/p/?playground=x#top');
  });
});
