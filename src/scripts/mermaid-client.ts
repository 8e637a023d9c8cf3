import { DIAGRAM_THEMES, mermaidConfig } from '../lib/diagram-meta.ts';

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
  for (const theme of DIAGRAM_THEMES) {
    mermaid.initialize(mermaidConfig(theme) as Parameters<typeof mermaid.initialize>[0]);
    const { svg } = await mermaid.render(`${figure.id}-${theme}`, source);
    const holder = document.createElement('div');
    holder.innerHTML = svg; // Mermaid's own output, sanitised by it (securityLevel "strict").
    const element = holder.querySelector('svg');
    if (!element) continue;
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', pre.getAttribute('data-title') ?? '');
    element.dataset['theme'] = theme;
    figure.insertBefore(element, pre);
  }
  pre.remove();
  figure.dataset['diagram'] = 'drawn';
}
