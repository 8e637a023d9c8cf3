import { describe, expect, test } from 'vitest';
import { urlWithAnswers } from '../../src/decision-trees/url-state.ts';

const PAGE = 'https://example.com/docs/api-auth/which-oauth-flow-to-use/';
const PATH = '/docs/api-auth/which-oauth-flow-to-use/';
const PARAM = 'which-oauth-flow';
const ANCHOR = 'quiz-x';

describe('urlWithAnswers leaves every other query parameter byte for byte', () => {
  test.each([
    ['a flag without a value', '?foo', '?foo&which-oauth-flow=no'],
    ['a value encoded with %20', '?ref=a%20b', '?ref=a%20b&which-oauth-flow=no'],
    ['a value encoded with +', '?ref=a+b', '?ref=a+b&which-oauth-flow=no'],
    ['a flag and an encoded value', '?foo&ref=a%20b', '?foo&ref=a%20b&which-oauth-flow=no'],
    ['an empty value', '?foo=', '?foo=&which-oauth-flow=no'],
    ['a repeated parameter', '?tag=a&tag=b', '?tag=a&tag=b&which-oauth-flow=no'],
    ['lowercase percent-escapes', '?q=%e2%9c%93', '?q=%e2%9c%93&which-oauth-flow=no'],
    ['an empty pair between two others', '?a=1&&b=2', '?a=1&&b=2&which-oauth-flow=no'],
    [
      'its own parameter between two others, replaced in place',
      '?a=1&which-oauth-flow=yes&b=2',
      '?a=1&which-oauth-flow=no&b=2',
    ],
  ])('when writing answers next to %s', (_, query, expected) => {
    expect(urlWithAnswers(`${PAGE}${query}`, PARAM, 'no', ANCHOR)).toBe(`${PATH}${expected}#${ANCHOR}`);
  });

  test.each([
    ['a flag without a value', '?foo&which-oauth-flow=yes', '?foo'],
    ['an encoded value after it', '?which-oauth-flow=yes&ref=a%20b', '?ref=a%20b'],
    ['parameters on both sides', '?foo&which-oauth-flow=yes&ref=a+b', '?foo&ref=a+b'],
    ['nothing else', '?which-oauth-flow=yes', ''],
  ])('when removing answers next to %s', (_, query, expected) => {
    expect(urlWithAnswers(`${PAGE}${query}#${ANCHOR}`, PARAM, '', ANCHOR)).toBe(`${PATH}${expected}`);
  });

  test('writes its own parameter once, dropping a repeated copy of it', () => {
    expect(urlWithAnswers(`${PAGE}?which-oauth-flow=a&x&which-oauth-flow=b`, PARAM, 'no', ANCHOR)).toBe(
      `${PATH}?which-oauth-flow=no&x#${ANCHOR}`,
    );
  });

  test('recognises its own parameter written with percent-escapes', () => {
    expect(urlWithAnswers(`${PAGE}?which%2Doauth%2Dflow=yes&foo`, PARAM, 'no', ANCHOR)).toBe(
      `${PATH}?which-oauth-flow=no&foo#${ANCHOR}`,
    );
  });

  test('does not take a parameter that only starts with its name for its own', () => {
    expect(urlWithAnswers(`${PAGE}?which-oauth-flow-old=yes`, PARAM, 'no', ANCHOR)).toBe(
      `${PATH}?which-oauth-flow-old=yes&which-oauth-flow=no#${ANCHOR}`,
    );
  });
});
