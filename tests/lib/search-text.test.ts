import { describe, expect, test } from 'vitest';
import { searchableHtml } from '../../src/lib/search-text.ts';

describe('searchableHtml', () => {
  test('turns a diagram into a paragraph of its title, description and labels, in order', () => {
    const svg =
      '<svg role="img"><title>Password grant</title><desc>The client sends the password.</desc>' +
      '<g><text x="1"><tspan>Discard the</tspan></text><text><tspan>password</tspan></text></g></svg>';
    expect(searchableHtml(`<main><p>Before</p>${svg}<p>After</p></main>`)).toBe(
      '<main><p>Before</p><p>Password grant The client sends the password. Discard the password</p><p>After</p></main>',
    );
  });

  test('keeps escaped characters escaped, so the index reads them as text', () => {
    expect(searchableHtml('<svg><text>a &lt; b &amp; c</text></svg>')).toBe('<p>a &lt; b &amp; c</p>');
  });

  test('drops an icon with no text, and leaves everything outside SVG as it was', () => {
    const page = '<button><svg aria-hidden="true"><path d="M0 0"></path></svg>Menu</button><style>p{}</style>';
    expect(searchableHtml(page)).toBe('<button>Menu</button><style>p{}</style>');
  });
});
