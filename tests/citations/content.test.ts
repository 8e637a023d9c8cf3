import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/citations/registry.ts';
import { checkCitations } from '../../src/citations/run.ts';
import { missingTextsWarning } from '../../src/citations/integration.ts';

describe("the site's citations", () => {
  const report = checkCitations(process.cwd());

  test('the specification texts are there to check against', () => {
    expect(report.status === 'no-texts' ? missingTextsWarning(report.dir) : 'found').toBe('found');
  });

  test('every specification link in content/ and every entry of content/citations.yaml checks out', () => {
    if (report.status !== 'checked') return expect.unreachable('no specification texts; see the test above');
    // Found links prove the scanner read the content; an empty scan would pass vacuously.
    expect(report.links.length).toBeGreaterThan(50);
    // Listed in full so one run shows every problem, one `file:line: message` per line.
    expect(report.problems.map(formatProblem).join('\n')).toBe('');
  });
});
