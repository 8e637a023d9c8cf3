/**
 * Runs a page's HTTP examples through the OAuth model as one exchange, in document order, and reports every
 * example a correct server would not produce, as `file:line: what. Rule: id (doc section n, LEVEL). Fix.`
 */
import {
  atHash,
  createAuthorizationServer,
  decide,
  decideDevice,
  forkServer,
  grantDirectly,
  header,
  importSigningKey,
  jwksOf,
  parseForm,
  parseHttp,
  targetPath,
  targetQuery,
  verifyJwt,
  type AuthorizationServer,
  type Context,
  type ErrorCode,
  type HttpMessage,
  type HttpRequest,
  type HttpResponse,
  type MintKind,
  type SigningKey,
} from '../lib/oauth/index.ts';
import {
  callResourceExtended,
  decideBackchannel,
  handleExtended,
  type ExtendedExchange,
} from '../lib/oauth/extended-server.ts';
import { citeAnyRule, EXTENSION_RULES, type AnyRuleId } from '../lib/oauth/extension-rules.ts';
import { RULES } from '../lib/oauth/rules.ts';
import { decodeJws } from '../lib/oauth/jwk.ts';
import { findHttpBlocks, type HttpBlock } from './blocks.ts';
import { EXAMPLE_PRIVATE_JWK } from './example-key.ts';
import {
  EXAMPLE_EPOCH,
  EXAMPLE_JWKS_PATH,
  EXAMPLE_RESOURCE_SERVERS,
  EXAMPLE_SERVER,
  EXAMPLE_USER,
} from './example-world.ts';
import { fixFor } from './fixes.ts';

/** Rules of the examples themselves (the site's convention in CONTRIBUTING.md), beside the model's spec rules. */
export const EXAMPLE_RULES = {
  'example-syntax': 'An http block holds exactly one HTTP message: request or status line, headers, blank line, body.',
  'example-meta': 'Fence meta words are expect=<error_code>, legacy and given.',
  'example-exchange':
    'A response block follows the request it answers; requests go to auth.example.com or a resource server of the example world.',
  'example-expect':
    'A block shows an error only when marked expect=<error_code>, and the model produces exactly that error.',
  'example-response': 'A response shows what the model answers to the request before it.',
} as const;

/** The id of an example rule. */
export type ExampleRuleId = keyof typeof EXAMPLE_RULES;

/** One problem with one example. */
export interface Problem {
  file: string;
  line: number;
  rule: AnyRuleId | ExampleRuleId;
  /** The full message: `file:line: what is wrong. Rule: id (citation). What to write instead.` */
  message: string;
}

const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'invalid_client',
  'invalid_grant',
  'unsupported_grant_type',
  'authorization_pending',
  'slow_down',
  'expired_token',
  'login_required',
  'consent_required',
  'invalid_token',
  'insufficient_scope',
  'invalid_target',
  'unknown_user_id',
  'invalid_dpop_proof',
];

interface Meta {
  expect?: ErrorCode;
  legacy: boolean;
  given: boolean;
}

/** What the last request did, kept for the responses that follow it. */
interface Step {
  block: HttpBlock;
  request: HttpRequest;
  ctx: Context;
  /** The server as it was before this request, for "what if" answers. */
  before: AuthorizationServer;
  result: ExtendedExchange;
  /** The request was refused and that was already reported. */
  reported: boolean;
}

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).replace(/\.\s*$/, '');

function citation(rule: AnyRuleId | ExampleRuleId): string {
  return rule in RULES || rule in EXTENSION_RULES
    ? citeAnyRule(rule as AnyRuleId)
    : 'CONTRIBUTING.md, "Write an HTTP example the model checks"';
}

