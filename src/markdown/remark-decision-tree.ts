import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { relative } from 'node:path';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { toMermaid } from '../lib/decision-tree.ts';
import { loadDecisionTree } from './load-decision-tree.ts';

/** Id of the figure that holds a tree's flowchart; the quiz island finds the drawing by it. */
export const flowchartFigureId = (treeId: string) => `decision-tree-${treeId}`;

/**
 * Expands `<DecisionTree id="…" />` into the tree's flowchart, generated from its data file and drawn by the
 * same build-time Mermaid step as every diagram, followed by `<DecisionQuiz id="…" />`, the quiz island.
 */
export function remarkDecisionTree() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement, index, parent) => {
      if (node.name !== 'DecisionTree' || !parent || index === undefined) return undefined;
      const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
      if (typeof id !== 'string' || id === '') {
        const where = `${relative(process.cwd(), file.path || 'unknown file')}:${node.position?.start.line ?? '?'}`;
        throw new Error(
          `${where}: <DecisionTree> needs the id of a tree in content/decision-trees/, for example <DecisionTree id="which-oauth-flow" />.`,
        );
      }
      const data = loadDecisionTree(id);
      const flowchart: Code = {
        type: 'code',
        lang: 'mermaid',
        value: toMermaid(data),
        data: { hProperties: { dataFigureId: flowchartFigureId(id) } },
      };
      const quiz: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'DecisionQuiz',
        attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
        children: [],
      };
      (parent.children as RootContent[]).splice(index, 1, flowchart, quiz);
      return index + 2;
    });
  };
}
