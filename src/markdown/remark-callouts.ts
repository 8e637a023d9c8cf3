import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { AuthorError, sourceLocation } from './author-error.ts';
import { CALLOUT_CLASSES, CORRECTION_NOTE, calloutTitleLevel } from '../components/callout.ts';

/**
 * The container directives authors may write: their class, and whether they carry the correction note when
 * the page reproduces an older text (frontmatter `reproduces: true`), where a `:::guidance` block sits beside
 * a reproduced sentence it corrects. On the site's own pages the note would be false, so they show none.
 */
export const CALLOUTS = {
  panel: { className: CALLOUT_CLASSES.panel, note: undefined },
  guidance: { className: CALLOUT_CLASSES.guidance, note: CORRECTION_NOTE },
} as const;

/** Whether the page being compiled reproduces an older text, from its frontmatter (MDX puts it on the file). */
const reproduces = (file: VFile): boolean =>
  (file.data.astro?.frontmatter as { reproduces?: unknown } | undefined)?.reproduces === true;

/** A callout name: `:::panel[Title]` or `:::guidance[Title]`. */
export type CalloutName = keyof typeof CALLOUTS;

/**
 * Turns `:::panel[Title]` and `:::guidance[Title]` blocks into labelled <aside> elements whose title is a
 * heading one level below the section they sit in. Any other directive fails the build with file and line;
 * text like `10:30` that remark-directive reads as a text directive is put back as text.
 */
export function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    let sectionDepth = 1;
    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') sectionDepth = node.depth;
      if ((node.type === 'textDirective' || node.type === 'leafDirective') && parent && index !== undefined) {
        const text = `${node.type === 'leafDirective' ? '::' : ':'}${node.name}`;
        const replacement: RootContent[] = [{ type: 'text', value: text }, ...(node.children as RootContent[])];
        (parent.children as RootContent[]).splice(index, 1, ...replacement);
        return index + replacement.length;
      }
      if (node.type !== 'containerDirective') return undefined;
      transform(node, file, slugger, calloutTitleLevel(sectionDepth));
      return undefined;
    });
  };
}

function transform(node: ContainerDirective, file: VFile, slugger: GithubSlugger, level: number): void {
  const where = sourceLocation(file, node.position?.start.line);
  if (!(node.name in CALLOUTS)) {
    throw new AuthorError(
      `${where}: Unknown block ":::${node.name}". Write :::panel[Title] or :::guidance[Title] and close it with ":::".`,
      node.position?.start.line,
    );
  }
  const callout = CALLOUTS[node.name as CalloutName];
  const [first, ...rest] = node.children;
  const label = first?.type === 'paragraph' && first.data && 'directiveLabel' in first.data ? first : undefined;
  const title = label ? toString(label) : '';
  if (!title)
    throw new AuthorError(
      `${where}: ":::${node.name}" needs a title in brackets, for example :::${node.name}[Current guidance].`,
      node.position?.start.line,
    );
  const id = `${node.name}-${slugger.slug(title)}`;
  node.data = { hName: 'aside', hProperties: { className: [...callout.className], ariaLabelledby: id } };
  label!.data = { hName: 'p', hProperties: { className: ['callout__title'], id, role: 'heading', ariaLevel: level } };
  const note: typeof rest =
    callout.note && reproduces(file)
      ? [
          {
            type: 'paragraph',
            data: { hProperties: { className: ['callout__note'] } },
            children: [{ type: 'text', value: callout.note }],
          },
        ]
      : [];
  node.children = [label!, ...note, ...rest];
}
