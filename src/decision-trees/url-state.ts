import { indexNodes, isQuestion } from './nodes.ts';
import type { DecisionTree } from './schema.ts';
import { pathOf, type QuizState } from './walk.ts';

/** A quiz's answers in the address bar: answer slugs joined by dots, read back without ever trusting them. */

/** The URL slug of an answer label: lowercase ASCII letters and digits joined by hyphens ("Native app" -> "native-app"). */
export function answerSlug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// Longer than any real route needs; anything beyond it is tampering, not a path.
const MAX_ENCODED_LENGTH = 256;
const ENCODED_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** The state as a URL-safe value: answer slugs joined by dots, e.g. "no.no.no.native-app" ("" at the start). */
export function encodeAnswers(tree: DecisionTree, state: QuizState): string {
  const { edges } = pathOf(tree, state);
  return edges.map((edge) => answerSlug(edge.label)).join('.');
}

/** Parses a value made by encodeAnswers; anything unknown, out of order, malformed or too long yields the start state. Never throws. */
export function decodeAnswers(tree: DecisionTree, raw: string | null): QuizState {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_ENCODED_LENGTH || !ENCODED_PATTERN.test(raw)) {
    return [];
  }
  const slugs = raw.split('.');
  if (slugs.length > tree.nodes.length) return [];
  const byId = indexNodes(tree);
  let node = byId.get(tree.start)?.node;
  const state: number[] = [];
  for (const slug of slugs) {
    if (!node || !isQuestion(node)) return [];
    const index = node.answers.findIndex((a) => answerSlug(a.label) === slug);
    const chosen = node.answers[index];
    if (!chosen) return [];
    state.push(index);
    node = byId.get(chosen.next)?.node;
  }
  return node ? state : [];
}

/**
 * The address to show for a state: `href` with the answers in `param` (the tree's id) (and `anchor` as fragment, so a
 * shared link opens at the quiz), or with both removed when `value` is empty. Returns path, query and hash.
 * Only `param` is edited, in the raw query: every other parameter stays byte for byte (URLSearchParams would
 * rewrite `?foo&ref=a%20b` as `?foo=&ref=a+b`).
 */
export function urlWithAnswers(href: string, param: string, value: string, anchor: string): string {
  const url = new URL(href);
  const pairs = url.search === '' ? [] : url.search.slice(1).split('&');
  const own = pairs.findIndex((pair) => isParam(pair, param));
  const others = pairs.filter((pair) => !isParam(pair, param));
  let hash = url.hash;
  if (value === '') {
    if (hash === `#${anchor}`) hash = '';
  } else {
    others.splice(own === -1 ? others.length : own, 0, `${encodeURIComponent(param)}=${encodeURIComponent(value)}`);
    hash = `#${anchor}`;
  }
  return `${url.pathname}${others.length > 0 ? `?${others.join('&')}` : ''}${hash}`;
}

/** Whether a raw `name=value` pair of a query string is the parameter `name`, read as a form decodes it. */
function isParam(pair: string, name: string): boolean {
  const raw = pair.split('=', 1)[0]!.replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw) === name;
  } catch {
    // A malformed escape is some other page's business, never ours.
    return false;
  }
}
