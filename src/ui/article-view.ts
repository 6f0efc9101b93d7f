/**
 * Renders an article (live or saved) into the reader markup: <article> with one <h1>, a "Source" group with
 * site, byline, <time datetime>, reading time and the link back, then the sanitized body.
 */
import { t } from '../platform/index.ts';
import { renderArticleHtml } from './html-sink.ts';
import { formatDate } from './i18n.ts';

export interface Viewable {
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  readingTimeMinutes: number;
  html: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An image that can't load (offline, blocked, gone) would show its alt text as a stray line: hide it. */
export function hideBrokenImages(root: ParentNode): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    img.addEventListener('error', () => img.classList.add('broken'), { once: true });
  }
}

/** Renders `a` into `article`; returns its header (for what goes under the Source line) and its body. */
export function renderArticle(article: HTMLElement, a: Viewable): { header: HTMLElement; body: HTMLElement } {
  article.replaceChildren();
  if (a.lang) article.lang = a.lang;
  else article.removeAttribute('lang');
  article.dir = a.dir ?? 'auto';

  const header = el('header', 'article-header');
  const title = el('h1', 'article-title', a.title);
  // Element Timing: when the article is first on screen (bench:ui reads it; harmless elsewhere).
  title.setAttribute('elementtiming', 'article-title');
  header.append(title);

  const source = el('div', 'source');
  source.setAttribute('role', 'group');
  source.setAttribute('aria-label', t('source'));
  const parts: HTMLElement[] = [];
  if (a.siteName) parts.push(el('span', 'site', a.siteName));
  if (a.byline) parts.push(el('span', 'byline', t('by', a.byline)));
  const published = formatDate(a.publishedTime);
  if (a.publishedTime && published) {
    const time = el('time', 'published', published);
    time.dateTime = a.publishedTime;
    parts.push(time);
  }
  parts.push(el('span', 'reading-time', t('minRead', String(a.readingTimeMinutes))));
  const href = safeHttpUrl(a.canonicalUrl ?? a.url);
  if (href) {
    const link = el('a', 'original', t('openOriginal'));
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    parts.push(link);
  }
  parts.forEach((p, i) => {
    if (i > 0) source.append(el('span', 'sep', ' · '));
    source.append(p);
  });
  // Site names and bylines may be in another script than the article: isolate their direction.
  for (const p of parts) p.setAttribute('dir', 'auto');
  header.append(source);

  const body = el('div', 'article-body');
  renderArticleHtml(body, a.html);
  hideBrokenImages(body);
  article.append(header, body);
  return { header, body };
}