/** Values the next response shows, handed to the model so it issues exactly those. */
class Hints {
  private values: Partial<Record<MintKind, string>> = {};
  ttl: NonNullable<Context['ttl']> = {};
  set(next: HttpMessage | undefined): void {
    this.values = {};
    this.ttl = {};
    if (!next || next.kind !== 'response') return;
    const params = responseParams(next);
    const kinds = ['code', 'access_token', 'refresh_token', 'device_code', 'user_code', 'request_uri', 'auth_req_id'];
    for (const kind of kinds as MintKind[]) {
      const value = params[kind];
      if (typeof value === 'string') this.values[kind] = value;
    }
    const expiresIn = Number(params['expires_in']);
    if (Number.isInteger(expiresIn) && expiresIn > 0) {
      // expires_in is the lifetime of the first of these the response carries.
      const of = (['device_code', 'auth_req_id', 'request_uri'] as const).find((k) => typeof params[k] === 'string');
      this.ttl[of ?? 'access_token'] = expiresIn;
    }
    const interval = Number(params['interval']);
    if (Number.isInteger(interval) && interval > 0) this.ttl.interval = interval;
  }
  take(kind: MintKind): string | undefined {
    const value = this.values[kind];
    delete this.values[kind];
    return value;
  }
}

/** Parameters of a response: its JSON body, or the query/fragment of its Location. */
function responseParams(message: HttpResponse): Record<string, unknown> {
  const location = header(message, 'location');
  if (location !== undefined) {
    const split = location.search(/[?#]/);
    return split < 0 ? {} : parseForm(location.slice(split + 1)).params;
  }
  try {
    const body: unknown = JSON.parse(message.body);
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function requestParams(request: HttpRequest): Record<string, string> {
  return parseForm(request.method === 'GET' ? targetQuery(request.target) : request.body).params;
}

function clientIdOf(request: HttpRequest): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  if (basic) {
    try {
      return decodeURIComponent(atob(basic).split(':')[0] ?? '');
    } catch {
      return undefined;
    }
  }
  return requestParams(request)['client_id'];
}

/** Checks the ```http blocks of one page; `file` is how messages name the page (e.g. content/api-auth/x.mdx). */
export async function checkExchange(blocks: readonly HttpBlock[], file: string, key?: SigningKey): Promise<Problem[]> {
  const problems: Problem[] = [];
  const report = (line: number, rule: AnyRuleId | ExampleRuleId, what: string, fix: string): void => {
    problems.push({
      file,
      line,
      rule,
      message: `${file}:${line}: ${sentence(what)}. Rule: ${rule} (${citation(rule)}). ${fix}`,
    });
  };
  if (blocks.length === 0) return problems;
  const signingKey = key ?? (await importSigningKey(EXAMPLE_PRIVATE_JWK));
  const hints = new Hints();
  let serial = 0;
  const server = createAuthorizationServer(
    EXAMPLE_SERVER,
    signingKey,
    (kind) => hints.take(kind) ?? `example-${kind}-${++serial}`,
  );
  const issuerHost = new URL(EXAMPLE_SERVER.issuer).host;
  const lastScope: Record<string, string> = {};
  let now = EXAMPLE_EPOCH;
  let step: Step | undefined;
  let previousKind: 'request' | 'response' | undefined;

  const messages = blocks.map((b) => parseHttp(b.text));

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as HttpBlock;
    const message = messages[i] as ReturnType<typeof parseHttp>;
    if ('error' in message) {
      report(
        block.line + message.line,
        'example-syntax',
        message.error,
        'Write one HTTP message per block, as on the wire',
      );
      previousKind = undefined;
      continue;
    }
    const meta = parseMeta(block, report);
    if (message.kind === 'request') {
      const next = messages[i + 1];
      const nextBlock = blocks[i + 1];
      const nextResponse = next && !('error' in next) && next.kind === 'response' ? next : undefined;
      const nextExpect = nextResponse && nextBlock ? parseMeta(nextBlock, () => undefined).expect : undefined;
      hints.set(nextExpect ? undefined : nextResponse);
      const pending = pendingPoll(server, message);
      // A signed proof or assertion says when the client made the request: the page's clock moves on to it.
      now = Math.max(now + (pending ? pending.interval : 1), madeAt(message));
      const ctx: Context = { now, profile: meta.legacy ? 'rfc6749' : 'current', ttl: { ...hints.ttl } };
      const params = requestParams(message);
      if (targetPath(message.target) === '/authorize' && params['client_id'] && params['scope']) {
        lastScope[params['client_id']] = params['scope'];
      }
      if (meta.given) await seedGiven(server, message, lastScope, ctx);
      const before = forkServer(server);
      const waitFor = meta.expect ?? nextExpect;
      const result = await run(server, message, ctx, { issuerHost, approve: !isRefusal(waitFor) });
      if (!result) {
        report(
          block.line,
          'example-exchange',
          `No endpoint of the example world answers ${message.method} ${message.target} at ${header(message, 'host') ?? 'no Host'}`,
          `Send it to ${issuerHost} (/authorize, /par, /token, /device_authorization, /bc-authorize) or ${EXAMPLE_RESOURCE_SERVERS.map((r) => r.host).join(', ')}`,
        );
        step = undefined;
        previousKind = 'request';
        continue;
      }
      step = { block, request: message, ctx, before, result, reported: false };
      const outcome = result.outcome;
      if (meta.expect) {
        if (outcome.kind !== 'error' || outcome.error !== meta.expect) {
          report(
            block.line,
            'example-expect',
            `Marked expect=${meta.expect}, but the model answers ${describe(result)}`,
            `Change the request so it fails with ${meta.expect}, or fix the meta word`,
          );
        }
        step.reported = true;
      } else if (outcome.kind === 'error' && outcome.error !== nextExpect) {
        report(block.line, outcome.rule, outcome.description, fixFor(outcome.rule, outcome.error));
        step.reported = true;
      }
      previousKind = 'request';
      continue;
    }

    // A response.
    if (!step) {
      report(
        block.line,
        'example-exchange',
        'This response has no request before it on the page',
        'Put the request it answers in an http block above it',
      );
      previousKind = 'response';
      continue;
    }
    if (meta.expect) {
      const answer = await whatIf(
        step,
        meta.expect,
        previousKind === 'request' ? 'direct' : 'alternative',
        server,
        issuerHost,
      );
      if (!answer) {
        report(
          block.line,
          'example-expect',
          `Marked expect=${meta.expect}, but the model cannot answer the request on line ${step.block.line} with ${meta.expect}`,
          'Show an error this request can get, or add a request that gets this one',
        );
      } else {
        if (previousKind === 'request') {
          server.state = answer.server.state;
          step.result = answer.result;
        }
        await compare(message, block, answer.result, step, report, signingKey, now);
      }
    } else if (!step.reported) {
      if (previousKind === 'response' && step.result.outcome.kind !== 'error') {
        report(
          block.line,
          'example-expect',
          `This is a second response to the request on line ${step.block.line}`,
          'Mark it expect=<error_code> if it shows what happens in another situation, or add the request it answers',
        );
      } else {
        await compare(message, block, step.result, step, report, signingKey, now);
      }
    }
    previousKind = 'response';
  }
  return problems;
}

/** Checks every ```http block of a page's Markdown/MDX source as one exchange. */
export async function checkPageExamples(markdownSource: string, filePath: string): Promise<Problem[]> {
  return checkExchange(findHttpBlocks(markdownSource), filePath);
}

const REFUSALS: readonly ErrorCode[] = [
  'access_denied',
  'authorization_pending',
  'slow_down',
  'expired_token',
  'login_required',
  'consent_required',
];
const isRefusal = (code: ErrorCode | undefined): boolean => code !== undefined && REFUSALS.includes(code);

function parseMeta(
  block: HttpBlock,
  report: (line: number, rule: ExampleRuleId, what: string, fix: string) => void,
): Meta {
  const meta: Meta = { legacy: false, given: false };
  for (const word of block.meta) {
    const expect = /^expect=(.*)$/.exec(word)?.[1];
    if (expect !== undefined) {
      if ((ERROR_CODES as readonly string[]).includes(expect)) meta.expect = expect as ErrorCode;
      else
        report(
          block.line - 1,
          'example-meta',
          `expect=${expect} is not an error code the model knows`,
          `Use one of: ${ERROR_CODES.join(', ')}`,
        );
    } else if (word === 'legacy') meta.legacy = true;
    else if (word === 'given') meta.given = true;
    else
      report(
        block.line - 1,
        'example-meta',
        `Unknown fence meta word "${word}"`,
        'Use expect=<error_code>, legacy or given',
      );
  }
  return meta;
}

function pendingDevice(server: AuthorizationServer, request: HttpRequest) {
  if (targetPath(request.target) !== '/token') return undefined;
  const code = parseForm(request.body).params['device_code'];
  return code === undefined ? undefined : server.state.devices[code];
}

function pendingBackchannel(server: AuthorizationServer, request: HttpRequest) {
  if (targetPath(request.target) !== '/token') return undefined;
  const id = parseForm(request.body).params['auth_req_id'];
  return id === undefined ? undefined : server.state.backchannel?.[id];
}

/** The device or CIBA request a poll is about: the client waits its interval before polling. */
function pendingPoll(server: AuthorizationServer, request: HttpRequest): { interval: number } | undefined {
  return pendingDevice(server, request) ?? pendingBackchannel(server, request);
}

/** The latest iat of the request's DPoP proof and client assertion; 0 when it has neither. */
function madeAt(request: HttpRequest): number {
  const jwts = [header(request, 'dpop'), requestParams(request)['client_assertion']];
  const times = jwts.map((jwt) => {
    const jws = jwt === undefined ? 'none' : decodeJws(jwt);
    return typeof jws === 'string' ? 0 : Number(jws.claims['iat']) || 0;
  });
  return Math.max(0, ...times);
}

/** Sends one request; plays the user where the flow needs one (sign-in and consent, approving a device or a CIBA request). */
async function run(
  server: AuthorizationServer,
  request: HttpRequest,
  ctx: Context,
  options: { issuerHost: string; approve: boolean },
): Promise<ExtendedExchange | null> {
  const host = header(request, 'host');
  const resourceServer = EXAMPLE_RESOURCE_SERVERS.find((r) => r.host === host);
  if (resourceServer) return callResourceExtended(server, resourceServer, request, ctx);
  if (host !== options.issuerHost) return null;
  const device = pendingDevice(server, request);
  if (device?.status === 'pending' && options.approve) {
    decideDevice(server, device.user_code, { sub: EXAMPLE_USER.sub, approve: true }, ctx);
  }
  const backchannel = pendingBackchannel(server, request);
  if (backchannel?.status === 'pending' && options.approve) {
    decideBackchannel(server, backchannel.auth_req_id, true, ctx);
  }
  const result = await handleExtended(server, request, ctx);
  if (result?.outcome.kind === 'interaction') {
    const decision = await decide(
      server,
      result.outcome.ticket,
      { sub: EXAMPLE_USER.sub, approve: options.approve },
      ctx,
    );
    return { ...decision, request, wire: { ...decision.wire, request: result.wire.request } };
  }
  return result;
}

/** `given`: the token or code this request presents was issued before the page's exchange starts. */
async function seedGiven(
  server: AuthorizationServer,
  request: HttpRequest,
  lastScope: Record<string, string>,
  ctx: Context,
): Promise<void> {
  const params = requestParams(request);
  const refresh = params['refresh_token'];
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  const saved = { ...ctx, ttl: {} };
  // Values the page does not show, minted without touching the hints meant for the next response.
  const own = (kind: MintKind): string => `given-${kind}-${Object.keys(server.state.accessTokens).length}`;
  if (refresh !== undefined && !server.state.refreshTokens[refresh]) {
    const clientId = clientIdOf(request) ?? '';
    const client = EXAMPLE_SERVER.clients.find((c) => c.client_id === clientId);
    const scope = lastScope[clientId] ?? client?.scopes.join(' ') ?? '';
    const mint = server.mint;
    server.mint = (kind) => (kind === 'refresh_token' ? refresh : own(kind));
    await grantDirectly(server, { client_id: clientId, sub: EXAMPLE_USER.sub, scope }, saved);
    server.mint = mint;
  } else if (bearer !== undefined && !server.state.accessTokens[bearer]) {
    const path = targetPath(request.target);
    const api = EXAMPLE_RESOURCE_SERVERS.find((r) => r.host === header(request, 'host'));
    const needed = api?.resources.find((r) => path === r.path || path.startsWith(`${r.path}/`))?.scope ?? '';
    const client = EXAMPLE_SERVER.clients.find((c) => c.scopes.includes(needed)) ?? EXAMPLE_SERVER.clients[0];
    const mint = server.mint;
    server.mint = (kind) => (kind === 'access_token' ? bearer : own(kind));
    const grant = { client_id: client?.client_id ?? '', sub: EXAMPLE_USER.sub, scope: needed };
    await grantDirectly(server, { ...grant, ...(api?.audience !== undefined && { audience: api.audience }) }, saved);
    server.mint = mint;
  }
}

function describe(result: ExtendedExchange): string {
  const { outcome } = result;
  if (outcome.kind === 'error')
    return `${outcome.error ?? `HTTP ${result.response.status} without an error code`} (${outcome.description})`;
  return `HTTP ${result.response.status} ${result.response.reason} (${outcome.kind})`;
}

/** The situations the checker can set up to make a request fail with a given error. */
async function whatIf(
  step: Step,
  code: ErrorCode,
  mode: 'direct' | 'alternative',
  current: AuthorizationServer,
  issuerHost: string,
): Promise<{ server: AuthorizationServer; result: ExtendedExchange } | null> {
  const { request, ctx } = step;
  const attempts: Array<() => Promise<{ server: AuthorizationServer; result: ExtendedExchange | null }>> = [];
  const fromBefore =
    (change: (r: HttpRequest, s: AuthorizationServer) => HttpRequest, c: Context = ctx, approve = false) =>
    async () => {
      const server = forkServer(step.before);
      return { server, result: await run(server, change(request, server), c, { issuerHost, approve }) };
    };
  if (mode === 'direct') attempts.push(async () => ({ server: current, result: step.result }));
  // The same request again, after it succeeded: a replayed code or refresh token.
  attempts.push(async () => {
    const server = forkServer(current);
    return { server, result: await run(server, request, { ...ctx, now: ctx.now + 1 }, { issuerHost, approve: true }) };
  });
  // The user declines, or has not acted yet; the device polls too fast.
  attempts.push(fromBefore((r) => r));
  attempts.push(async () => {
    const server = forkServer(step.before);
    await run(server, request, ctx, { issuerHost, approve: false });
    return { server, result: await run(server, request, { ...ctx, now: ctx.now + 1 }, { issuerHost, approve: false }) };
  });
  attempts.push(async () => {
    const server = forkServer(step.before);
    const device = pendingDevice(server, request);
    if (device) decideDevice(server, device.user_code, { sub: EXAMPLE_USER.sub, approve: false }, ctx);
    const backchannel = pendingBackchannel(server, request);
    if (backchannel) decideBackchannel(server, backchannel.auth_req_id, false, ctx);
    return { server, result: await run(server, request, ctx, { issuerHost, approve: false }) };
  });
  // No session, or no earlier consent, for prompt=none.
  attempts.push(fromBefore((r) => ({ ...r, headers: r.headers.filter(([n]) => n.toLowerCase() !== 'cookie') })));
  attempts.push(
    fromBefore((r, s) => {
      s.state.consents = [];
      return r;
    }),
  );
  // Wrong client credentials, or a wrong password.
  attempts.push(fromBefore(withWrongCredentials));
  attempts.push(fromBefore((r) => ({ ...r, body: r.body.replace(/(^|&)password=[^&]*/, '$1password=wrong') })));
  // A day later: codes, device codes and access tokens have expired.
  attempts.push(fromBefore((r) => r, { ...ctx, now: ctx.now + 86_400 }, true));
  for (const attempt of attempts) {
    const { server, result } = await attempt();
    if (result?.outcome.kind === 'error' && result.outcome.error === code) return { server, result };
    if (
      code === 'invalid_token' &&
      result?.response.status === 401 &&
      result.outcome.kind === 'error' &&
      result.outcome.error === code
    ) {
      return { server, result };
    }
  }
  return null;
}

function withWrongCredentials(request: HttpRequest): HttpRequest {
  const headers = request.headers.map(([n, v]): [string, string] => {
    if (n.toLowerCase() !== 'authorization' || !/^Basic /i.test(v)) return [n, v];
    const id = atob(v.replace(/^Basic\s+/i, '')).split(':')[0] ?? '';
    return [n, `Basic ${btoa(`${id}:wrong-secret`)}`];
  });
  let body = request.body.replace(/(^|&)client_secret=[^&]*/, '$1client_secret=wrong-secret');
  if (headers.every(([n]) => n.toLowerCase() !== 'authorization') && !/client_secret=/.test(body)) {
    body = body.replace(/(^|&)client_id=[^&]*/, '$1client_id=unknown-client');
  }
  return { ...request, headers, body };
}

type Report = (line: number, rule: AnyRuleId | ExampleRuleId, what: string, fix: string) => void;

/** Compares a response block with what the model answered. */
async function compare(
  page: HttpResponse,
  block: HttpBlock,
  result: ExtendedExchange,
  step: Step,
  report: Report,
  key: SigningKey,
  now: number,
): Promise<void> {
  const model = result.response;
  const { outcome } = result;
  const line = block.line;
  if (page.status !== model.status) {
    if (outcome.kind === 'error' && page.status < 300) {
      report(
        line,
        outcome.rule,
        `Shows HTTP ${page.status}, but the model refuses the request on line ${step.block.line}: ${outcome.description}`,
        fixFor(outcome.rule, outcome.error),
      );
    } else {
      report(
        line,
        'example-response',
        `Shows HTTP ${page.status}; the model answers the request on line ${step.block.line} with ${describe(result)}`,
        `Show HTTP ${model.status} ${model.reason}`,
      );
    }
    return;
  }
  const location = header(page, 'location');
  const modelLocation = header(model, 'location');
  if (modelLocation !== undefined) {
    compareRedirect(location, modelLocation, line, step, outcome.kind === 'error' ? outcome.error : null, report);
    return;
  }
  if (outcome.kind === 'error') {
    const pageError = responseParams(page)['error'];
    if (outcome.error !== null && page.body !== '' && pageError !== outcome.error) {
      report(
        line,
        'example-expect',
        `Shows error ${String(pageError)}; the model answers ${outcome.error}`,
        `Show "error": "${outcome.error}"`,
      );
    }
    const challenge = header(model, 'www-authenticate');
    if (challenge !== undefined && header(page, 'www-authenticate') === undefined) {
      const rule: AnyRuleId = outcome.error === 'invalid_client' ? 'client-auth-failed' : outcome.rule;
      report(
        line,
        rule,
        'A 401 response without WWW-Authenticate',
        `Add "WWW-Authenticate: ${challenge.split(',')[0]}"`,
      );
    }
    if (outcome.rule === 'bearer-missing' && /error=/.test(header(page, 'www-authenticate') ?? '')) {
      report(
        line,
        'bearer-missing',
        'The challenge carries an error code although the request had no token',
        `Write "WWW-Authenticate: ${challenge}"`,
      );
    }
    return;
  }
  if (outcome.kind === 'tokens') await compareTokens(page, line, result, step, report, key, now);
  if (outcome.kind === 'device' || outcome.kind === 'pushed' || outcome.kind === 'backchannel') {
    const shown = responseParams(page);
    const [required, rule, what] = {
      device: [
        ['device_code', 'user_code', 'verification_uri', 'expires_in'],
        'device-response-fields',
        'device authorization',
      ],
      pushed: [['request_uri', 'expires_in'], 'par-response', 'pushed authorization'],
      backchannel: [['auth_req_id', 'expires_in'], 'ciba-response-fields', 'backchannel authentication'],
    }[outcome.kind] as [string[], AnyRuleId, string];
    for (const field of required) {
      if (shown[field] === undefined) report(line, rule, `The ${what} response has no ${field}`, `Add "${field}"`);
    }
    for (const [field, value] of Object.entries(outcome.body)) {
      if (shown[field] !== undefined && shown[field] !== value) {
        report(
          line,
          'example-response',
          `Shows ${field} ${JSON.stringify(shown[field])}; the model answers ${JSON.stringify(value)}`,
          `Write ${JSON.stringify(value)}`,
        );
      }
    }
  }
}

function compareRedirect(
  location: string | undefined,
  modelLocation: string,
  line: number,
  step: Step,
  error: ErrorCode | null,
  report: Report,
): void {
  if (location === undefined) {
    report(line, 'example-response', 'A redirect without a Location header', `Write "Location: ${modelLocation}"`);
    return;
  }
  const split = (url: string) => {
    const at = url.search(/[?#]/);
    return {
      base: at < 0 ? url : url.slice(0, at),
      mark: at < 0 ? '' : url[at],
      params: at < 0 ? {} : parseForm(url.slice(at + 1)).params,
    };
  };
  const shown = split(location);
  const expected = split(modelLocation);
  if (shown.base !== expected.base || shown.mark !== expected.mark) {
    report(
      line,
      'example-response',
      `Redirects to ${shown.base}${shown.mark}…; the model redirects to ${expected.base}${expected.mark}…`,
      `Write "Location: ${modelLocation}"`,
    );
    return;
  }
  if (expected.params['state'] !== shown.params['state']) {
    const state = expected.params['state'];
    report(
      line,
      'state-round-trip',
      `state is ${shown.params['state'] ?? 'missing'}, but the request on line ${step.block.line} sent ${state ?? 'none'}`,
      state === undefined ? 'Remove state' : `Write state=${state}`,
    );
  }
  if (error === null && shown.params['error'] !== undefined) {
    report(
      line,
      'example-expect',
      `Shows error=${shown.params['error']}, but the model answers the request on line ${step.block.line} with success`,
      `If it shows what happens in another situation, mark the block \`\`\`http expect=${shown.params['error']}`,
    );
    return;
  }
  if (shown.params['refresh_token'] !== undefined) {
    report(line, 'implicit-no-refresh', 'A refresh_token in the authorization response', 'Remove refresh_token');
  }
  for (const [name, value] of Object.entries(expected.params)) {
    if (name !== 'state' && shown.params[name] !== value) {
      report(
        line,
        'example-response',
        `${name} is ${shown.params[name] ?? 'missing'}; the model answers ${value}`,
        `Write ${name}=${value}`,
      );
    }
  }
}

async function compareTokens(
  page: HttpResponse,
  line: number,
  result: ExtendedExchange,
  step: Step,
  report: Report,
  key: SigningKey,
  now: number,
): Promise<void> {
  if (result.outcome.kind !== 'tokens') return;
  const { body, grant } = result.outcome;
  const shown = responseParams(page);
  if ((header(page, 'cache-control') ?? '').toLowerCase() !== 'no-store') {
    report(
      line,
      'token-response-no-store',
      'A token response without "Cache-Control: no-store"',
      'Add the header "Cache-Control: no-store"',
    );
  }
  if ((header(page, 'pragma') ?? '').toLowerCase() !== 'no-cache') {
    report(
      line,
      'token-response-pragma',
      'A token response without "Pragma: no-cache"',
      'Add the header "Pragma: no-cache" after "Cache-Control: no-store"',
    );
  }
  for (const field of ['access_token', 'token_type'] as const) {
    if (shown[field] === undefined)
      report(line, 'token-response-fields', `The token response has no ${field}`, `Add "${field}": "${body[field]}"`);
  }
  if (typeof shown['token_type'] === 'string' && shown['token_type'].toLowerCase() !== body.token_type.toLowerCase()) {
    const bound = body.token_type === 'DPoP' || shown['token_type'].toLowerCase() === 'dpop';
    report(
      line,
      bound ? 'dpop-token-type' : 'token-response-fields',
      `token_type is ${shown['token_type']}; the model issues a ${body.token_type} token${body.token_type === 'DPoP' ? ' bound to the DPoP proof’s key' : ' (the request has no DPoP proof)'}`,
      `Write "token_type": "${body.token_type}"`,
    );
  }
  if (body.issued_token_type !== undefined && shown['issued_token_type'] !== body.issued_token_type) {
    report(
      line,
      'exchange-issued-token-type',
      `issued_token_type is ${JSON.stringify(shown['issued_token_type'] ?? null)}; the model issues ${body.issued_token_type}`,
      `Write "issued_token_type": "${body.issued_token_type}"`,
    );
  }
  const requested = requestParams(step.request)['scope'];
  if (
    shown['scope'] === undefined ? requested !== undefined && requested !== body.scope : shown['scope'] !== body.scope
  ) {
    report(
      line,
      'token-response-scope',
      `scope is ${String(shown['scope'] ?? 'omitted')}, but the granted scope is "${body.scope}"`,
      `Write "scope": "${body.scope}"`,
    );
  }
  if (body.refresh_token !== undefined && shown['refresh_token'] === undefined) {
    const client = clientIdOf(step.request);
    const publicClient = EXAMPLE_SERVER.clients.find((c) => c.client_id === client)?.type === 'public';
    if (grant === 'refresh_token' && publicClient) {
      report(
        line,
        'refresh-rotation',
        'A refresh response to a public client without a new refresh_token',
        'Add the rotated "refresh_token"',
      );
    } else {
      report(
        line,
        'example-response',
        `The model also issues a refresh_token here (${client} is registered for refresh_token)`,
        'Add "refresh_token"',
      );
    }
  }
  if (body.refresh_token === undefined && shown['refresh_token'] !== undefined) {
    const rule = grant === 'client_credentials' ? 'client-credentials-no-refresh' : 'example-response';
    report(line, rule, 'Shows a refresh_token the model does not issue for this request', 'Remove "refresh_token"');
  }
  if (body.id_token !== undefined && shown['id_token'] === undefined) {
    const ciba = grant === 'urn:openid:params:grant-type:ciba';
    report(
      line,
      ciba ? 'ciba-token-response' : 'id-token-present',
      `The request on line ${step.block.line} ${ciba ? 'redeems a CIBA request for openid' : 'redeems a code granted openid'}, and the response has no id_token`,
      `Add "id_token": a JWT signed with the example key (npm run example:id-token), published at ${EXAMPLE_JWKS_PATH}`,
    );
  }
  if (typeof shown['id_token'] === 'string') {
    await checkIdToken(
      shown['id_token'],
      typeof shown['access_token'] === 'string' ? shown['access_token'] : '',
      body.id_token,
      line,
      report,
      key,
      now,
    );
  }
}

async function checkIdToken(
  jwt: string,
  accessToken: string,
  modelJwt: string | undefined,
  line: number,
  report: Report,
  key: SigningKey,
  now: number,
): Promise<void> {
  const verified = await verifyJwt(jwt, jwksOf(key));
  const make = 'Make one with npm run example:id-token';
  if (!verified.ok) {
    report(
      line,
      'id-token-signature',
      `The id_token is not a JWT signed with the published example key: ${verified.reason}`,
      make,
    );
    return;
  }
  const claims = verified.claims;
  const expected = modelJwt ? await verifyJwt(modelJwt, jwksOf(key)) : undefined;
  const want = expected?.ok ? expected.claims : { iss: EXAMPLE_SERVER.issuer };
  for (const claim of ['iss', 'sub', 'aud', 'exp', 'iat'] as const) {
    if (claims[claim] === undefined) report(line, 'id-token-claims', `The id_token has no ${claim} claim`, make);
  }
  for (const claim of ['iss', 'sub', 'aud'] as const) {
    if (
      want[claim] !== undefined &&
      claims[claim] !== undefined &&
      JSON.stringify(claims[claim]) !== JSON.stringify(want[claim])
    ) {
      report(
        line,
        'id-token-claims',
        `The id_token's ${claim} is ${JSON.stringify(claims[claim])}; this exchange needs ${JSON.stringify(want[claim])}`,
        `${make} -- '{"${claim}": ${JSON.stringify(want[claim])}}'`,
      );
    }
  }
  if (want['nonce'] !== claims['nonce']) {
    const nonce = want['nonce'];
    report(
      line,
      'id-token-nonce',
      `The id_token's nonce is ${JSON.stringify(claims['nonce'] ?? null)}, the authorization request sent ${JSON.stringify(nonce ?? null)}`,
      nonce === undefined ? 'Make the token without a nonce claim' : `${make} -- '{"nonce": "${String(nonce)}"}'`,
    );
  }
  const exp = Number(claims['exp']);
  const iat = Number(claims['iat']);
  if (!(iat <= now && now < exp)) {
    report(
      line,
      'id-token-signature',
      `The id_token is not valid at the exchange's time ${now} (iat ${iat}, exp ${exp})`,
      `${make}; it uses iat ${EXAMPLE_EPOCH}`,
    );
  }
  if (claims['at_hash'] !== undefined && claims['at_hash'] !== (await atHash(accessToken))) {
    report(
      line,
      'id-token-at-hash',
      "The id_token's at_hash does not match the access_token of this response",
      `${make} -- '{...}' --access-token ${accessToken}`,
    );
  }
}
