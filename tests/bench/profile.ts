import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reads the V8 CPU profiles a build wrote (NODE_OPTIONS=--cpu-prof --cpu-prof-dir=…) and sums the time spent
 * under a few functions that could make diagrams expensive in a warm build, and self time per package.
 * Inclusive time counts a function once per stack, even when it recurses.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface Frame {
  fn: string;
  url: string;
}
const inFile = (part: string) => (f: Frame) => f.url.includes(part);
const named =
  (name: RegExp, part = '') =>
  (f: Frame) =>
    name.test(f.fn) && f.url.includes(part);

/**
 * Stages of a build worth naming. A sample counts for a stage when a frame of its stack matches `frame` and, if
 * `under` is given, a frame further up matches `under`. Stages overlap ("of which" ones are parts of the one above);
 * async work resumes without its caller on the stack, so a stage named after a caller undercounts.
 */
export const STAGES: readonly { label: string; frame: (f: Frame) => boolean; under?: (f: Frame) => boolean }[] = [
  { label: 'MDX: vite-plugin-mdx handler (synchronous part only)', frame: named(/^handler$/, '@astrojs/mdx') },
  { label: 'MDX: rehype-mermaid plugin', frame: inFile('markdown/rehype-mermaid') },
  { label: 'MDX:   of which SVG text → hast (svgElement → fromHtml)', frame: named(/^svgElement$/, 'rehype-mermaid') },
  {
    label: 'MDX:   of which cache read and sha256 key',
    frame: (f) => f.url.includes('mermaid-renderer') && /^(renderDiagram|cacheKey)$/.test(f.fn),
  },
  {
    label: 'MDX: hast → estree (rehype-recma, hast-util-to-estree)',
    frame: (f) => f.url.includes('hast-util-to-estree') || f.url.includes('rehype-recma'),
  },
  {
    label: 'MDX: estree → JSX calls (estree-util-build-jsx, recma)',
    frame: (f) => f.url.includes('estree-util-build-jsx') || f.url.includes('@mdx-js/mdx/lib/plugin/recma'),
  },
  { label: 'MDX: estree → JS text (astring)', frame: inFile('astring') },
  { label: 'Babel (Astro JSX/MDX post-processing)', frame: inFile('@babel/') },
  { label: 'Rolldown JS side (plugin hooks, output)', frame: inFile('rolldown') },
  { label: 'Page rendering (Astro renderPage)', frame: named(/^renderPage$/) },
  { label: 'CSP style hashes (csp.ts addStyleHashes)', frame: named(/^addStyleHashes$/) },
  {
    label: '  of which HTML → hast (fromHtml of whole pages)',
    frame: named(/^fromHtml$/),
    under: named(/^addStyleHashes$/),
  },
  { label: 'Pagefind', frame: inFile('pagefind') },
  { label: 'garbage collector', frame: (f) => f.fn === '(garbage collector)' },
  { label: 'idle (main thread waiting: native threads, I/O)', frame: (f) => f.fn === '(idle)' },
];

export interface ProfileSummary {
  file: string;
  totalMs: number;
  stages: { label: string; ms: number }[];
  packages: { name: string; selfMs: number }[];
}

const packageOf = (url: string): string => {
  if (!url) return '(native/vm)';
  const at = url.lastIndexOf('node_modules/');
  if (at === -1) return url.includes('/src/') ? 'site src/' : url.startsWith('node:') ? url : '(other)';
  const rest = url.slice(at + 'node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
};

/** Summarises one CPU profile. */
export function summarise(profile: CpuProfile, file = ''): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const stageUs = STAGES.map(() => 0);
  const packageUs = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const pkg = packageOf(node.callFrame.url);
    packageUs.set(pkg, (packageUs.get(pkg) ?? 0) + us);
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      stack.push({ fn: frame.functionName, url: frame.url });
    }
    STAGES.forEach((stage, i) => {
      const at = stack.findIndex(stage.frame);
      if (at === -1) return;
      if (stage.under && !stack.slice(at + 1).some(stage.under)) return;
      stageUs[i]! += us;
    });
  }
  return {
    file,
    totalMs: (profile.endTime - profile.startTime) / 1000,
    stages: STAGES.map((s, i) => ({ label: s.label, ms: stageUs[i]! / 1000 })).filter((s) => s.ms > 0),
    packages: [...packageUs]
      .map(([name, us]) => ({ name, selfMs: us / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 15),
  };
}

/** Summarises the largest profile in a folder (the astro build process; small ones are helper processes). */
export async function summariseFolder(dir: string): Promise<ProfileSummary> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  let best: { file: string; profile: CpuProfile } | undefined;
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    if (!best || profile.samples.length > best.profile.samples.length) best = { file, profile };
  }
  if (!best) throw new Error(`No .cpuprofile in ${dir}`);
  return summarise(best.profile, best.file);
}

if (import.meta.main) {
  for (const dir of process.argv.slice(2)) {
    const s = await summariseFolder(dir);
    console.log(`\n${dir} (${s.file}): ${(s.totalMs / 1000).toFixed(1)} s profiled`);
    for (const stage of s.stages) console.log(`  ${stage.label.padEnd(62)} ${(stage.ms / 1000).toFixed(2)} s`);
    console.log('  self time by package:');
    for (const p of s.packages) console.log(`    ${p.name.padEnd(40)} ${(p.selfMs / 1000).toFixed(2)} s`);
  }
}
