import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

// The hosts themselves cannot be reached from here; these check what can be: that each recipe runs the
// project's real build with the settings the base-path e2e test exercises, and publishes what it produces.
describe('the GitHub workflow', () => {
  interface Job {
    needs?: string;
    if?: string;
    steps?: { run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }[];
  }
  const workflow = parseYaml(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
    on: Record<string, unknown>;
    jobs: { test: Job; build: Job; deploy: Job };
  };
  const steps = workflow.jobs.build.steps ?? [];

  test('runs the same CI as here on every push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.jobs.test.steps?.map((s) => s.run).filter(Boolean)).toEqual(['bash .ci/run']);
  });

  test('deploys only from main, and only after the tests pass', () => {
    expect(workflow.jobs.build.needs).toBe('test');
    expect(workflow.jobs.build.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(workflow.jobs.deploy.needs).toBe('build');
  });

  test("builds with the repository name as base path and the owner's Pages URL", () => {
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build?.env).toEqual({
      SITE_URL: 'https://${{ github.repository_owner }}.github.io',
      BASE_PATH: '/${{ github.event.repository.name }}/',
    });
    expect(pkg.scripts['build']).toBe('astro build');
  });

  test('installs from the lockfile on Node >= 22.12 and uploads dist/', () => {
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npm run build']);
    expect(
      Number(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']),
    ).toBeGreaterThanOrEqual(23);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.['path']).toBe('dist');
  });
});

describe('netlify.toml', () => {
  const config = parseToml(readFileSync('netlify.toml', 'utf8')) as {
    build: { command: string; publish: string; environment: Record<string, string> };
  };

  test('runs the build with the site URL Netlify gives it, and publishes dist/ on Node 24', () => {
    expect(config.build).toMatchObject({
      command: 'SITE_URL="${SITE_URL:-$URL}" npm run build',
      publish: 'dist',
      environment: { NODE_VERSION: '24' },
    });
  });

  test("the build command passes Netlify's URL on as SITE_URL, unless SITE_URL is set", () => {
    const run = (env: Record<string, string>) =>
      execFileSync('sh', ['-c', config.build.command.replace('npm run build', `sh -c 'printf %s "$SITE_URL"'`)], {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        encoding: 'utf8',
      });
    expect(run({ URL: 'https://example.netlify.app' })).toBe('https://example.netlify.app');
    expect(run({ URL: 'https://example.netlify.app', SITE_URL: 'https://docs.example.com' })).toBe(
      'https://docs.example.com',
    );
  });
});

describe('public/_headers', () => {
  const headers = readFileSync('public/_headers', 'utf8');

  test.each([
    "Content-Security-Policy: frame-ancestors 'none'",
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Permissions-Policy: camera=()',
    'Strict-Transport-Security: max-age=31536000',
  ])('sends %s for every path', (header) => {
    expect(headers).toMatch(new RegExp(`^/\\*\\n(?:  .+\\n)*  ${header.replace(/[()*]/g, '\\$&')}`, 'm'));
  });

  test('names no obsolete Permissions-Policy feature (interest-cohort was FLoC, which browsers dropped)', () => {
    expect(headers).not.toContain('interest-cohort');
  });
});
