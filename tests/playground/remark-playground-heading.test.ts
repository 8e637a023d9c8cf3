import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { remarkPlaygroundHeading } from '../../src/playground/remark-playground-heading.ts';

/** Runs the plugin on MDX and returns what it hands the page, as Astro's MDX integration does. */
function componentHeadings(mdx: string): unknown {
  const file = new VFile(mdx);
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPlaygroundHeading);
  processor.runSync(processor.parse(file), file);
  return (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter?.['componentHeadings'];
}

describe('remarkPlaygroundHeading', () => {
  test("records a grant's playground heading after the Markdown headings before it", () => {
    const mdx = '# Device\n\n## Steps\n\n## Security notes\n\n<Playground grant="device-code" />\n\n## Related\n';
    expect(componentHeadings(mdx)).toEqual([
      {
        before: 3,
        depth: 2,
        slug: 'playground-title',
        text: 'Try it: Device Authorization (RFC 8628) in the playground',
      },
    ]);
  });

  test('uses the heading level the page asks for, and the all-grants title without a grant', () => {
    expect(componentHeadings('## Try it\n\n<Playground headingLevel={3} />\n')).toEqual([
      { before: 1, depth: 3, slug: 'playground-title', text: 'Flow playground' },
    ]);
  });

  test('records nothing on a page without a playground, or for a grant it does not run (Playground.astro fails that build)', () => {
    expect(componentHeadings('## Only text\n')).toBeUndefined();
    expect(componentHeadings('<Playground grant="ciba" />\n')).toBeUndefined();
  });
});
