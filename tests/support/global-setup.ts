import type { TestProject } from 'vitest/node';
import { astroBuild } from './build.ts';
import { serveDirectory } from '../../src/integrations/serve-directory.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built site served from dist/, ending in "/". */
    siteUrl: string;
  }
}

/**
 * Builds the site once and serves it for the e2e tests. E2E_DIST picks the output folder (default dist);
 * E2E_SKIP_BUILD=1 serves an existing build as it is.
 */
export default async function setup(project: TestProject) {
  const outDir = process.env['E2E_DIST'] ?? 'dist';
  if (process.env['E2E_SKIP_BUILD'] !== '1') {
    const build = await astroBuild({ outDir });
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);
  }
  const server = await serveDirectory(outDir);
  project.provide('siteUrl', server.url);
  return server.close;
}
