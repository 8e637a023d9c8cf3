import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { astroBuild } from '../support/build.ts';
import { summariseFolder, type ProfileSummary } from './profile.ts';

/**
 * Build scaling: synthetic sites of N MDX pages, each with one unique Mermaid diagram, built with the real
 * site's config and src/ three ways: cold (empty diagram cache), warm (same cache, rebuilt) and with the
 * diagrams removed. The sites live under .tmp-fixtures/ (git-ignored; Node finds node_modules from there).
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The diagram summary line the build prints (src/integrations/diagram-browser.ts). Counts are SVGs: one per diagram and theme. */
export interface DiagramSummary {
  drawn: number;
  cached: number;
  browsers: number;
}

export interface BuildRun {
  variant: 'cold' | 'warm' | 'no-diagrams';
  /** Wall time of the whole `astro build` process, in ms. */
  ms: number;
  msPerPage: number;
  /** What Astro itself reports for the build ("N page(s) built in Xs"), in ms. */
  astroMs?: number;
  diagrams?: DiagramSummary;
}

export interface ScalingResult {
  pages: number;
  diagrams: number;
  cold: BuildRun;
  warm: BuildRun;
  noDiagrams: BuildRun;
  /** Extra build time per diagram over the site without diagrams, in ms: cold and warm. */
  msPerDiagramCold: number;
  msPerDiagramWarm: number;
  /** warm / no-diagrams; the target is at most 1.3 at 800 pages. */
  warmRatio: number;
  /** The warm rebuild drew no diagram and started no browser. */
  warmDrewNothing: boolean;
  /** With --profile: CPU profiles of one extra warm build and one extra no-diagram build (not the timed ones). */
  profile?: { warm: ProfileSummary; noDiagrams: ProfileSummary };
}

const pad = (n: number) => String(n).padStart(4, '0');

/** One unique diagram per page: flowcharts and sequence diagrams in turn, with accTitle and accDescr. */
export function diagramFor(i: number): string {
  if (i % 2 === 0) {
    return [
      'flowchart TD',
      `  accTitle: Token decision for synthetic page ${i}`,
      `  accDescr: How the client of synthetic page ${i} decides whether it can call the API at once or must first get a token from the authorization server.`,
      `  A[Client ${i} starts] --> B{Token ${i} cached?}`,
      `  B -->|Yes| C[Call API ${i}]`,
      `  B -->|No| D[Redirect to authorize ${i}]`,
      `  D --> E[Exchange code ${i}]`,
      `  E --> F[Store token ${i}]`,
      '  F --> C',
    ].join('\n');
  }
  return [
    'sequenceDiagram',
    `  accTitle: Token exchange for synthetic page ${i}`,
    `  accDescr: The client of synthetic page ${i} exchanges an authorization code for an access token and calls the resource server with it.`,
    `  participant C as Client ${i}`,
    '  participant AS as Authorization Server',
    '  participant API as Resource Server',
    `  C->>AS: POST /token code=${i}`,
    '  AS-->>C: 200 OK access_token',
    `  C->>API: GET /v1/items/${i} (Bearer token)`,
    '  API-->>C: 200 OK',
  ].join('\n');
}

/** One synthetic MDX page, with or without its diagram, in the site's frontmatter format. */
export function pageFor(i: number, withDiagram: boolean): string {
  const prose = (topic: string) =>
    `The client of synthetic page ${i} ${topic}. It keeps its credentials on the server, asks only for the scopes it ` +
    'needs and treats every token as opaque, so the authorization server can change the format without breaking it. ' +
    'Tokens are short-lived; when one expires the client repeats the exchange instead of extending the old one.';
  return [
    '---',
    `title: Synthetic page ${i}`,
    `description: A generated page number ${i} for the build benchmark, with one Mermaid diagram and a few paragraphs of text.`,
    'sidebar:',
    '  group: Tools',
    `  order: ${i}`,
    '---',
    '',
    prose('requests an access token before it calls the API'),
    '',
    '## How the flow runs',
    '',
    ...(withDiagram ? ['```mermaid', diagramFor(i), '```', ''] : []),
    prose('exchanges an authorization code at the token endpoint'),
    '',
    '## What to watch for',
    '',
    prose('never logs tokens or codes'),
    '',
  ].join('\n');
}

