import { describe, expect, test } from 'vitest';
import { toHtml } from './pipeline.ts';

describe('remarkCallouts', () => {
  test('renders :::panel[Title] as an aside labelled by its title, a heading one level below its section', async () => {
    const { html } = await toHtml('## Section\n\n:::panel[SPAs and Refresh Tokens]\nBody text.\n:::\n');
    expect(html).toContain('<aside class="callout callout--panel" aria-labelledby="panel-spas-and-refresh-tokens">');
    expect(html).toContain(
      '<p class="callout__title" id="panel-spas-and-refresh-tokens" role="heading" aria-level="3">SPAs and Refresh Tokens</p>',
    );
    expect(html).toContain('<p>Body text.</p>');
  });

  test('gives a panel before any section heading level 2', async () => {
    const { html } = await toHtml(':::panel[Quick refresher]\nText\n:::\n');
    expect(html).toContain('aria-level="2"');
  });

  test("marks :::guidance callouts as the site's own note on a page that reproduces an older text", async () => {
    const { html } = await toHtml('---\nreproduces: true\n---\n\n:::guidance[Current guidance]\nUse PKCE.\n:::\n');
    expect(html).toContain('class="callout callout--guidance"');
    expect(html).toContain('Note from this site, not part of the original article');
  });

  test("gives :::guidance callouts no such note on the site's own pages", async () => {
    const { html } = await toHtml(':::guidance[Current guidance]\nUse PKCE.\n:::\n');
    expect(html).toContain('class="callout callout--guidance"');
    expect(html).not.toContain('not part of the original article');
  });

  test('gives two callouts with the same title distinct ids', async () => {
    const { html } = await toHtml(':::panel[Note]\nA\n:::\n\n:::panel[Note]\nB\n:::\n');
    expect(html).toContain('id="panel-note"');
    expect(html).toContain('id="panel-note-1"');
  });

  test('fails on an unknown block, naming file and line and what to write instead', async () => {
    await expect(toHtml('Intro\n\n:::warning[Careful]\nText\n:::\n', 'content/guide.mdx')).rejects.toThrow(
      'content/guide.mdx:3: Unknown block ":::warning". Write :::panel[Title] or :::guidance[Title] and close it with ":::".',
    );
  });

  test('fails on a callout without a title', async () => {
    await expect(toHtml(':::panel\nText\n:::\n', 'content/guide.mdx')).rejects.toThrow(
      'content/guide.mdx:1: ":::panel" needs a title in brackets, for example :::panel[Current guidance].',
    );
  });

  test('leaves colons in prose as text', async () => {
    const { html } = await toHtml('Meet at 10:30 or call :tel later.');
    expect(html).toContain('Meet at 10:30 or call :tel later.');
  });
});
