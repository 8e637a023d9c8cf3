/**
 * The header's controls on every page: the theme toggle, the mobile menu and the way into search. A bundled
 * module that theme-init.js adds on the reader's first input (ThemeScript.astro), and which then handles it;
 * only setting the theme has to run before first paint. The search dialog's own script and Pagefind load when
 * search first opens.
 */

declare global {
  interface Window {
    /** Set by theme-init.js: stops its early listeners and hands over the input events they queued. */
    siteUiTakeOver?: () => Event[];
  }
}
export {};
const early = window.siteUiTakeOver?.() ?? [];

const root = document.documentElement;
const byId = (id: string) => document.getElementById(id);

// Theme: the button shows the theme in force; a choice is remembered, and until one is made the page follows
// the system setting as it changes.
const themeButton = byId('theme-toggle');
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const setTheme = (theme: string) => {
  root.dataset['theme'] = theme;
  themeButton?.setAttribute('aria-pressed', String(theme === 'dark'));
};
const stored = () => {
  try {
    return localStorage.getItem('theme');
  } catch {
    return null;
  }
};
setTheme(root.dataset['theme'] ?? 'light');
systemDark.addEventListener('change', (e) => stored() || setTheme(e.matches ? 'dark' : 'light'));
themeButton?.addEventListener('click', () => {
  const next = root.dataset['theme'] === 'dark' ? 'light' : 'dark';
  setTheme(next);
  try {
    localStorage.setItem('theme', next);
  } catch {
    // Not remembered where storage is blocked; the switch still applies to this page.
  }
});

// Mobile menu: while open it covers the page, so everything but the menu and its button is inert (no focus,
// no clicks, hidden from assistive technology); Escape or a wider window closes it.
const menuButton = byId('menu-toggle');
const menu = byId('sidebar');
let inerted: Element[] = [];
const setMenu = (open: boolean) => {
  if (!menuButton || !menu) return;
  menuButton.setAttribute('aria-expanded', String(open));
  root.classList.toggle('menu-open', open);
  for (const element of inerted) element.removeAttribute('inert');
  inerted = open ? outside([menuButton, menu]) : [];
  for (const element of inerted) element.setAttribute('inert', '');
};
const menuOpen = () => menuButton?.getAttribute('aria-expanded') === 'true';
menuButton?.addEventListener('click', () => setMenu(!menuOpen()));
matchMedia('(min-width: 50.01rem)').addEventListener('change', (e) => e.matches && setMenu(false));

/** Every element that is neither one of `keep`, nor contains one, nor is inside one: the siblings up the tree. */
function outside(keep: Element[]): Element[] {
  const found = new Set<Element>();
  for (const element of keep) {
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement?.children ?? []) found.add(sibling);
    }
  }
  return [...found].filter((e) => !keep.some((k) => e.contains(k)) && e.tagName !== 'SCRIPT');
}

// Search: the button, Ctrl+K or Cmd+K, and "/" when not typing open the dialog. Its form never submits, so
// Enter pressed before the dialog's script has loaded cannot reload the page.
const dialog = byId('search-dialog') as HTMLDialogElement | null;
dialog?.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
const openSearch = () => {
  if (!dialog || dialog.open) return;
  setMenu(false);
  dialog.showModal();
  if (dialog.dataset['loaded']) return;
  dialog.dataset['loaded'] = 'true';
  const script = document.createElement('script');
  script.type = 'module';
  script.src = dialog.dataset['script'] ?? '';
  document.head.append(script);
};
byId('search-open')?.addEventListener('click', openSearch);

const onKey = (e: KeyboardEvent) => {
  const target = e.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const key = e.key.toLowerCase();
  if ((key === 'k' && (e.metaKey || e.ctrlKey)) || (key === '/' && !typing)) {
    e.preventDefault();
    openSearch();
  } else if (key === 'escape' && dialog?.open) {
    // WebKit's search fields take Escape for themselves (to clear the text, even an empty one), so the modal
    // dialog never gets its cancel: without this, Escape in Safari would not close search. It lives here, not in
    // the dialog's own script, so it works from the moment the dialog opens.
    e.preventDefault();
    dialog.close();
  } else if (key === 'escape' && menuOpen()) {
    setMenu(false);
    menuButton?.focus();
  }
};
addEventListener('keydown', onKey);

// The input that loaded this script: a shortcut is acted on, a click on a control is given to the control again.
for (const event of early) {
  if (event instanceof KeyboardEvent) onKey(event);
  // A pointer move or press only started the loading: nothing to replay.
  else if (event.type === 'click') (event.target as Element).closest<HTMLElement>('.site-header button')?.click();
}
