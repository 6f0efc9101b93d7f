/**
 * The single place where article HTML enters an extension page. It sanitizes again with this page's own
 * DOMPurify, whatever the content script already did: the HTML may come from storage, a backup or a bug.
 * A codebase test fails if any other module writes HTML (innerHTML, outerHTML, insertAdjacentHTML,
 * document.write) into an extension page. Its counterpart `articleHtml` is the way article HTML leaves the
 * page again (to be saved), sanitized on the way out too.
 */
import { sanitizeHtml, sanitizeToFragment } from '../core/sanitize.ts';

export function renderArticleHtml(container: Element, html: string): void {
  container.replaceChildren(sanitizeToFragment(window, html));
}

/**
 * Sanitizes `html` and inserts it into `parent` before `reference` (null: at the end), wrapped in one new
 * `<div>`, which it returns. Returns null, inserting nothing, when nothing visible survives sanitizing.
 */
export function insertArticleHtml(reference: Node | null, parent: Node, html: string): HTMLDivElement | null {
  const fragment = sanitizeToFragment(window, html);
  if (!fragment.textContent?.trim() && !fragment.querySelector('img, picture, video, audio')) return null;
  const wrapper = document.createElement('div');
  wrapper.append(fragment);
  parent.insertBefore(wrapper, reference);
  return wrapper;
}

/** The sanitized HTML of an element's content (an article body as it is saved). */
export function articleHtml(body: Element): string {
  return sanitizeHtml(window, body.innerHTML);
}
