import { describe, expect, test } from 'vitest';
import { withBase } from '../../src/lib/links.ts';
import { toHtml } from './pipeline.ts';

describe('withBase', () => {
  test.each([
    ['/', '/api-auth/grant/implicit', '/api-auth/grant/implicit/'],
    ['/', '/api-auth/grant/implicit/', '/api-auth/grant/implicit/'],
    ['/docs/', '/api-auth/grant/implicit', '/docs/api-auth/grant/implicit/'],
    ['/docs/', '/api-auth/grant/implicit#security-notes', '/docs/api-auth/grant/implicit/#security-notes'],
    ['/docs/', '/tools/pkce/?tab=pair', '/docs/tools/pkce/?tab=pair'],
    ['/docs', '/', '/docs/'],
    ['/docs/', '/favicon.svg', '/docs/favicon.svg'],
    ['/docs/', 'https://www.rfc-editor.org/rfc/rfc9700', 'https://www.rfc-editor.org/rfc/rfc9700'],
    ['/docs/', '#top', '#top'],
    ['/docs/', '//cdn.example.com/x', '//cdn.example.com/x'],
  ])('with base %s turns %s into %s', (base, href, expected) => {
    expect(withBase(base, href)).toBe(expected);
  });
});

describe('rehypeInternalLinks', () => {
  test('rewrites root-relative Markdown links to the base path and trailing-slash policy', async () => {
    const { html } = await toHtml(
      '[Implicit](/api-auth/grant/implicit) and [RFC](https://www.rfc-editor.org/rfc/rfc6749)',
      'content/a.mdx',
      '/docs/',
    );
    expect(html).toContain('href="/docs/api-auth/grant/implicit/"');
    expect(html).toContain('href="https://www.rfc-editor.org/rfc/rfc6749"');
  });
});
