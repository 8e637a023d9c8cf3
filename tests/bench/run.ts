/**
 * The benchmark: `npm run bench` (node tests/bench/run.ts). Not a test: it prints figures and keeps them.
 *
 *   npm run bench                          builds the site, measures every page in Chromium, runs Lighthouse
 *   npm run bench -- --scaling             also builds synthetic 50-, 200- and 800-page sites (about 5 min)
 *   npm run bench -- --sizes 50,200        scaling with other sizes (implies --scaling)
 *   npm run bench -- --scaling --no-site   scaling only
 *   --no-lighthouse    skip Lighthouse        --profile   also CPU-profile one warm and one no-diagram build
 *   --keep             keep the synthetic sites under .tmp-fixtures/
 *
 * Results are printed as Markdown tables and written to .bench/results/<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveDirectory } from '../../src/integrations/serve-directory.ts';
import { launch } from '../support/browser.ts';
import { astroBuild } from '../support/build.ts';
import { builtPages, kb, measurePage, type PageMeasurement } from '../support/measure.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { diagramSummary, measureScaling, type ScalingResult } from './scaling.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTICLE = 'api-auth/which-oauth-flow-to-use/';
/** Budgets of the article page, gzip bytes (1 KB = 1,000 bytes). The same numbers as tests/e2e/budgets.test.ts. */
const BUDGET = { totalGzip: 30_000, jsGzip: 12_000 };
const RATIO_TARGET = 1.3;

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    scaling: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    site: { type: 'boolean', default: true },
    lighthouse: { type: 'boolean', default: true },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes ? args.sizes.split(',').map(Number) : args.scaling || args.profile ? [50, 200, 800] : [];
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes takes page counts like 50,200,800, not "${args.sizes}"`);

const log = (line = '') => console.log(line);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const pair = (b: { raw: number; gzip: number }) => `${kb(b.raw)} / ${kb(b.gzip)}`;

interface SiteResult {
  buildMs: number;
  diagrams?: ReturnType<typeof diagramSummary>;
  pages: (Omit<PageMeasurement, 'resources'> & { path: string; resources: PageMeasurement['resources'] })[];
  lighthouse?: LighthouseResult;
}

async function benchSite(): Promise<SiteResult> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-site-'));
  try {
    log(`Building the site into ${outDir}…`);
    const start = performance.now();
    const build = await astroBuild({ outDir });
    const buildMs = performance.now() - start;
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output.slice(-4000)}`);
    const diagrams = diagramSummary(build.output);
    log(
      `Built in ${seconds(buildMs)} s${diagrams ? `; diagrams: ${diagrams.drawn} drawn, ${diagrams.cached} from cache, ${diagrams.browsers} browsers started` : ''}.`,
    );

    const server = await serveDirectory(outDir);
    const browser = await launch();
    const pages: SiteResult['pages'] = [];
    let lighthouse: LighthouseResult | undefined;
    try {
      for (const path of builtPages(outDir)) {
        const measured = await measurePage(browser, server.url + path);
        pages.push({ path: `/${path}`, ...measured });
      }
      if (args.lighthouse) {
        log(`Running Lighthouse (mobile) on /${ARTICLE}…`);
        lighthouse = await runLighthouse(server.url + ARTICLE);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return { buildMs, ...(diagrams && { diagrams }), pages, ...(lighthouse && { lighthouse }) };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function printSite(site: SiteResult): void {
  log();
  log('### Bytes per page');
  log();
  log('Every response each page loads in headless Chromium (412×823 viewport, empty cache), loaded and then scrolled');
  log('through so every island hydrates; raw / gzip (level 9) in KB (1 KB = 1,000 bytes). JS counts script files and');
  log(
    'inline scripts; "JS at load" is the JavaScript run before any interaction; requests are at load + while scrolling.',
  );
  log();
  log('| Page | HTML | CSS | JS | Other | Total | JS at load | Requests |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of site.pages) {
    const other = {
      raw: p.byType.font.raw + p.byType.image.raw + p.byType.other.raw,
      gzip: p.byType.font.gzip + p.byType.image.gzip + p.byType.other.gzip,
    };
    const name = p.path === `/${ARTICLE}` ? `**${p.path}**` : p.path;
    log(
      `| ${name} | ${pair(p.byType.html)} | ${pair(p.byType.css)} | ${pair(p.js)} | ${pair(other)} | ${pair(p.total)} | ${pair(p.jsBeforeInteraction)} | ${p.requestsBeforeInteraction} + ${p.requests - p.requestsBeforeInteraction} |`,
    );
  }
  const article = site.pages.find((p) => p.path === `/${ARTICLE}`);
  if (article) {
    log();
    log(`### The article, /${ARTICLE}`);
    log();
    log('| Response | Type | Loaded | Raw | Gzip |');
    log('| --- | --- | --- | ---: | ---: |');
    for (const r of article.resources) {
      log(
        `| ${new URL(r.url).pathname} | ${r.type} | ${r.phase === 'load' ? 'at load' : 'on scroll'} | ${kb(r.raw)} | ${kb(r.gzip)} |`,
      );
    }
    log(
      `| (inline scripts, inside the HTML) | js | at load | ${kb(article.inlineJs.raw)} | ${kb(article.inlineJs.gzip)} |`,
    );
    log();
    log(
      `- Total: ${kb(article.total.gzip)} KB gzip, budget ${kb(BUDGET.totalGzip)} KB ${mark(article.total.gzip < BUDGET.totalGzip)}`,
    );
    log(
      `- JavaScript: ${kb(article.js.gzip)} KB gzip (${kb(article.byType.js.gzip)} files + ${kb(article.inlineJs.gzip)} inline), budget ${kb(BUDGET.jsGzip)} KB ${mark(article.js.gzip < BUDGET.jsGzip)}; ${kb(article.jsBeforeInteraction.gzip)} KB before any interaction`,
    );
    log(`- Islands hydrated: ${article.islands.hydrated} of ${article.islands.total}; requests: ${article.requests}`);
  }
  const lh = site.lighthouse;
  if (lh) {
    const s = lh.scores;
    const all100 = Object.values(s).every((v) => v === 100);
    log();
    log(`### Lighthouse ${lh.lighthouseVersion}, ${lh.formFactor} preset (${lh.throttling} throttling), /${ARTICLE}`);
    log();
    log('| Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS |');
    log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    log(
      `| ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${seconds(lh.lcpMs)} s | ${Math.round(lh.tbtMs)} ms | ${lh.cls.toFixed(3)} |`,
    );
    log();
    log(`- 100 in all four categories: ${mark(all100)}; no layout shift (CLS 0): ${mark(lh.cls === 0)}`);
    for (const f of lh.failing)
      log(`- Not passing: ${f.id} (score ${f.score}${f.displayValue ? `, ${f.displayValue}` : ''}): ${f.title}`);
    for (const w of lh.warnings) log(`- Lighthouse warning: ${w}`);
  }
}

function printScaling(results: ScalingResult[]): void {
  log();
  log('### Build scaling');
  log();
  log('Synthetic sites of N MDX pages, one unique Mermaid diagram each (drawn in a light and a dark theme: 2 SVGs),');
  log("built with the site's config and src/ and LINK_CHECK=0. Wall time of `astro build`; Astro's caches are cleared");
  log('before every build, so the diagram cache is the only difference between cold and warm.');
  log();
  log(
    '| Pages | Cold (empty diagram cache) | Warm rebuild | No diagrams | Per diagram, cold | Per diagram, warm | Warm ÷ no diagrams | Warm rebuild drew |',
  );
  log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const build = (b: ScalingResult['cold']) => `${seconds(b.ms)} s (${Math.round(b.msPerPage)} ms/page)`;
    const drew = r.warm.diagrams
      ? `${r.warm.diagrams.drawn} SVGs, ${r.warm.diagrams.cached} from cache, ${r.warm.diagrams.browsers} browsers ${mark(r.warmDrewNothing)}`
      : 'no summary line ✗';
    log(
      `| ${r.pages} | ${build(r.cold)} | ${build(r.warm)} | ${build(r.noDiagrams)} | +${Math.round(r.msPerDiagramCold)} ms | +${Math.round(r.msPerDiagramWarm)} ms | ${r.warmRatio.toFixed(2)} | ${drew} |`,
    );
  }
  const largest = results.at(-1);
  if (largest) {
    log();
    log(
      `- Warm ÷ no-diagram ratio at ${largest.pages} pages: ${largest.warmRatio.toFixed(2)} (target ≤ ${RATIO_TARGET}${largest.pages === 800 ? '' : ' at 800 pages'}) ${mark(largest.warmRatio <= RATIO_TARGET)}`,
    );
  }
  for (const r of results) {
    if (!r.profile) continue;
    log();
    log(`#### CPU profile of the build's main thread, ${r.pages} pages (seconds; warm with diagrams vs no diagrams)`);
    log();
    log('| Stage | Warm | No diagrams |');
    log('| --- | ---: | ---: |');
    const labels = [...new Set([...r.profile.warm.stages, ...r.profile.noDiagrams.stages].map((s) => s.label))];
    const at = (stages: { label: string; ms: number }[], label: string) =>
      seconds(stages.find((s) => s.label === label)?.ms ?? 0);
    log(`| (whole profile) | ${seconds(r.profile.warm.totalMs)} | ${seconds(r.profile.noDiagrams.totalMs)} |`);
    for (const label of labels)
      log(
        `| ${label.replace(/^ +/, '… ')} | ${at(r.profile.warm.stages, label)} | ${at(r.profile.noDiagrams.stages, label)} |`,
      );
  }
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const startedAt = new Date();
log(
  `# Benchmark, ${startedAt.toISOString()} (Node ${process.version}, ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'})`,
);
const site = args.site ? await benchSite() : undefined;
if (site) printSite(site);

const scaling: ScalingResult[] = [];
if (sizes.length > 0) {
  log();
  log(`Building synthetic sites of ${sizes.join(', ')} pages (cold, warm, no diagrams)…`);
  for (const pages of sizes) {
    scaling.push(
      await measureScaling(pages, log, {
        keep: args.keep,
        ...(args.profile && pages === Math.max(...sizes) && { profileDir: join(ROOT, '.bench', 'profiles') }),
      }),
    );
  }
  printScaling(scaling);
}

const dir = join(ROOT, '.bench', 'results');
await mkdir(dir, { recursive: true });
const file = join(
  dir,
  `${startedAt
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z')}.json`,
);
const commit = gitCommit();
await writeFile(
  file,
  `${JSON.stringify(
    {
      date: startedAt.toISOString(),
      ...(commit && { commit }),
      node: process.version,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      budgets: { article: BUDGET, warmRatioAt800: RATIO_TARGET },
      ...(site && { site }),
      ...(scaling.length > 0 && { scaling }),
    },
    null,
    2,
  )}\n`,
);
log();
log(`Results written to ${file.slice(ROOT.length + 1)}`);
// A warm rebuild that drew a diagram or started a browser means the cache is broken: fail the command.
if (scaling.some((r) => !r.warmDrewNothing)) process.exitCode = 1;
