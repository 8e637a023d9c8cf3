/** What a link to a specification points at, or why it cannot be checked as written. */
export type SpecLink =
  /** A numbered section or appendix of a document. */
  | { readonly kind: 'section'; readonly doc: string; readonly section: string; readonly anchor: string }
  /** The document as a whole: not a citation of anything in particular. */
  | { readonly kind: 'no-section'; readonly doc: string }
  /** An anchor that names no section (`#page-5`, an OpenID anchor we have no number for). */
  | { readonly kind: 'unknown-anchor'; readonly doc: string; readonly anchor: string };

/**
 * Named anchors of the OpenID Connect Core 1.0 HTML page, with the section number and heading each names. The
 * checker confirms the heading in the text, so an entry here cannot silently point at the wrong section.
 */
export const OPENID_ANCHORS: Readonly<Record<string, Readonly<Record<string, { section: string; title: string }>>>> = {
  'oidc-core-1_0': {
    IDToken: { section: '2', title: 'ID Token' },
    CodeFlowAuth: { section: '3.1', title: 'Authentication using the Authorization Code Flow' },
    AuthRequest: { section: '3.1.2.1', title: 'Authentication Request' },
    AuthResponse: { section: '3.1.2.5', title: 'Successful Authentication Response' },
    AuthError: { section: '3.1.2.6', title: 'Authentication Error Response' },
    TokenRequest: { section: '3.1.3.1', title: 'Token Request' },
    TokenResponse: { section: '3.1.3.3', title: 'Successful Token Response' },
    IDTokenValidation: { section: '3.1.3.7', title: 'ID Token Validation' },
    ImplicitFlowAuth: { section: '3.2', title: 'Authentication using the Implicit Flow' },
    HybridFlowAuth: { section: '3.3', title: 'Authentication using the Hybrid Flow' },
    UserInfo: { section: '5.3', title: 'UserInfo Endpoint' },
  },
  'oidc-ciba-core-1_0': {},
};

// openid.net page names of the OpenID texts in the library.
const OPENID_PAGES: Readonly<Record<string, string>> = {
  'openid-connect-core-1_0': 'oidc-core-1_0',
  'openid-client-initiated-backchannel-authentication-core-1_0': 'oidc-ciba-core-1_0',
};

// `section-4.1.2`, `appendix-B`, `appendix-A.1` (RFC Editor and datatracker HTML).
const NUMBERED_ANCHOR = /^(?:section-(\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)|appendix-([A-Z](?:\.\d+)*))$/;

function numberedSection(anchor: string): string | undefined {
  const match = NUMBERED_ANCHOR.exec(anchor);
  return match ? (match[1] ?? match[2]) : undefined;
}

function ietfDocument(url: URL): string | undefined {
  const path = url.pathname.replace(/\/+$/, '');
  const host = url.hostname;
  let match: RegExpExecArray | null = null;
  if (host === 'www.rfc-editor.org' || host === 'rfc-editor.org')
    match = /^\/rfc\/(rfc\d+)(?:\.html|\.txt)?$/.exec(path);
  else if (host === 'datatracker.ietf.org')
    match = /^\/doc\/(?:html\/)?(rfc\d+|draft-[a-z0-9-]+?)(?:-\d\d)?$/.exec(path);
  else if (host === 'tools.ietf.org') match = /^\/html\/(rfc\d+|draft-[a-z0-9-]+?)(?:-\d\d)?$/.exec(path);
  return match?.[1];
}

/** Reads a link as a citation of a specification; undefined when the URL is not a specification's page. */
export function parseSpecLink(href: string): SpecLink | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const anchor = decodeURIComponent(url.hash.slice(1));
  const ietf = ietfDocument(url);
  if (ietf) {
    if (!anchor) return { kind: 'no-section', doc: ietf };
    const section = numberedSection(anchor);
    return section ? { kind: 'section', doc: ietf, section, anchor } : { kind: 'unknown-anchor', doc: ietf, anchor };
  }
  const openid = /^\/specs\/([a-z0-9_-]+?)(?:-final|-errata\d)?\.html$/.exec(url.pathname);
  const doc = url.hostname === 'openid.net' && openid ? OPENID_PAGES[openid[1]!] : undefined;
  if (!doc) return undefined;
  if (!anchor) return { kind: 'no-section', doc };
  const named = OPENID_ANCHORS[doc]?.[anchor];
  if (named) return { kind: 'section', doc, section: named.section, anchor };
  const section = numberedSection(anchor);
  return section ? { kind: 'section', doc, section, anchor } : { kind: 'unknown-anchor', doc, anchor };
}

/** How a page names a document: "RFC 9700", "OpenID Connect Core 1.0", "draft-ietf-oauth-v2-1". */
export function documentName(doc: string): string {
  const rfc = /^rfc(\d+)$/.exec(doc);
  if (rfc) return `RFC ${rfc[1]}`;
  if (doc === 'oidc-core-1_0') return 'OpenID Connect Core 1.0';
  if (doc === 'oidc-ciba-core-1_0') return 'OpenID Connect CIBA Core 1.0';
  return doc;
}

/** The link an author should write for a section of a document. */
export function sectionUrl(doc: string, section: string): string {
  const fragment = /^[A-Z]/.test(section) ? `appendix-${section}` : `section-${section}`;
  if (doc.startsWith('rfc')) return `https://www.rfc-editor.org/rfc/${doc}#${fragment}`;
  if (doc.startsWith('draft-')) return `https://datatracker.ietf.org/doc/html/${doc}#${fragment}`;
  const page = Object.entries(OPENID_PAGES).find(([, stem]) => stem === doc)?.[0];
  const named = Object.entries(OPENID_ANCHORS[doc] ?? {}).find(([, target]) => target.section === section)?.[0];
  return `https://openid.net/specs/${page ?? doc}.html#${named ?? fragment}`;
}
