import type { ComponentChildren } from 'preact';

/** A heading whose level follows where the calculator sits in the page outline. */
export function Heading({ level, id, children }: { level: number; id: string; children: ComponentChildren }) {
  const Tag = `h${Math.min(Math.max(level, 2), 6)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag id={id} class="pkce__heading">
      {children}
    </Tag>
  );
}
