import { drawnNodeId } from '../flowchart.ts';
import type { FlowchartHighlight } from '../quiz-view.ts';
import { urlWithAnswers } from '../url-state.ts';

/**
 * The grant quiz's only contact with the page outside its own markup: the address bar (answers in the
 * query string, replaced, never pushed) and the flowchart drawn above it (classes on SVG elements).
 */

/** The raw value of a query parameter in the current address, or null. */
export function readAnswers(param: string): string | null {
  return new URLSearchParams(window.location.search).get(param);
}

/** Shows the answers in the address bar without adding a history entry; an empty value removes them. */
export function writeAnswers(param: string, value: string, anchor: string): void {
  const next = urlWithAnswers(window.location.href, param, value, anchor);
  const now = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (next !== now) window.history.replaceState(window.history.state, '', next);
}

const ON_PATH = 'is-on-path';
const CURRENT = 'is-current';

/**
 * Marks the walked path on every drawing in the figure (one per theme): node groups by their Mermaid id,
 * edge paths and edge labels by their data-id. Everything else is unmarked, so a shorter path clears.
 */
export function highlightFlowchart(figureId: string, highlight: FlowchartHighlight): void {
  const figure = document.getElementById(figureId);
  if (!figure) return;
  const nodes = new Set(highlight.nodes);
  const edges = new Set(highlight.edges);
  for (const svg of figure.querySelectorAll('svg')) {
    for (const group of svg.querySelectorAll<SVGGElement>('g.node')) {
      const id = drawnNodeId(svg.id, group.id);
      group.classList.toggle(ON_PATH, id !== undefined && nodes.has(id));
      group.classList.toggle(CURRENT, id !== undefined && id === highlight.current);
    }
    for (const edge of svg.querySelectorAll<SVGPathElement>('path[data-id]')) {
      edge.classList.toggle(ON_PATH, edges.has(edge.dataset['id'] ?? ''));
    }
    for (const label of svg.querySelectorAll<SVGGElement>('g.edgeLabel')) {
      const id = label.querySelector<SVGGElement>('[data-id]')?.dataset['id'] ?? '';
      label.classList.toggle(ON_PATH, edges.has(id));
    }
  }
}

/** Calls `redraw` when drawings are added to the figure later (diagrams drawn in the browser); returns a stop function. */
export function watchFlowchart(figureId: string, redraw: () => void): () => void {
  const figure = document.getElementById(figureId);
  if (!figure) return () => {};
  const observer = new MutationObserver(redraw);
  observer.observe(figure, { childList: true });
  return () => observer.disconnect();
}

/** Keeps an element at its current height (CSSOM, which the CSP allows, unlike style attributes). */
export function holdHeight(element: HTMLElement | null): void {
  if (element) element.style.minHeight = `${element.offsetHeight}px`;
}

/** Lets an element size to its content again. */
export function releaseHeight(element: HTMLElement | null): void {
  if (element) element.style.minHeight = '';
}
