/**
 * An article as a view (popup or reader tab) holds it: what is shown, what Save sends, what the exports contain
 * once the reader restored removed items. Shared by src/popup/main.ts and src/reader/main.ts.
 */
import type { LibraryItem } from '../background/library/types.ts';
import { articleToPlainText } from '../core/export/text.ts';
import { slugify } from '../core/filename.ts';
import { readingTimeMinutes, wordCount } from '../core/reading-time.ts';
import { htmlToText } from '../core/text.ts';
import type { Article } from '../core/types.ts';
import type { Viewable } from './article-view.ts';
import { articleHtml } from './html-sink.ts';
import { bodyForSaving } from './restore.ts';

export interface Shown {
  view: Viewable;
  /** The article as Save sends it: live from the page, or rebuilt from the saved item. */
  article: Article;
  /** A saved item is only saved again once the reader restored something in it. */
  from: 'page' | 'library';
  /** The saved item's id: it came from the library, or the page is saved (then its reading position is kept). */
  itemId?: string;
  /** Where the reader left off last time (0..1), restored when it is shown. */
  progress?: number;
  /** The text Copy/Download export: the article's, or the rendered body's once something is restored. */
  text: string;
  capturedAt: Date;
  /** Indices into article.removed that the reader put back. */
  restored: Set<number>;
  /** The rendered article body, once shown. */
  body: HTMLElement | null;
}

/** Records a restored item: the exports now follow the rendered body. */
export function noteRestored(s: Shown, index: number): void {
  s.restored.add(index);
  if (s.body) s.text = htmlToText(bodyForSaving(s.body));
}

/** What Save keeps: the article as the reader now sees it, restored items included. */
export function articleToSave(s: Shown): Article {
  if (s.restored.size === 0 || !s.body) return s.article;
  const body = bodyForSaving(s.body);
  const text = htmlToText(body);
  return {
    ...s.article,
    html: articleHtml(body),
    text,
    wordCount: wordCount(text),
    readingTimeMinutes: readingTimeMinutes(text, s.article.lang),
    removed: s.article.removed.filter((_, i) => !s.restored.has(i)),
  };
}

/** A saved item as an Article again, so a copy changed by Restore can be saved over the old one. */
export function articleFromItem(item: LibraryItem): Article {
  const { url, canonicalUrl, title, byline, siteName, publishedTime, modifiedTime, lang, dir, excerpt, leadImage } = item;
  const { wordCount: words, readingTimeMinutes: minutes, html, text } = item;
  return {
    url, canonicalUrl, readerable: true, title, byline, siteName, publishedTime, modifiedTime, lang, dir, excerpt, leadImage,
    wordCount: words, readingTimeMinutes: minutes, html, text, removed: item.removed ?? [], ms: 0,
  };
}

export interface Export {
  name: string;
  body: string;
  type: string;
}

export function plainTextExport(s: Shown): Export {
  const body = articleToPlainText({ ...s.view, text: s.text }, s.capturedAt);
  return { name: `${slugify(s.view.title)}.txt`, body, type: 'text/plain;charset=utf-8' };
}

/** Saves a file to the user's downloads (an <a download> click; no "downloads" permission). */
export function downloadFile(out: Export): void {
  const blob = new Blob([out.body], { type: out.type });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = out.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
