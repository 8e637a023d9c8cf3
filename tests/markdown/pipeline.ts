import remarkMdx from 'remark-mdx';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { createRenderer } from '../../src/diagrams/renderer.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { markdownPipeline } from '../../src/markdown/pipeline.ts';

/** The file as Astro's MDX hands it to the plugins: frontmatter on `data.astro.frontmatter`, its lines blank. */
function withFrontmatter(markdown: string, path: string): VFile {
  const { yaml, body } = splitFrontmatter(markdown);
  const frontmatter = (yaml === undefined ? {} : (parseYaml(yaml) ?? {})) as Record<string, unknown>;
  return new VFile({ value: body, path, data: { astro: { frontmatter } } });
}

/**
 * Runs Markdown through the site's own plugin lists (src/markdown/pipeline.ts, as astro.config.mjs does), as if
 * it were content/<path>, frontmatter included. Diagrams are left for the reader's browser unless a renderer
 * is passed.
 */
export async function toHtml(
  markdown: string,
  path = 'content/example.md',
  base = '/',
  renderer = createRenderer({ MERMAID_NO_BROWSER: '1' }),
): Promise<{ html: string; data: VFile['data'] }> {
  const file = withFrontmatter(markdown, path);
  const { remarkPlugins, rehypePlugins } = markdownPipeline({
    base,
    diagrams: { renderer, onClientRendering: () => {} },
  });
  const processor = unified().use(remarkParse);
  if (path.endsWith('.mdx')) processor.use(remarkMdx);
  const result = await processor
    // Astro types its plugin lists loosely; they are unified plugin lists.
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins as PluggableList)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(file);
  return { html: String(result), data: result.data };
}
