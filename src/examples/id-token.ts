/**
 * Signed example ID tokens for the site's pages: the claims OpenID Connect Core section 2 requires, defaults from
 * the example world, at_hash from the access token of the same response, signed with the published example key.
 */
import { atHash, importSigningKey, signJwt, type IdTokenClaims } from '../lib/oauth/index.ts';
import { EXAMPLE_PRIVATE_JWK } from './example-key.ts';
import { EXAMPLE_EPOCH, EXAMPLE_SERVER, EXAMPLE_USER } from './example-world.ts';

/** Makes a signed example ID token; throws a sentence for the author when the claims cannot make a valid one. */
export async function makeExampleIdToken(claims: Record<string, unknown>, accessToken?: string): Promise<string> {
  if (typeof claims['aud'] !== 'string' && !Array.isArray(claims['aud'])) {
    throw new Error('aud is required: the client_id of the client the token is for, e.g. {"aud": "web-portal"}');
  }
  const full: IdTokenClaims = {
    iss: EXAMPLE_SERVER.issuer,
    sub: EXAMPLE_USER.sub,
    aud: claims['aud'] as string | string[],
    exp: EXAMPLE_EPOCH + 3600,
    iat: EXAMPLE_EPOCH,
    ...claims,
  };
  if (accessToken !== undefined) {
    const hash = await atHash(accessToken);
    if (claims['at_hash'] !== undefined && claims['at_hash'] !== hash) {
      throw new Error(
        `at_hash ${String(claims['at_hash'])} does not match the access token (it is ${hash}); leave it out`,
      );
    }
    full.at_hash = hash;
  }
  return signJwt(full, await importSigningKey(EXAMPLE_PRIVATE_JWK));
}
