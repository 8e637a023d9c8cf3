import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { AuthorError } from '../markdown/author-error.ts';
import type { Settings } from '../settings.ts';
import { formatProblem } from './registry.ts';
import { checkCitations, type CitationReport } from './run.ts';
import { SPEC_TEXTS_ENV } from './spec-library.ts';

/** The one warning printed when the specification texts are not there to check against. */
export function missingTextsWarning(dir: string): string {
  return (
    `citations not checked: no specification texts in ${dir}. ` +
    `Put the texts there (CI clones the repository beside shared/), or set ${SPEC_TEXTS_ENV}=<folder with rfc6749.txt, rfc9700.txt, ...>.`
  );
}

/** The build error listing every citation problem, one `content/<file>:<line>: ...` line each. */
export function problemsError(report: Extract<CitationReport, { status: 'checked' }>): AuthorError {
  const lines = report.problems.map((problem) => `  ${formatProblem(problem)}`);
  return new AuthorError(
    `${report.problems.length} citation problem${report.problems.length === 1 ? '' : 's'} (see CONTRIBUTING.md, "Cite a specification"):\n${lines.join('\n')}`,
  );
}

/**
 * Checks every specification link in content/ and every entry of content/citations.yaml against the texts in
 * shared/reference/rfc/ when the build starts, and fails the build on any problem. Without the texts it warns
 * once and lets the build go on.
 */
export function citationCheck(settings: Pick<Settings, 'SPEC_TEXTS_DIR'>): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'citation-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const report = checkCitations(root, { [SPEC_TEXTS_ENV]: settings.SPEC_TEXTS_DIR });
        if (report.status === 'no-texts') {
          logger.warn(missingTextsWarning(report.dir));
          return;
        }
        if (report.problems.length > 0) throw problemsError(report);
        logger.info(`${report.links.length} specification links and ${report.entries} registry entries checked`);
      },
    },
  };
}
