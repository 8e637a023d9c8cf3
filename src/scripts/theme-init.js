// Inline in <head> (ThemeScript.astro), so it runs before first paint: the stored theme, or else the system's,
// is set before anything is drawn, and the `js` class lets the styles show the controls that need a script.
// The build minifies this file and the CSP allows exactly the minified bytes (inline-script.ts): edit it here.
{
  const root = document.documentElement;
  let stored = null;
  try {
    stored = localStorage.getItem('theme');
  } catch {
    // Storage blocked (a sandboxed frame, some privacy settings): follow the system setting.
  }
  const system = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const theme = stored === 'dark' || stored === 'light' ? stored : system;
  root.dataset.theme = theme;
  root.classList.add('js');
  addEventListener('DOMContentLoaded', () =>
    document.getElementById('theme-toggle')?.setAttribute('aria-pressed', String(theme === 'dark')),
  );

  // The header's controls (site-ui.ts, bundled; its URL is this script's data-ui) are needed only once the reader
  // does something, so their script is added on the first key press, pointer move or press, or click (a mouse
  // moves before it clicks, which gives the script a head start). Those early events are queued for it to
  // handle, and Ctrl+K or Cmd+K (open search) is kept from the browser's shortcut meanwhile.
  const ui = document.currentScript.dataset.ui;
  const queue = [];
  const types = ['keydown', 'pointermove', 'pointerdown', 'click'];
  const early = (event) => {
    if (event.key?.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey)) event.preventDefault();
    if (queue.push(event) === 1) import(ui);
  };
  for (const type of types) addEventListener(type, early, true);
  window.siteUiTakeOver = () => {
    for (const type of types) removeEventListener(type, early, true);
    return queue;
  };
}
