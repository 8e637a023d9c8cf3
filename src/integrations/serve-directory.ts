import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * A plain static file server over a built folder, like any static host: `base` mounts it under a path, and
 * unknown paths get the site's 404.html with status 404.
 */
export async function serveDirectory(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: true, etag: false });
  const prefix = base.replace(/\/$/, '');
  const notFound = async (res: import('node:http').ServerResponse) => {
    const page = await readFile(join(dir, '404.html')).catch(() => Buffer.from('Not found'));
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (prefix && url !== prefix && !url.startsWith(`${prefix}/`)) return void notFound(res);
    req.url = url.slice(prefix.length) || '/';
    files(req, res, () => void notFound(res));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
