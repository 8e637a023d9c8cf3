/** The heading `<Playground />` renders: written once, for the component and for the page's "On this page" list. */
import { GRANTS, type GrantId } from './grants.ts';

/** The id of the playground's heading, and so the fragment of a link to it. One playground per page. */
export const PLAYGROUND_HEADING_ID = 'playground-title';

/** "Flow playground" for every grant, or "Try it: <grant> in the playground" for one. */
export function playgroundHeading(grant: GrantId | undefined): string {
  return grant === undefined ? 'Flow playground' : `Try it: ${GRANTS[grant].title} in the playground`;
}
