import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild } from '../build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site the engine suites serve. */
    engineDist: string;
  }
}

/**
 * Gives the engine suites a built site, building it at most once per `vitest run`: when the e2e project's own
 * global setup has already built dist/ in this run (it provides `siteUrl` once it has), that build is reused;
 * with E2E_SKIP_BUILD=1 an existing build is served as it is; otherwise the site is built here, like the e2e
 * setup does. E2E_DIST picks the folder in every case (default dist).
 */
export default async function setup(project: TestProject) {
  const outDir = process.env['E2E_DIST'] ?? 'dist';
  const e2e = project.vitest.projects.find((p) => p.name === 'e2e');
  const builtByE2e = e2e !== undefined && e2e !== project && Boolean(e2e.getProvidedContext().siteUrl);
  if (builtByE2e) {
    console.log(`[engines] reusing the e2e project's build in ${outDir}/`);
  } else if (process.env['E2E_SKIP_BUILD'] === '1') {
    if (!existsSync(resolve(outDir, 'index.html'))) throw new Error(`E2E_SKIP_BUILD=1 but ${outDir}/ holds no build.`);
  } else {
    const build = await astroBuild({ outDir });
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);
  }
  project.provide('engineDist', resolve(outDir));
}
