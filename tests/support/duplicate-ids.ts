import type { Page } from 'playwright-core';

/** Ids that more than one element of the open page carries (SVG elements included), each with its count. */
export function duplicateIds(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const element of document.querySelectorAll('[id]')) counts[element.id] = (counts[element.id] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 1));
  });
}

/** Ids that more than one element of an HTML or SVG string carries, each with its count. */
export function duplicateIdsIn(markup: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, id] of markup.matchAll(/\sid="([^"]*)"/g)) counts[id!] = (counts[id!] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 1));
}
