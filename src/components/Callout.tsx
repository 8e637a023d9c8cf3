import type { ComponentChildren } from 'preact';
import { CALLOUT_CLASSES, type CalloutKind } from './callout.ts';

interface Props {
  kind: CalloutKind;
  /** Id of the title, unique on the page; the aside is labelled by it. */
  id: string;
  title: ComponentChildren;
  /** Level of the title: one below the heading of the section the callout sits in. */
  level: number;
  class?: string;
  children: ComponentChildren;
}

/**
 * A callout as an island or an Astro page renders it, with the same markup as a `:::panel` or `:::guidance`
 * block (src/components/callout.ts). None of these corrects a reproduced text, so none carries CORRECTION_NOTE.
 */
export function Callout({ kind, id, title, level, class: extra, children }: Props) {
  return (
    <aside class={[...CALLOUT_CLASSES[kind], extra].filter(Boolean).join(' ')} aria-labelledby={id}>
      <p id={id} class="callout__title" role="heading" aria-level={level}>
        {title}
      </p>
      {children}
    </aside>
  );
}
