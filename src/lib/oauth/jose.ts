/**
 * The little JOSE the model needs: base64url, SHA-256, the PKCE S256 transform, at_hash, and RS256 JWTs with a
 * JWKS, all on Web Crypto (`globalThis.crypto.subtle`).
 */

import { base64UrlEncode as base64url, webCryptoSha256 } from '../../pkce/s256.ts';

/** A public RSA key as published in a JWKS (RFC 7517). */
export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
}

/** A private RSA key in JWK form, as committed for the site's example key. */
export interface PrivateJwk extends PublicJwk {
  d: string;
  p: string;
  q: string;
  dp: string;
  dq: string;
  qi: string;
}

/** A JWK Set (RFC 7517 section 5). */
export interface Jwks {
  keys: PublicJwk[];
}

/** The server's signing key, imported for Web Crypto. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

/** The claims of an ID token the model reads and writes (OIDC Core section 2). */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  auth_time?: number;
  nonce?: string;
  at_hash?: string;
  [claim: string]: unknown;
}

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const encoder = new TextEncoder();

/**
 * Base64url without padding (RFC 7636 Appendix A) and the PKCE S256 transform: the PKCE module's own (one
 * implementation for the calculator, the model and the playground).
 */
export { base64UrlEncode as base64url, s256 } from '../../pkce/s256.ts';

/** Decodes base64url; null when the text is not base64url. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** SHA-256 of the UTF-8 bytes of a string. */
export async function sha256(text: string): Promise<Uint8Array> {
  return webCryptoSha256(encoder.encode(text));
}

/** at_hash: base64url of the left half of SHA-256 of the access token (OIDC Core section 3.1.3.6). */
export async function atHash(accessToken: string): Promise<string> {
  return base64url((await sha256(accessToken)).slice(0, 16));
}

/** Imports a private RSA JWK as the server's RS256 signing key. */
export async function importSigningKey(jwk: PrivateJwk): Promise<SigningKey> {
  const privateKey = await crypto.subtle.importKey('jwk', { ...jwk, key_ops: ['sign'] }, RS256, false, ['sign']);
  const { kty, kid, use, alg, n, e } = jwk;
  return { kid, privateKey, publicJwk: { kty, kid, use, alg, n, e } };
}

/** The JWKS that publishes a signing key's public half. */
export function jwksOf(key: SigningKey): Jwks {
  return { keys: [key.publicJwk] };
}

function encodeJson(value: unknown): string {
  return base64url(encoder.encode(JSON.stringify(value)));
}

/** Signs claims as a compact RS256 JWT with the key's kid in the header. */
export async function signJwt(claims: IdTokenClaims, key: SigningKey): Promise<string> {
  const input = `${encodeJson({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${encodeJson(claims)}`;
  const signature = await crypto.subtle.sign(RS256, key.privateKey, encoder.encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

/** What verifyJwt found: the decoded token, or a sentence saying why it is not a valid JWT for this JWKS. */
export type JwtVerification =
  { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> } | { ok: false; reason: string };

/** Decodes one base64url part of a compact JWT as a JSON object; null when it is not one. */
export function decodeJson(part: string): Record<string, unknown> | null {
  const bytes = base64urlDecode(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Decodes a compact JWT and checks its RS256 signature against a JWKS. */
export async function verifyJwt(jwt: string, jwks: Jwks): Promise<JwtVerification> {
  const parts = jwt.split('.');
  if (parts.length !== 3) return { ok: false, reason: `it has ${parts.length} dot-separated parts, a JWS has 3` };
  const [headerPart = '', claimsPart = '', signaturePart = ''] = parts;
  const header = decodeJson(headerPart);
  const claims = decodeJson(claimsPart);
  const signature = base64urlDecode(signaturePart);
  if (!header || !claims || !signature) return { ok: false, reason: 'its header or payload is not base64url JSON' };
  if (header['alg'] !== 'RS256') return { ok: false, reason: `its alg is ${String(header['alg'])}, not RS256` };
  const jwk = jwks.keys.find((k) => k.kid === header['kid']);
  if (!jwk) return { ok: false, reason: `no key with kid "${String(header['kid'])}" is in the published JWKS` };
  const key = await crypto.subtle.importKey('jwk', jwk, RS256, false, ['verify']);
  const valid = await crypto.subtle.verify(RS256, key, signature, encoder.encode(`${headerPart}.${claimsPart}`));
  return valid ? { ok: true, header, claims } : { ok: false, reason: 'its signature does not verify' };
}
