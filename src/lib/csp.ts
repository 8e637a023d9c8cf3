const META = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;

/**
 * Adds to a page's CSP <meta> the hashes of its inline <style> elements and style attributes that the policy
 * does not allow yet (style attributes through 'unsafe-hashes', which allows those exact values only).
 * Returns the page unchanged when it has no CSP <meta> or nothing is missing.
 */
export function addStyleHashes(html: string, hash: (text: string) => string): string {
  const match = META.exec(html);
  if (!match) return html;
  const policy = match[2]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  // The build's own HTML, read with two patterns rather than a parser: this runs on every page of every
  // build. Attribute values are decoded as the browser does before hashing.
  // A <style> inside <svg> is foreign content: the browser decodes its entities (Mermaid writes "&gt;"), while
  // an HTML <style> is raw text. Each block is allowed in the form the browser will hash.
  const blocks = new Set(
    [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].flatMap((m) => [
      ...new Set([m[1]!, decodeEntities(m[1]!)]),
    ]),
  );
  const attributes = new Set(
    [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)).filter((value) => value !== ''),
  );
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const at = directives.findIndex((d) => d.startsWith('style-src '));
  const current = at === -1 ? ['style-src', "'self'"] : directives[at]!.split(/\s+/);
  const sources = new Set(current);
  for (const text of blocks) sources.add(hash(text));
  if (attributes.size > 0) sources.add("'unsafe-hashes'");
  for (const text of attributes) sources.add(hash(text));
  // Diagrams left for the reader's browser (no browser at build time) bring styles no build could hash:
  // such pages allow inline styles, and only styles. Hashes would make browsers ignore 'unsafe-inline'.
  if (html.includes('data-diagram="pending"')) {
    sources.clear();
    for (const source of ['style-src', "'self'", "'unsafe-inline'"]) sources.add(source);
  }
  if ([...sources].join(' ') === current.join(' ')) return html;
  const next = [...sources].join(' ');
  if (at === -1) directives.push(next);
  else directives[at] = next;
  const content = directives.join('; ').replaceAll("'", '&#39;');
  return html.replace(META, `$1${content}$3`);
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
