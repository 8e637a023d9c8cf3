import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

// The hosts themselves cannot be reached from here; these check what can be: that each recipe runs the
// project's real build with the settings the base-path e2e test exercises, and publishes what it produces.
describe('the GitHub Pages workflow', () => {
  const workflow = parseYaml(readFileSync('.github/workflows/deploy.yml', 'utf8')) as {
    jobs: {
      build: { steps: { run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] };
    };
  };
  const steps = workflow.jobs.build.steps;

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

  test('runs the build and publishes dist/ on Node 24', () => {
    expect(config.build).toMatchObject({
      command: 'npm run build',
      publish: 'dist',
      environment: { NODE_VERSION: '24' },
    });
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
