import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkCallouts } from '../../src/markdown/remark-callouts.ts';
import { rehypeInternalLinks } from '../../src/markdown/rehype-internal-links.ts';
import { rehypeMermaid } from '../../src/markdown/rehype-mermaid.ts';

/** Runs Markdown through the site's own remark/rehype plugins, as if it were content/<path>. */
export async function toHtml(
  markdown: string,
  path = 'content/example.mdx',
  base = '/',
): Promise<{ html: string; data: VFile['data'] }> {
  const file = new VFile({ value: markdown, path });
  const result = await unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkCallouts)
    .use(remarkRehype)
    .use(rehypeMermaid)
    .use(rehypeInternalLinks, { base })
    .use(rehypeStringify)
    .process(file);
  return { html: String(result), data: result.data };
}
