import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * The built site served like a static host, plus what a browser without a console API needs to report problems.
 *
 * - Every HTML page is sent with its own `<meta>` Content-Security-Policy repeated as a
 *   `Content-Security-Policy-Report-Only` header with a `report-uri`: the meta policy still enforces, and the
 *   header makes every engine POST a report for each violation, which the server records. (A meta policy cannot
 *   carry a report-uri.)
 * - With `probe: true`, each page also loads `/__engines/probe.js` first thing in its `<head>` (a script from
 *   'self', so the strict CSP allows it): it sends uncaught errors, unhandled rejections, console.error calls,
 *   failed resource loads and CSP violation events to the server with sendBeacon (connect-src 'self'), so they
 *   are recorded even when the page navigates away. Classic WebDriver (WebKit) has no console; Playwright does,
 *   so Firefox runs without the probe, on the pages exactly as built.
 * - `/__engines/canary/` is a page that breaks its own CSP and throws, for the tests that prove problems are seen.
 * - It keeps the URL of every request it serves: classic WebDriver cannot watch a page's network, and the pages'
 *   CSP (default-src 'self', img-src data: at most) blocks and reports any request to another origin, so what
 *   reaches this server is every request a page makes.
 */
export interface EngineSiteServer {
  /** URL of the site, ending in "/". */
  url: string;
  /** Problems recorded since the last call (CSP reports and, with the probe, page errors), then forgotten. */
  takeProblems: () => string[];
  /** URLs requested since the last call, but for the harness's own /__engines/ ones, then forgotten. */
  takeRequests: () => string[];
  close: () => Promise<void>;
}

const PROBE = `(() => {
  const send = (text) => navigator.sendBeacon('/__engines/problem', String(text).slice(0, 500));
  addEventListener('error', (e) => {
    if (e.target && e.target !== window) {
      send('Failed to load ' + (e.target.src || e.target.href || e.target.tagName));
    } else send('Uncaught ' + e.message + ' at ' + e.filename + ':' + e.lineno);
  }, true);
  addEventListener('unhandledrejection', (e) => send('Unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
  document.addEventListener('securitypolicyviolation', (e) =>
    send('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + location.pathname));
  const error = console.error;
  console.error = (...args) => { send('console.error: ' + args.map(String).join(' ')); error.apply(console, args); };
})();
`;

const CANARY_POLICY = "default-src 'self'; script-src 'self'";
const CANARY = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${CANARY_POLICY}"><title>Canary</title>
<script>document.title = 'inline script ran';</script>
<script src="/__engines/throw.js"></script></head><body><h1>Canary</h1></body></html>`;

/** The policy of a page's CSP meta element, unescaped, or undefined when it has none. */
export function metaPolicy(html: string): string | undefined {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]+)"/i.exec(html);
  return meta?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** Summarises one CSP report body (report-uri's JSON format) as a line. */
function describeReport(body: string): string {
  try {
    const report = (JSON.parse(body) as { 'csp-report'?: Record<string, unknown> })['csp-report'] ?? {};
    const directive = report['effective-directive'] ?? report['violated-directive'];
    const blocked = report['blocked-uri'] || 'inline';
    const page = new URL(String(report['document-uri'] ?? 'about:blank')).pathname;
    return `CSP violation (report): ${String(directive)} blocked ${String(blocked)} on ${page}`;
  } catch {
    return `CSP violation (unreadable report): ${body.slice(0, 200)}`;
  }
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((done) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => done(body));
  });

/** Serves a built site for the cross-engine tests (see EngineSiteServer). */
export async function serveForEngines(dist: string, options: { probe?: boolean } = {}): Promise<EngineSiteServer> {
  const files = sirv(dist, { dev: true, etag: false });
  let problems: string[] = [];
  let requests: string[] = [];
  const withPolicy = (res: ServerResponse, policy: string | undefined) => {
    if (policy) res.setHeader('Content-Security-Policy-Report-Only', `${policy}; report-uri /__engines/csp-report`);
  };
  const sendHtml = (res: ServerResponse, status: number, html: string) => {
    withPolicy(res, metaPolicy(html));
    const body = options.probe ? html.replace(/<head>/i, '<head><script src="/__engines/probe.js"></script>') : html;
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  };
  const notFound = async (res: ServerResponse) => {
    const page = await readFile(join(dist, '404.html'), 'utf8').catch(() => 'Not found');
    sendHtml(res, 404, page);
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith('/__engines/')) requests.push(`http://${req.headers.host}${req.url ?? '/'}`);
    if (req.method === 'POST' && path === '/__engines/csp-report') {
      void readBody(req).then((body) => {
        problems.push(describeReport(body));
        res.writeHead(204).end();
      });
      return;
    }
    if (req.method === 'POST' && path === '/__engines/problem') {
      void readBody(req).then((body) => {
        problems.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    if (path === '/__engines/probe.js')
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(PROBE);
    if (path === '/__engines/throw.js')
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end("throw new Error('canary error');\n");
    if (path === '/__engines/canary/') return sendHtml(res, 200, CANARY);
    if (path.endsWith('/') || path.endsWith('.html')) {
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      void readFile(file, 'utf8').then(
        (html) => sendHtml(res, 200, html),
        () => notFound(res),
      );
      return;
    }
    files(req, res, () => void notFound(res));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    takeProblems: () => {
      const taken = problems;
      problems = [];
      return taken;
    },
    takeRequests: () => {
      const taken = requests;
      requests = [];
      return taken;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
