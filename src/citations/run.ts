import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkEntries, checkLinks } from './check.ts';
import { scanDecisionTree, scanMdx, type LinkUse } from './page-scan.ts';
import { parseRegistry, REGISTRY_PATH, type Problem } from './registry.ts';
import { openSpecLibrary, specTextsDir } from './spec-library.ts';
import { parseSpecLink } from './spec-links.ts';

/** What one run of the citation check found. */
export type CitationReport =
  | {
      /** The texts folder was found and everything was checked. */
      readonly status: 'checked';
      /** Every problem, in file and line order. */
      readonly problems: readonly Problem[];
      /** Links to a specification found in content. */
      readonly links: readonly LinkUse[];
      /** Registry entries read. */
      readonly entries: number;
    }
  | {
      /** No texts folder: nothing could be checked. */
      readonly status: 'no-texts';
      /** Where the texts were looked for. */
      readonly dir: string;
    };

/** Every `content/**\/*.mdx` page and partial and every decision tree, as repository-relative paths. */
export function contentFiles(repoRoot: string): string[] {
  const content = join(repoRoot, 'content');
  return readdirSync(content, { recursive: true, encoding: 'utf8' })
    .map((path) => relative(repoRoot, join(content, path)).replaceAll('\\', '/'))
    .filter((path) => path.endsWith('.mdx') || /^content\/decision-trees\/[^/]+\.ya?ml$/.test(path))
    .sort();
}

/** Every link to a specification in the site's content, with its sentence. */
export function scanContent(repoRoot: string): LinkUse[] {
  return contentFiles(repoRoot).flatMap((file) => {
    const source = readFileSync(join(repoRoot, file), 'utf8');
    const uses = file.endsWith('.mdx') ? scanMdx(source, file) : scanDecisionTree(source, file);
    return uses.filter((use) => parseSpecLink(use.href) !== undefined);
  });
}

/** Runs the whole check over a repository: the registry against the texts, then every content link. */
export function checkCitations(
  repoRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): CitationReport {
  const dir = specTextsDir(repoRoot, env);
  const texts = openSpecLibrary(dir);
  if (!texts) return { status: 'no-texts', dir };
  const registryFile = join(repoRoot, REGISTRY_PATH);
  const registry = parseRegistry(existsSync(registryFile) ? readFileSync(registryFile, 'utf8') : '');
  const links = scanContent(repoRoot);
  // An unreadable registry would make every link look uncited; report only why it cannot be read.
  const problems = registry.readable
    ? [...registry.problems, ...checkEntries(registry.entries, texts), ...checkLinks(links, registry.entries, texts)]
    : [...registry.problems];
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { status: 'checked', problems, links, entries: registry.entries.length };
}