/** Writes (or rewrites) a synthetic site of `pages` pages under .tmp-fixtures/ and returns its root. */
export async function writeSite(
  pages: number,
  withDiagrams: boolean,
  root = join(ROOT, '.tmp-fixtures', `bench-scaling-${pages}`),
): Promise<string> {
  await mkdir(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src', 'public']) {
    await rm(join(root, entry), { recursive: true, force: true });
    await cp(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  await rm(join(root, 'content'), { recursive: true, force: true });
  await mkdir(join(root, 'content', 'decision-trees'), { recursive: true });
  await Promise.all(
    Array.from({ length: pages }, (_, i) =>
      writeFile(join(root, 'content', `page-${pad(i + 1)}.mdx`), pageFor(i + 1, withDiagrams)),
    ),
  );
  return root;
}

/** Reads the diagram summary line of a build's output, if it printed one. */
export function diagramSummary(output: string): DiagramSummary | undefined {
  const match = /\[diagrams\] (\d+) drawn, (\d+) from cache, (\d+) browsers? started/.exec(output);
  if (!match) return undefined;
  return { drawn: Number(match[1]), cached: Number(match[2]), browsers: Number(match[3]) };
}

/** Astro's own build time from its "N page(s) built in …" line ("850ms", "32.20s" or "2m 38s"), in ms. */
export function astroBuildMs(output: string): number | undefined {
  const match = /page\(s\) built in (?:(\d+)m )?([\d.]+)(m?s)/.exec(output);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 60_000 + Number(match[2]) * (match[3] === 'ms' ? 1 : 1000);
}

/**
 * Builds a synthetic site once, into a throwaway folder, with Astro's own caches cleared first so that the
 * diagram cache is the only thing a rebuild can reuse. LINK_CHECK=0 skips the link check.
 */
async function timedBuild(
  root: string,
  pages: number,
  variant: BuildRun['variant'],
  cacheDir: string,
  env: Record<string, string> = {},
): Promise<BuildRun> {
  for (const dir of ['.astro', join('node_modules', '.astro'), join('node_modules', '.vite')])
    await rm(join(root, dir), { recursive: true, force: true });
  const outDir = await mkdtemp(join(tmpdir(), `bench-scaling-${pages}-`));
  try {
    const start = performance.now();
    const build = await astroBuild({ root, outDir, env: { LINK_CHECK: '0', MERMAID_CACHE_DIR: cacheDir, ...env } });
    const ms = performance.now() - start;
    if (build.code !== 0)
      throw new Error(`Build of the ${pages}-page site (${variant}) failed:\n${build.output.slice(-4000)}`);
    const built = (await readdir(outDir, { recursive: true })).filter((f) => String(f).endsWith('index.html')).length;
    if (built < pages) throw new Error(`The ${pages}-page site (${variant}) built only ${built} pages.`);
    const diagrams = diagramSummary(build.output);
    const astroMs = astroBuildMs(build.output);
    return {
      variant,
      ms,
      msPerPage: ms / pages,
      ...(astroMs !== undefined && { astroMs }),
      ...(diagrams && { diagrams }),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Cold, warm and no-diagram builds of an N-page site; logs progress through `log`. */
export async function measureScaling(
  pages: number,
  log: (line: string) => void = () => {},
  options: { keep?: boolean; env?: Record<string, string>; profileDir?: string } = {},
): Promise<ScalingResult> {
  const root = await writeSite(pages, true);
  const cacheDir = join(root, '.diagram-cache');
  await rm(cacheDir, { recursive: true, force: true });
  try {
    log(`  ${pages} pages: cold build (empty diagram cache)…`);
    const cold = await timedBuild(root, pages, 'cold', cacheDir, options.env);
    log(`  ${pages} pages: warm rebuild…`);
    const warm = await timedBuild(root, pages, 'warm', cacheDir, options.env);
    const profiled = async (name: string): Promise<ProfileSummary> => {
      const dir = join(options.profileDir!, `${pages}-${name}`);
      await rm(dir, { recursive: true, force: true });
      log(`  ${pages} pages: ${name} build again, with a CPU profile in ${dir}…`);
      await timedBuild(root, pages, name === 'warm' ? 'warm' : 'no-diagrams', cacheDir, {
        ...options.env,
        NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
      });
      return summariseFolder(dir);
    };
    const warmProfile = options.profileDir ? await profiled('warm') : undefined;
    await writeSite(pages, false, root);
    log(`  ${pages} pages: without diagrams…`);
    const noDiagrams = await timedBuild(root, pages, 'no-diagrams', cacheDir, options.env);
    const noDiagramsProfile = options.profileDir ? await profiled('no-diagrams') : undefined;
    return {
      pages,
      diagrams: pages,
      cold,
      warm,
      noDiagrams,
      msPerDiagramCold: (cold.ms - noDiagrams.ms) / pages,
      msPerDiagramWarm: (warm.ms - noDiagrams.ms) / pages,
      warmRatio: warm.ms / noDiagrams.ms,
      warmDrewNothing: warm.diagrams !== undefined && warm.diagrams.drawn === 0 && warm.diagrams.browsers === 0,
      ...(warmProfile && noDiagramsProfile && { profile: { warm: warmProfile, noDiagrams: noDiagramsProfile } }),
    };
  } finally {
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}
