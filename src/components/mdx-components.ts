import { fileURLToPath } from 'node:url';

/**
 * Components every MDX page can use without an import: `<DecisionTree id="…" />` (a tree's flowchart and quiz),
 * `<PkceCalculator />` and `<Playground grant="…" />` (the flow playground). remark-component-imports adds the
 * import to the pages that use one, so its styles and island load on those pages only.
 */
export const mdxComponents = {
  DecisionTree: fileURLToPath(new URL('../decision-trees/DecisionTree.astro', import.meta.url)),
  PkceCalculator: fileURLToPath(new URL('../pkce/PkceTool.astro', import.meta.url)),
  Playground: fileURLToPath(new URL('../playground/Playground.astro', import.meta.url)),
};
