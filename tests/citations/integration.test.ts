import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { citationCheck } from '../../src/citations/integration.ts';
import { readSettings } from '../../src/settings.ts';
import { PLANTED_RFC } from './support.ts';

let root: string;
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

function site(page: string) {
  root = mkdtempSync(join(tmpdir(), 'citations-'));
  mkdirSync(join(root, 'content'));
  mkdirSync(join(root, 'texts'));
  writeFileSync(join(root, 'texts', 'rfc9999.txt'), PLANTED_RFC);
  writeFileSync(join(root, 'content', 'page.mdx'), page);
  writeFileSync(
    join(root, 'content', 'citations.yaml'),
    '- doc: rfc9999\n  section: "2"\n  level: MUST\n  quote: "Clients MUST check the state parameter."\n',
  );
}

async function build() {
  const logger = { warn: vi.fn(), info: vi.fn() };
  // The settings as the build reads them, from the (stubbed) environment.
  const hooks = citationCheck(readSettings()).hooks;
  // Only the fields the hooks read.
  await hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`) } } as never);
  await hooks['astro:build:start']!({ logger: logger as unknown as AstroIntegrationLogger } as never);
  return logger;
}

describe('citationCheck', () => {
  test('fails the build listing each problem as file:line', async () => {
    site('Clients SHOULD check it ([RFC 9999, section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)).\n');
    vi.stubEnv('SPEC_TEXTS_DIR', join(root, 'texts'));
    await expect(build()).rejects.toThrow(
      /^1 citation problem \(see CONTRIBUTING.md, "Cite a specification"\):\n {2}content\/page.mdx:1: .* states SHOULD, but the entries for RFC 9999 section 2 .* say MUST\./,
    );
  });

  test('passes and says how much it checked when everything is right', async () => {
    site('Clients MUST check it ([RFC 9999, section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)).\n');
    vi.stubEnv('SPEC_TEXTS_DIR', join(root, 'texts'));
    const logger = await build();
    expect(logger.info).toHaveBeenCalledWith('1 specification links and 1 registry entries checked');
  });

  test('reports only the broken YAML when the registry cannot be read, not every link as uncited', async () => {
    site('Clients MUST check it ([RFC 9999, section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)).\n');
    writeFileSync(join(root, 'content', 'citations.yaml'), '- doc: rfc9999\n  section: "2\n');
    vi.stubEnv('SPEC_TEXTS_DIR', join(root, 'texts'));
    await expect(build()).rejects.toThrow(
      /^1 citation problem .*\n {2}content\/citations\.yaml:\d+: This is not valid YAML: [^\n]*$/,
    );
  });

  test('warns once, naming the folder and the variable, when the texts are missing', async () => {
    site('Clients SHOULD check it ([RFC 9999, section 2](https://www.rfc-editor.org/rfc/rfc9999#section-2)).\n');
    vi.stubEnv('SPEC_TEXTS_DIR', join(root, 'nowhere'));
    const logger = await build();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `citations not checked: no specification texts in ${join(root, 'nowhere')}. Put the texts there (CI clones the repository beside shared/), or set SPEC_TEXTS_DIR=<folder with rfc6749.txt, rfc9700.txt, ...>.`,
    );
  });
});
