/**
 * An article from a page fetched by "Fetch articles" (Library page): the HTML is parsed with `win`'s
 * DOMParser — an inert document: no script runs, nothing loads — and cleaned by the same `extract` as a page
 * read on click. A parsed document has no window of its own, so `win` stands in for it (DOMPurify and
 * Readability only need a window's constructors).
 */
import { extract } from '../extract.ts';
import type { Article } from '../types.ts';

export function articleFromHtml(html: string, url: string, win: Window): Article {
  const { DOMParser } = win as Window & typeof globalThis;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.defaultView) Object.defineProperty(doc, 'defaultView', { value: win });
  return extract(doc, url);
}
