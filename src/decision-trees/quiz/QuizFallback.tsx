import type { OutcomeNode } from '../schema.ts';

interface Props {
  /** The tree's outcomes, their links with the site's base path (DecisionTree.astro). */
  outcomes: readonly OutcomeNode[];
  flowchart: 'above' | 'below';
}

/**
 * Server HTML of the quiz, shown before hydration and without JavaScript: what the quiz is, and every outcome.
 * DecisionTree.astro renders it into the island's slot; the island's script never includes it.
 */
export function QuizFallback({ outcomes, flowchart }: Props) {
  const unique = outcomes.filter(
    (o, i) => outcomes.findIndex((p) => p.outcome === o.outcome && p.href === o.href) === i,
  );
  return (
    <div class="quiz__fallback">
      <p>
        This quiz asks the flowchart's questions one at a time and names the grant that fits your app. It starts once
        JavaScript has loaded; until then, follow the flowchart {flowchart} to one of these outcomes:
      </p>
      <ul>
        {unique.map((o) => (
          <li key={o.id}>
            <a href={o.href}>{o.outcome}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
