/**
 * Netscape bookmark HTML (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`: what every browser, and Pocket's old export,
 * writes): `<DT><A HREF ADD_DATE TAGS>title</A>` inside `<DL>` lists, folders as `<H3>`. ADD_DATE is Unix
 * seconds; TAGS a comma-separated list; the innermost folder becomes a tag unless it is a browser's own root
 * folder (Bookmarks bar, Other bookmarks…). Non-http(s) bookmarks (javascript:, place:, file:) are skipped.
 */
import { itemsOf } from '../dom.ts';
import { checkItemCount } from './limits.ts';
import { httpUrl, oneLine, parseDate, quoted, reason, splitTags, urlProblem, type ImportResult, type ImportedItem, type Skipped } from './types.ts';

const ROOT_FOLDERS = /^(?:bookmarks(?: bar| toolbar| menu)?|other bookmarks|mobile bookmarks|favorites(?: bar)?|imported|unsorted bookmarks|pocket|read it later)$/i;

export function looksLikeBookmarks(text: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(text.slice(0, 2000)) || /<DL>\s*<p>\s*<DT>/i.test(text.slice(0, 20000));
}

/** Parses bookmark HTML with `win`'s DOMParser (an inert document: no scripts run, nothing loads). */
export function parseBookmarksHtml(text: string, win: Window, maxItems = Infinity): ImportResult {
  const { DOMParser } = win as Window & typeof globalThis;
  return parseBookmarks(new DOMParser().parseFromString(text, 'text/html'), maxItems);
}

function folderOf(a: Element): string | null {
  for (let node = a.parentElement; node; node = node.parentElement) {
    if (node.tagName !== 'DL') continue;
    let sibling = node.previousElementSibling;
    while (sibling && sibling.tagName === 'P') sibling = sibling.previousElementSibling;
    const h3 = sibling?.tagName === 'H3' ? sibling : node.parentElement?.tagName === 'DT' ? node.parentElement.querySelector(':scope > h3') : null;
    if (h3) return oneLine(h3.textContent);
    return null;
  }
  return null;
}

export function parseBookmarks(doc: Document, maxItems = Infinity): ImportResult {
  const items: ImportedItem[] = [];
  const skipped: Skipped[] = [];
  const links = doc.querySelectorAll('a');
  checkItemCount(links.length, maxItems, 'bookmarks');
  itemsOf(links).forEach((a, i) => {
    const title = oneLine(a.textContent);
    const where = { bookmark: i + 1, title: title.length > 60 ? `${title.slice(0, 60)}…` : title };
    const href = a.getAttribute('href');
    const url = httpUrl(href);
    if (!url) {
      skipped.push({ row: where, field: 'HREF', imported: false, reason: urlProblem(href) });
      return;
    }
    const raw = a.getAttribute('add_date');
    let savedAt = parseDate(raw);
    if (savedAt === undefined) {
      skipped.push({ row: where, field: 'ADD_DATE', imported: true, reason: reason('importReasonBadDateNow', quoted(raw ?? '')) });
      savedAt = null;
    }
    const tags = splitTags(a.getAttribute('tags') ?? '', /,/);
    const folder = folderOf(a);
    if (folder && !ROOT_FOLDERS.test(folder)) tags.push(folder);
    items.push({ row: where, url, title: title || url, savedAt, tags });
  });
  return { format: 'bookmarks', items, skipped };
}
