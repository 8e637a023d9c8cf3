import { mermaidConfig } from './meta.ts';
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
    return (await mermaid.render(id, source)).svg;
  };
  // The same single SVG the build would have made: light markup, dark styles scoped to the dark theme.
  const svg = mergeThemes(await draw('light'), await draw('dark'), id);
  const holder = document.createElement('div');
  holder.innerHTML = svg; // Mermaid's own output, sanitised by it (securityLevel "strict").
  const element = holder.querySelector('svg');
  if (!element) return;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', pre.getAttribute('data-title') ?? '');
  pre.replaceWith(element);
  figure.dataset['diagram'] = 'drawn';
}
