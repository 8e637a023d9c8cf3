const RFC = 'https://www.rfc-editor.org/rfc/rfc7636';

/** Why the plain method should not be used, with the sections of RFC 7636 that say so. */
export function PlainWarning() {
  return (
    <div class="callout callout--guidance pkce-plain">
      <p class="callout__title">Avoid plain: it protects almost nothing</p>
      <p>
        With <code>plain</code>, the code_challenge is the code_verifier itself. Whoever can read the authorization
        request (a log, the browser history, another app on the device) then holds the very secret that redeems the
        authorization code.
      </p>
      <p>
        <a href={`${RFC}#section-4.2`}>RFC 7636, section 4.2</a> allows plain only for a client that cannot compute
        SHA-256 and knows the server accepts it; <a href={`${RFC}#section-7.2`}>section 7.2</a> explains that only S256
        stays safe when the request is seen by others. Every current platform can hash, so choose S256.
      </p>
    </div>
  );
}
