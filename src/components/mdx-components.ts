import { fileURLToPath } from 'node:url';

/**
 * Components every MDX page can use without an import: `<PkceCalculator />`, `<DecisionQuiz id="…" />`
 * (placed for authors by `<DecisionTree id="…" />`). Each is an Astro wrapper that hydrates its Preact
 * island, so pages need no client directive. remark-component-imports adds the import to the pages that use
 * one, so its styles load on those pages only.
 */
export const mdxComponents = {
  DecisionQuiz: fileURLToPath(new URL('./DecisionQuiz.astro', import.meta.url)),
  PkceCalculator: fileURLToPath(new URL('./PkceTool.astro', import.meta.url)),
};
