/** Whether the browser offers Web Crypto, which the playground needs; read by its Start button before loading it. */

/** Why the playground cannot run here, or null when Web Crypto is available. */
export function webCryptoProblem(scope: { crypto?: { subtle?: unknown } }): string | null {
  if (scope.crypto?.subtle) return null;
  // Browsers expose crypto.subtle only in secure contexts: https:// pages and localhost.
  return 'Signing ID tokens and hashing PKCE verifiers needs Web Crypto, which browsers only offer on https:// pages or on localhost. This page was opened over plain http:// on another host: open it over https:// (or from localhost) to run the playground.';
}
