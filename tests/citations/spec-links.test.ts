import { describe, expect, test } from 'vitest';
import { parseSpecLink, sectionUrl } from '../../src/citations/spec-links.ts';

describe('parseSpecLink', () => {
  test.each([
    ['https://www.rfc-editor.org/rfc/rfc9700#section-2.4', { kind: 'section', doc: 'rfc9700', section: '2.4' }],
    ['https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1', { kind: 'section', doc: 'rfc6749', section: '4.1.2.1' }],
    ['https://www.rfc-editor.org/rfc/rfc7636#appendix-B', { kind: 'section', doc: 'rfc7636', section: 'B' }],
    ['https://www.rfc-editor.org/rfc/rfc8252.html#appendix-B.1', { kind: 'section', doc: 'rfc8252', section: 'B.1' }],
    [
      'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-7.5',
      { kind: 'section', doc: 'draft-ietf-oauth-v2-1', section: '7.5' },
    ],
    [
      'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-15#section-10',
      { kind: 'section', doc: 'draft-ietf-oauth-v2-1', section: '10' },
    ],
    ['https://datatracker.ietf.org/doc/html/rfc8628#section-3.5', { kind: 'section', doc: 'rfc8628', section: '3.5' }],
    [
      'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest',
      { kind: 'section', doc: 'oidc-core-1_0', section: '3.1.2.1' },
    ],
    [
      'https://openid.net/specs/openid-connect-core-1_0.html#section-3.1.2.6',
      { kind: 'section', doc: 'oidc-core-1_0', section: '3.1.2.6' },
    ],
    [
      'https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#section-7.1',
      { kind: 'section', doc: 'oidc-ciba-core-1_0', section: '7.1' },
    ],
    ['https://www.rfc-editor.org/rfc/rfc10017', { kind: 'no-section', doc: 'rfc10017' }],
    ['https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/', { kind: 'no-section', doc: 'draft-ietf-oauth-v2-1' }],
    ['https://www.rfc-editor.org/rfc/rfc6749#page-12', { kind: 'unknown-anchor', doc: 'rfc6749', anchor: 'page-12' }],
    [
      'https://openid.net/specs/openid-connect-core-1_0.html#NoSuchAnchor',
      { kind: 'unknown-anchor', doc: 'oidc-core-1_0' },
    ],
  ])('reads %s as a citation', (href, expected) => {
    expect(parseSpecLink(href)).toMatchObject(expected);
  });

  test.each(['https://oauth.net/2/', '/api-auth/grant/implicit/', 'https://example.com/rfc/rfc6749', 'not a url'])(
    'ignores %s, which is not a specification',
    (href) => {
      expect(parseSpecLink(href)).toBeUndefined();
    },
  );
});

describe('sectionUrl', () => {
  test('writes the link an author should use', () => {
    expect(sectionUrl('rfc9700', '2.4')).toBe('https://www.rfc-editor.org/rfc/rfc9700#section-2.4');
    expect(sectionUrl('rfc7636', 'B')).toBe('https://www.rfc-editor.org/rfc/rfc7636#appendix-B');
    expect(sectionUrl('draft-ietf-oauth-v2-1', '10')).toBe(
      'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-10',
    );
    expect(sectionUrl('oidc-core-1_0', '3.1.2.1')).toBe(
      'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest',
    );
  });
});
