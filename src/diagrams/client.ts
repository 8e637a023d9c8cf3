import { figureHtml } from './figure.ts';
import { mermaidConfig, wrapSequenceLabels } from './meta.ts';
import { scopeIds } from './svg-ids.ts';
import { mergeThemes } from './svg-themes.ts';

/**
 * Fallback for builds without a browser: draws each pending diagram, in both themes, once it nears the
 * viewport. Mermaid is loaded on the first such diagram, never before.
 */
export function drawPendingDiagrams(root: Document): void {
  const figures = [...root.querySelectorAll<HTMLElement>('figure[data-diagram="pending"]')];
  if (figures.length === 0) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void draw(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px' },
  );
  for (const figure of figures) observer.observe(figure);
}

async function draw(figure: HTMLElement): Promise<void> {
  const pre = figure.querySelector('pre.mermaid-source');
  if (!pre) return;
  const source = pre.textContent ?? '';
  const { default: mermaid } = await import('mermaid');
  const id = `${figure.id}-svg`;
  const draw = async (theme: 'light' | 'dark') => {
    mermaid.initialize(mermaidConfig(theme) as Parameters<typeof mermaid.initialize>[0]);
    return scopeIds((await mermaid.render(id, wrapSequenceLabels(source))).svg, id);
  };
  // The same figure the build would have made, from the same function: Mermaid's own output, sanitised by it
  // (securityLevel "strict"), with the light markup and the dark styles scoped to the dark theme.
  figure.outerHTML = figureHtml({
    id: figure.id,
    title: pre.getAttribute('data-title') ?? '',
    description: figure.querySelector('figcaption')?.textContent ?? '',
    drawing: { svg: mergeThemes(await draw('light'), await draw('dark'), id) },
  });
  const drawn = document.getElementById(figure.id);
  if (drawn) drawn.dataset['diagram'] = 'drawn';
}
