import DecisionQuiz from './DecisionQuiz.astro';
import PkceTool from './PkceTool.astro';

/**
 * Components every MDX page can use without an import: `<PkceCalculator />`, `<DecisionQuiz id="…" />`
 * (placed for authors by `<DecisionTree id="…" />`). Each is an Astro wrapper that hydrates its Preact
 * island, so pages need no client directive.
 */
export const mdxComponents = { DecisionQuiz, PkceCalculator: PkceTool };
