/** Joins the site's base path and a root-relative path, with one trailing-slash policy: page URLs end in "/". */
export function withBase(base: string, href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const match = /^([^?#]*)([?#].*)?$/.exec(href);
  let path = match?.[1] ?? href;
  const rest = match?.[2] ?? '';
  const last = path.split('/').pop() ?? '';
  // Paths to files (favicon.svg, pagefind/…js) keep their name; page paths get the trailing slash.
  if (!path.endsWith('/') && !last.includes('.')) path += '/';
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path}${rest}`;
}
