/**
 * Components every MDX page can use without an import: `<PkceCalculator />`, `<DecisionQuiz tree="…" />`.
 * Each is an Astro wrapper that hydrates its Preact island, so pages need no client directive.
 */
export const mdxComponents = {};
