/**
 * The single place where article HTML enters an extension page. It sanitizes again with this page's own
 * DOMPurify, whatever the content script already did: the HTML may come from storage, a backup or a bug.
 * A codebase test fails if any other module writes HTML (innerHTML, outerHTML, insertAdjacentHTML,
 * document.write) into an extension page.
 */
import { sanitizeToFragment } from '../core/sanitize.ts';

export function renderArticleHtml(container: Element, html: string): void {
  container.replaceChildren(sanitizeToFragment(window, html));
}
