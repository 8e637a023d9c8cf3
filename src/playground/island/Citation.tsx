import { RULES, type RuleId } from '../../lib/oauth/index.ts';
import { citationOf } from '../session.ts';

/** The rule a step ran into: what it says and a link to the section that states it. */
export function Citation({ rule }: { rule: RuleId }) {
  const { text, href } = citationOf(rule);
  return (
    <p class="playground__rule">
      Rule: <a href={href}>{text}</a>. {RULES[rule].says}
    </p>
  );
}
