import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { addStyleHashes } from '../../src/lib/csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (policy: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy.replaceAll("'", '&#39;')}"></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");

describe('addStyleHashes', () => {
  test('adds the hash of each inline <style> and, through unsafe-hashes, of each style attribute', () => {
    const html = page(
      "script-src 'self'; style-src 'self'",
      '<svg><style>#a{fill:red}</style><rect style="max-width: 10px;"></rect></svg>',
    );
    expect(policyOf(addStyleHashes(html, hash))).toBe(
      `script-src 'self'; style-src 'self' ${hash('#a{fill:red}')} 'unsafe-hashes' ${hash('max-width: 10px;')}`,
    );
  });

  test('leaves a page unchanged when its styles are already allowed', () => {
    const html = page(`style-src 'self' ${hash('p{}')}`, '<style>p{}</style>');
    expect(addStyleHashes(html, hash)).toBe(html);
  });

  test('leaves a page without a CSP meta unchanged', () => {
    expect(addStyleHashes('<p style="color:red">x</p>', hash)).toBe('<p style="color:red">x</p>');
  });

  test('allows inline styles, and nothing more, on a page whose diagrams the browser will draw', () => {
    const html = page("script-src 'self'; style-src 'self' 'sha256-x'", '<figure data-diagram="pending"></figure>');
    expect(policyOf(addStyleHashes(html, hash))).toBe("script-src 'self'; style-src 'self' 'unsafe-inline'");
  });
});

describe('addStyleHashes on attribute values with entities', () => {
  test('hashes the decoded value, as the browser does', () => {
    const html = page("style-src 'self'", '<p style="font-family:&quot;DejaVu Sans&quot;, sans-serif">x</p>');
    expect(policyOf(addStyleHashes(html, hash))).toContain(hash('font-family:"DejaVu Sans", sans-serif'));
  });
});

describe('addStyleHashes on a <style> inside an SVG', () => {
  test('allows the decoded text, which is what the browser hashes for foreign content', () => {
    const html = page("style-src 'self'", '<svg><style>#a>.b{fill:red}</style></svg>'.replace('>.b', '&gt;.b'));
    expect(policyOf(addStyleHashes(html, hash))).toContain(hash('#a>.b{fill:red}'));
  });
});
