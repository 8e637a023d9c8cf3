import type { Jwks } from '../../lib/oauth/index.ts';
import type { Step } from '../session.ts';

interface Props {
  token: NonNullable<Step['idToken']>;
  jwks: Jwks;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** The ID token of a token response, decoded, with its signature check against the playground's JWKS. */
export function IdTokenView({ token, jwks }: Props) {
  return (
    <div class="playground__id-token">
      {'claims' in token ? (
        <>
          <p class="playground__result playground__result--ok">
            ID token: the RS256 signature verifies against the playground’s JWKS (key {String(token.header['kid'])}).
          </p>
          <div class="playground__columns">
            <pre tabIndex={0} role="group" aria-label="ID token header, decoded">
              <code>{json(token.header)}</code>
            </pre>
            <pre tabIndex={0} role="group" aria-label="ID token claims, decoded">
              <code>{json(token.claims)}</code>
            </pre>
          </div>
        </>
      ) : (
        <p class="playground__result playground__result--error">The ID token does not verify: {token.reason}.</p>
      )}
      <details>
        <summary>The playground’s JWKS (its key was generated in this page)</summary>
        <pre tabIndex={0} role="group" aria-label="JWKS">
          <code>{json(jwks)}</code>
        </pre>
      </details>
    </div>
  );
}
