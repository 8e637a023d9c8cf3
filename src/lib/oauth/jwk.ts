/**
 * JWS with a given public JWK (ES256 on P-256, RS256) and JWK SHA-256 thumbprints, for DPoP proofs and
 * `private_key_jwt` client assertions. Web Crypto only; only `handleExtended` uses it, so the base model's bundle
 * does not carry it.
 */
import { base64url, base64urlDecode, decodeJson, sha256 } from './jose.ts';
import type { PublicKeyJwk } from './types.ts';

/** A decoded compact JWS, before its signature is checked. */
export interface DecodedJws {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

/** Splits and decodes a compact JWS; a sentence saying why when it is not one. */
export function decodeJws(jwt: string): DecodedJws | string {
  const parts = jwt.split('.');
  if (parts.length !== 3) return `it has ${parts.length} dot-separated parts, a JWS has 3`;
  const [h = '', c = '', s = ''] = parts;
  const header = decodeJson(h);
  const claims = decodeJson(c);
  const signature = base64urlDecode(s);
  if (!header || !claims || !signature) return 'its header or payload is not base64url JSON';
  return { header, claims, signingInput: `${h}.${c}`, signature };
}

const ALGORITHMS = {
  ES256: {
    import: { name: 'ECDSA', namedCurve: 'P-256' },
    verify: { name: 'ECDSA', hash: 'SHA-256' },
    kty: 'EC',
  },
  RS256: {
    import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    verify: { name: 'RSASSA-PKCS1-v1_5' },
    kty: 'RSA',
  },
} as const;

/** The asymmetric JWS algorithms the model verifies (RFC 9449 section 4.2 forbids none and MACs). */
export const SUPPORTED_ALGS: readonly string[] = Object.keys(ALGORITHMS);

/** Checks a decoded JWS's signature with a public JWK; a sentence saying why when it does not verify. */
export async function verifyWithJwk(jws: DecodedJws, jwk: PublicKeyJwk): Promise<string | null> {
  const alg = jws.header['alg'];
  const spec = ALGORITHMS[alg as keyof typeof ALGORITHMS] as (typeof ALGORITHMS)[keyof typeof ALGORITHMS] | undefined;
  if (!spec) return `its alg is ${String(alg)}; use an asymmetric algorithm: ${SUPPORTED_ALGS.join(' or ')}`;
  if (jwk.kty !== spec.kty) return `its alg ${String(alg)} does not fit a ${jwk.kty} key`;
  try {
    const { kty, crv, x, y, n, e } = jwk;
    const members = Object.entries({ kty, crv, x, y, n, e }).filter((entry) => entry[1] !== undefined);
    const data = Object.fromEntries(members) as JsonWebKey;
    const key = await crypto.subtle.importKey('jwk', data, spec.import, false, ['verify']);
    const ok = await crypto.subtle.verify(spec.verify, key, jws.signature, new TextEncoder().encode(jws.signingInput));
    return ok ? null : 'its signature does not verify';
  } catch {
    return 'its key is not a usable public key';
  }
}

/** Members that only a private or symmetric JWK has (RFC 9449 section 4.3 step 7). */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The JWK SHA-256 thumbprint of a public EC or RSA key: its required members in lexicographic order (RFC 9449 section 6.1, via RFC 7638). */
export async function jwkThumbprint(jwk: PublicKeyJwk): Promise<string> {
  const members =
    jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return base64url(await sha256(JSON.stringify(members)));
}
