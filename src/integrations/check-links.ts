import { LinkState, check } from 'linkinator';
import { serveDirectory } from './serve-directory.ts';

/** A link that does not resolve: the page it is on, the target, and why. */
export interface BrokenLink {
  page: string;
  target: string;
  reason: string;
}

/**
 * Crawls a built site from its home page the way a static host serves it (under its base path), with
 * linkinator, checking every internal link, asset and #fragment. External URLs are skipped, not fetched.
 */
export async function checkLinks(dir: string, base = '/'): Promise<BrokenLink[]> {
  const server = await serveDirectory(dir, base);
  try {
    const origin = new URL(server.url).origin;
    const result = await check({
      path: server.url,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => !link.startsWith(origin),
    });
    const path = (url: string | undefined) => (url ? url.replace(origin, '') : '(unknown page)');
    return result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => ({
        page: path(l.parent),
        target: path(l.url),
        reason: l.status === 200 ? 'no element with that id' : `HTTP ${l.status ?? 'error'}`,
      }));
  } finally {
    await server.close();
  }
}
