/**
 * Builders for the requests a client sends, so a playground can make each step's HTTP message from a few fields.
 */
import { formEncode, type Header, type HttpRequest } from './http.ts';

/** Client credentials to send with a token or device request. */
export type ClientCredentials =
  | { method: 'client_secret_basic'; client_id: string; secret: string }
  | { method: 'client_secret_post'; client_id: string; secret: string }
  | { method: 'none'; client_id: string };

const FORM: Header = ['Content-Type', 'application/x-www-form-urlencoded'];

function basic(clientId: string, secret: string): string {
  // RFC 6749 section 2.3.1: each part form-encoded, then joined by a colon and base64-encoded.
  const encode = (v: string): string => encodeURIComponent(v).replace(/%20/g, '+');
  return `Basic ${btoa(`${encode(clientId)}:${encode(secret)}`)}`;
}

/** GET /authorize with the given query parameters (RFC 6749 section 4.1.1). */
export function authorizationRequest(host: string, params: Readonly<Record<string, string | undefined>>): HttpRequest {
  return {
    kind: 'request',
    method: 'GET',
    target: `/authorize?${formEncode(params)}`,
    headers: [['Host', host]],
    body: '',
  };
}

function post(
  host: string,
  path: string,
  params: Readonly<Record<string, string | undefined>>,
  client: ClientCredentials,
): HttpRequest {
  const headers: Header[] = [['Host', host]];
  const body: Record<string, string | undefined> = { ...params };
  if (client.method === 'client_secret_basic') headers.push(['Authorization', basic(client.client_id, client.secret)]);
  else body['client_id'] = client.client_id;
  if (client.method === 'client_secret_post') body['client_secret'] = client.secret;
  headers.push(FORM);
  return { kind: 'request', method: 'POST', target: path, headers, body: formEncode(body) };
}

/** POST /token with the given form parameters and client authentication (RFC 6749 section 3.2). */
export function tokenRequest(
  host: string,
  params: Readonly<Record<string, string | undefined>>,
  client: ClientCredentials,
): HttpRequest {
  return post(host, '/token', params, client);
}

/** POST /device_authorization (RFC 8628 section 3.1). */
export function deviceAuthorizationRequest(
  host: string,
  scope: string | undefined,
  client: ClientCredentials,
): HttpRequest {
  return post(host, '/device_authorization', { scope }, client);
}

/** A GET to a protected resource, with the access token in the Authorization header when given (RFC 6750 section 2.1). */
export function resourceRequest(host: string, path: string, accessToken?: string): HttpRequest {
  const headers: Header[] = [['Host', host]];
  if (accessToken !== undefined) headers.push(['Authorization', `Bearer ${accessToken}`]);
  return { kind: 'request', method: 'GET', target: path, headers, body: '' };
}
