import { describe, expect, test } from 'vitest';
import { pathOf, prevNext, sidebar, type NavPage } from '../../src/lib/navigation.ts';

const page = (
  id: string,
  title: string,
  group: NavPage['data']['sidebar']['group'],
  order: number,
  label?: string,
): NavPage => ({
  id,
  data: { title, sidebar: { group, order, ...(label ? { label } : {}) } },
});

const pages = [
  page('api-auth/grant/implicit', 'Implicit Grant', 'Grants', 4),
  page('index', 'Home page', 'Start here', 1, 'Home'),
  page('tools/pkce', 'PKCE calculator', 'Tools', 1),
  page('api-auth/grant/client-credentials', 'Client Credentials Grant', 'Grants', 1),
];

describe('pathOf', () => {
  test.each([
    ['index', '/'],
    ['api-auth/grant/implicit', '/api-auth/grant/implicit/'],
    ['tools/index', '/tools/'],
  ])('maps %s to %s', (id, path) => expect(pathOf(id)).toBe(path));
});

describe('sidebar', () => {
  test('groups pages in the fixed group order and sorts by order, using labels where given', () => {
    expect(sidebar(pages)).toEqual([
      { label: 'Start here', links: [{ label: 'Home', path: '/' }] },
      {
        label: 'Grants',
        links: [
          { label: 'Client Credentials Grant', path: '/api-auth/grant/client-credentials/' },
          { label: 'Implicit Grant', path: '/api-auth/grant/implicit/' },
        ],
      },
      { label: 'Tools', links: [{ label: 'PKCE calculator', path: '/tools/pkce/' }] },
    ]);
  });
});

describe('prevNext', () => {
  const groups = sidebar(pages);
  test('links across groups in reading order', () => {
    expect(prevNext(groups, '/api-auth/grant/client-credentials/')).toEqual({
      prev: { label: 'Home', path: '/' },
      next: { label: 'Implicit Grant', path: '/api-auth/grant/implicit/' },
    });
  });
  test('has no previous link on the first page and no next on the last', () => {
    expect(prevNext(groups, '/')).toEqual({
      next: { label: 'Client Credentials Grant', path: '/api-auth/grant/client-credentials/' },
    });
    expect(prevNext(groups, '/tools/pkce/')).toEqual({
      prev: { label: 'Implicit Grant', path: '/api-auth/grant/implicit/' },
    });
  });
  test('returns nothing for a page outside the sidebar', () => {
    expect(prevNext(groups, '/404/')).toEqual({});
  });
});
