/**
 * The page as Pagefind should read it: each inline <svg> replaced by a paragraph of its text (title,
 * description, then every <text> element in order). Pagefind skips <svg> elements entirely, so without this a
 * label or note that appears only in a diagram could not be found. Only the index sees this HTML; readers get
 * the page as built.
 */
export function searchableHtml(html: string): string {
  return html.replace(/<svg\b[\s\S]*?<\/svg>/g, (svg) => {
    const texts = [...svg.matchAll(/<(title|desc|text)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((m) =>
        m[2]!
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((text) => text !== '');
    return texts.length > 0 ? `<p>${texts.join(' ')}</p>` : '';
  });
}
