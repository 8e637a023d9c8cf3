/** Gives each highlighted code block a "Copy" button that copies its text and says so in a live region. */
export function enhanceCodeBlocks(root: Document): void {
  const status = root.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  root.body.append(status);
  for (const pre of root.querySelectorAll<HTMLPreElement>('pre.astro-code')) {
    const button = root.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to clipboard');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.querySelector('code')?.innerText ?? pre.innerText);
        status.textContent = 'Code copied to clipboard';
        button.textContent = 'Copied';
      } catch {
        status.textContent = 'Could not copy: select the code and copy it by hand';
      }
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    });
    const wrapper = root.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre, button);
  }
}
