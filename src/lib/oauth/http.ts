/**
 * HTTP messages as the model sends and receives them, with a parser and a serializer for the wire format
 * (request or status line, headers, blank line, body).
 */

/** A header as written: name and value, in order. */
export type Header = readonly [name: string, value: string];

/** An HTTP request. `target` is the request target: path and query. */
export interface HttpRequest {
  kind: 'request';
  method: string;
  target: string;
  headers: readonly Header[];
  body: string;
}

/** An HTTP response. */
export interface HttpResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: readonly Header[];
  body: string;
}

/** Either kind of message. */
export type HttpMessage = HttpRequest | HttpResponse;

/** The value of the first header with this name (case-insensitive), if any. */
export function header(message: HttpMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  return message.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Form parameters (application/x-www-form-urlencoded, `+` is a space) as a plain record; a parameter sent twice is listed in `repeated`. */
export function parseForm(text: string): { params: Record<string, string>; repeated: string[] } {
  const params: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [name, value] of new URLSearchParams(text)) {
    if (name in params) repeated.push(name);
    // RFC 6749 section 3.1: parameters sent without a value are treated as omitted.
    else if (value !== '') params[name] = value;
  }
  return { params, repeated };
}

/** Encodes parameters as a form body or query string (spaces as %20, as the site's examples write them). */
export function formEncode(params: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** The path of a request target, without the query. */
export function targetPath(target: string): string {
  return target.split('?')[0] ?? '';
}

/** The query of a request target, without `?`. */
export function targetQuery(target: string): string {
  const index = target.indexOf('?');
  return index < 0 ? '' : target.slice(index + 1);
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  405: 'Method Not Allowed',
};

/** Builds a response with the standard reason phrase. */
export function response(status: number, headers: readonly Header[], body = ''): HttpResponse {
  return { kind: 'response', status, reason: REASONS[status] ?? '', headers, body };
}

/** A JSON response with the given status and extra headers. */
export function jsonResponse(status: number, body: unknown, headers: readonly Header[] = []): HttpResponse {
  return response(status, [...headers, ['Content-Type', 'application/json']], JSON.stringify(body, null, 2));
}

/** Writes a message as on the wire (LF line ends, as in the site's examples). */
export function toWire(message: HttpMessage): string {
  const start =
    message.kind === 'request'
      ? `${message.method} ${message.target} HTTP/1.1`
      : `HTTP/1.1 ${message.status} ${message.reason}`.trimEnd();
  const head = [start, ...message.headers.map(([n, v]) => `${n}: ${v}`)].join('\n');
  return message.body === '' ? head : `${head}\n\n${message.body}`;
}

/** A message that could not be parsed, with the 0-based line of the problem inside the block. */
export interface HttpParseError {
  error: string;
  line: number;
}

/** Parses one HTTP message as written in an example block. */
export function parseHttp(text: string): HttpMessage | HttpParseError {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = lines[0] ?? '';
  const headers: Header[] = [];
  let index = 1;
  for (; index < lines.length && lines[index] !== ''; index++) {
    const line = lines[index] ?? '';
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
      return { error: `"${line}" is not a header line ("Name: value")`, line: index };
    }
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const body = lines
    .slice(index + 1)
    .join('\n')
    .trim();
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(start);
  if (status) return { kind: 'response', status: Number(status[1]), reason: status[2] ?? '', headers, body };
  const request = /^([A-Z]+) (\S+) HTTP\/\d(?:\.\d)?$/.exec(start);
  if (request) return { kind: 'request', method: request[1] ?? '', target: request[2] ?? '', headers, body };
  return {
    error: `"${start}" is neither a request line ("GET /path HTTP/1.1") nor a status line ("HTTP/1.1 200 OK")`,
    line: 0,
  };
}
