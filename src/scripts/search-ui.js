// The search dialog's behaviour, loaded (as a plain module, not bundled) only when a reader opens search.
// Pagefind's own script, index and WebAssembly are fetched on the first query, from <base>pagefind/.
/** @type {HTMLDialogElement} */
const dialog = /** @type {any} */ (document.getElementById('search-dialog'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('search-input'));
const list = /** @type {HTMLUListElement} */ (document.getElementById('search-results'));
const status = /** @type {HTMLElement} */ (document.getElementById('search-status'));
const base = dialog.dataset.base ?? '/';
/** @type {Promise<any> | undefined} */
let engine;
let latest = 0;

const load = () =>
  (engine ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pagefind) => {
    await pagefind.options({ baseUrl: base });
    return pagefind;
  }));

/** Pagefind marks matches with <mark>; rebuild the excerpt from text nodes so no markup is ever parsed. */
function excerptNodes(/** @type {string} */ excerpt) {
  const parts = excerpt.split(/<mark>|<\/mark>/);
  return parts.map((part, i) => {
    const text = document.createTextNode(
      part
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    if (i % 2 === 0) return text;
    const mark = document.createElement('mark');
    mark.append(text);
    return mark;
  });
}

async function search() {
  const query = input.value.trim();
  const ticket = ++latest;
  if (query === '') {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const pagefind = await load();
  const found = await pagefind.debouncedSearch(query, {}, 150);
  if (found === null || ticket !== latest) return;
  const results = await Promise.all(found.results.slice(0, 8).map((/** @type {any} */ r) => r.data()));
  if (ticket !== latest) return;
  list.replaceChildren(
    ...results.map((/** @type {any} */ r) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = r.url;
      link.textContent = r.meta.title ?? r.url;
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(r.excerpt));
      item.append(link, excerpt);
      return item;
    }),
  );
  status.textContent =
    found.results.length === 0
      ? `No results for “${query}”`
      : `${found.results.length} result${found.results.length === 1 ? '' : 's'} for “${query}”`;
}

input.addEventListener('input', () => void search());
dialog.addEventListener('click', (e) => {
  if (e.target === dialog) dialog.close();
});
document.getElementById('search-close')?.addEventListener('click', () => dialog.close());
// Enter opens the first result; the form itself never submits (site-ui.ts stops that from the start, before this
// script has loaded).
input.form?.addEventListener('submit', (e) => {
  e.preventDefault();
  /** @type {HTMLAnchorElement | null} */ (list.querySelector('a'))?.click();
});
// What the reader typed while this script was loading is searched now.
if (input.value.trim() !== '') void search();
