import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A plain static file server over a built folder, like any static host; `base` mounts it under a path. */
export async function serveStatic(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: true, etag: false });
  const prefix = base.replace(/\/$/, '');
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (prefix && !url.startsWith(`${prefix}/`)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    req.url = url.slice(prefix.length) || '/';
    files(req, res, () => {
      // Static hosts answer unknown paths with the site's 404 page.
      res.statusCode = 404;
      req.url = '/404.html';
      files(req, res, () => void res.end('Not found'));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
