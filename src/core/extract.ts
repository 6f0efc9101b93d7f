/**
 * extract(document, url) → Article: Lectern's whole extraction, the same in the content script and the CLI.
 *
 *   metadata (read-only, original document)       → title, byline, site, dates, lead image, lang/dir…
 *   readerable? (read-only, original document)    → the "doesn't look like an article" signal
 *   clone → clean-up page phase → Readability → clean-up content phase → lead image → sanitize → text
 *
 * The caller's document is never mutated (Readability mutates, so it runs on a clone).
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { cleanContent, cleanPage, type Removal } from './cleanup/index.ts';
import { findProseContainer, proseIn } from './fallback.ts';
import { extractMetadata } from './metadata/index.ts';
import type { PageMetadata } from './metadata/types.ts';
import { readingTimeMinutes, wordCount } from './reading-time.ts';
import { sanitizeInPlace } from './sanitize.ts';
import { ensureLeadImage, findShownLeadImage, firstLargeImage } from './lead-image.ts';
import { ensureStandfirst, standfirstText } from './standfirst.ts';
import { elementsIn } from './dom.ts';
import { collapseWhitespace, htmlToText } from './text.ts';
import { ExtractError, type Article, type ExtractOptions, type RemovedItem } from './types.ts';

export const DEFAULT_MAX_ELEMENTS = 200_000;
/** schema.org types that make a page an article even when Readability's quick check hesitates. */
const ARTICLE_TYPES = /Article$|^(?:BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function extract(doc: Document, url: string, options: ExtractOptions = {}): Article {
  const started = now();
  const win = doc.defaultView;
  if (!win) throw new ExtractError('failed', 'The document has no window to sanitize with.');
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const elementCount = doc.getElementsByTagName('*').length; // .length alone is fast; indexing it is not
  if (elementCount > maxElements) {
    throw new ExtractError('too-large', `This page is too large to clean (${elementCount} elements; the limit is ${maxElements}).`);
  }

  const meta = extractMetadata(doc, url);
  // Readability's quick check only matters when the page doesn't declare itself an article (see isReaderable);
  // it must read the page before anything mutates it.
  const readerableByShape = declaresArticle(meta) || isProbablyReaderable(doc);

  // Read everything needed from the page before anything mutates it.
  const dek = standfirstText(doc, meta.title ?? doc.title, meta.excerpt);
  const shownLead = findShownLeadImage(doc, meta.leadImage);
  const base = doc.baseURI;

  // Readability mutates the document: work on a copy unless the caller hands over a disposable one.
  const clone = options.inPlace ? doc : (doc.cloneNode(true) as Document);
  const removals: Removal[] = [];
  if (!options.skipCleanup) cleanPage(clone, url, removals);
  const fallback = findProseContainer(clone);
  const parsed = new Readability<Element>(clone, {
    serializer: (el) => el as Element,
    classesToPreserve: codeLanguageClasses(clone),
  }).parse();
  let content = parsed?.content ?? null;
  // Second opinion: when Readability kept far less prose than the page's main prose block, take that block.
  if (fallback && fallback.prose >= 500 && (!content || proseIn(content) < fallback.prose * 0.5)) {
    const wrapper = clone.createElement('div');
    wrapper.appendChild(fallback.el);
    content = wrapper;
  }
  if (!content) throw new ExtractError('empty', 'No readable text was found on this page.');

  if (!options.skipCleanup) cleanContent(content, url, removals, meta.byline);
  const title = collapseWhitespace(meta.title ?? parsed?.title ?? '') || hostnameOf(url);
  tidyHeadings(content, title);
  demoteLandmarks(content);
  // Readability's own wrappers (#readability-content, #readability-page-1.page) mean nothing to a reader.
  for (const el of elementsIn(content)) {
    if (el !== content && !el.id.startsWith('readability-')) continue;
    if (/^readability-/.test(el.id)) el.removeAttribute('id');
    if (el.getAttribute('class') === 'page') el.removeAttribute('class');
  }
  ensureStandfirst(content, dek);
  const leadImage = meta.leadImage ?? firstLargeImage(content);
  ensureLeadImage(content, leadImage, shownLead, base);

  dropCustomizedBuiltIns(content);
  // `content` is detached and Lectern's own (Readability's result or the fallback's copy): sanitize it where it
  // is, then serialize it inside a holder, so the HTML is the sanitized <div> itself.
  sanitizeInPlace(win, content);
  const holder = clone.createElement('div');
  holder.appendChild(content);
  const html = holder.innerHTML;
  const text = htmlToText(holder);
  const lang = meta.lang ?? nonEmpty(parsed?.lang);
  const words = wordCount(text);
  const siteName = meta.siteName ?? nonEmpty(parsed?.siteName);

  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    readerable: isReaderable(readerableByShape, meta, content, url, words),
    title,
    byline: meta.byline ?? cleanByline(parsed?.byline, siteName),
    siteName,
    publishedTime: meta.publishedTime ?? isoOrNull(parsed?.publishedTime),
    modifiedTime: meta.modifiedTime,
    lang,
    dir: meta.dir ?? (parsed?.dir === 'rtl' || parsed?.dir === 'ltr' ? parsed.dir : null),
    excerpt: meta.excerpt ?? nonEmpty(parsed?.excerpt),
    leadImage,
    wordCount: words,
    readingTimeMinutes: readingTimeMinutes(text, lang),
    html,
    text,
    removed: toRemovedItems(win, clone, removals),
    ms: Math.round((now() - started) * 100) / 100,
  };
}

/**
 * Article or not. A schema.org article type or og:type=article says yes; otherwise Readability's quick check
 * must agree and the result must not look like an index page: the site's front page, or content made of
 * linked headlines (teaser cards).
 */
function declaresArticle(meta: PageMetadata): boolean {
  return ARTICLE_TYPES.test(meta.schemaType ?? '') || meta.ogType === 'article';
}

function isReaderable(byShape: boolean, meta: PageMetadata, content: Element, url: string, words: number): boolean {
  if (words < 50) return false;
  if (declaresArticle(meta)) return true;
  if (!byShape) return false;
  let path = '/';
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep "/" */
  }
  const linkedHeadlines = content.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4').length;
  const paragraphs = content.getElementsByTagName('p').length;
  return path.replace(/\/(?:index\.\w+)?$/, '') !== '' && !(linkedHeadlines >= 4 && linkedHeadlines * 2 >= paragraphs);
}

/** `language-*` / `lang-*` classes of code blocks: Readability strips classes, but exports need the language. */
function codeLanguageClasses(doc: Document): string[] {
  const found = new Set<string>();
  for (const tag of ['pre', 'code']) {
    const els = doc.getElementsByTagName(tag);
    for (let i = 0; i < els.length; i++) {
      for (const c of els[i]!.classList) if (/^(?:language|lang)-[\w+#.-]+$/.test(c)) found.add(c);
    }
  }
  return [...found];
}

/** Removed elements larger than this (in characters of text) are listed but can't be restored. */
const MAX_RESTORABLE_TEXT = 5000;

/**
 * The removals as RemovedItems, their HTML sanitized in one DOMPurify pass: each restorable element is copied
 * into its own <div> slot of one detached container, the container is sanitized in place, and each slot's HTML
 * is the item's. (One call per item would parse a fresh document per item.) A slot keeps what DOMPurify keeps
 * of its element, as a separate call would: sanitizing only removes or unwraps nodes below the slot.
 */
export function toRemovedItems(win: Window, doc: Document, removals: readonly Removal[]): RemovedItem[] {
  const container = doc.createElement('div');
  const slots = removals.map((r) => {
    if (textLength(r.el) > MAX_RESTORABLE_TEXT) return null;
    const slot = doc.createElement('div');
    slot.appendChild(doc.importNode(r.el, true));
    container.appendChild(slot);
    return slot;
  });
  if (container.firstChild) sanitizeInPlace(win, container);
  return removals.map((r, i) => {
    const html = slots[i]?.innerHTML ?? null;
    return { rule: r.rule, text: r.text, html: html && html.trim() ? html : null, at: r.at };
  });
}

function textLength(el: Element): number {
  return (el.textContent ?? '').length;
}

/**
 * DOMPurify drops a customized built-in element (<section is="x-layout">) with everything inside it. The `is`
 * value means nothing outside the page, and it lives in the element itself (removing the attribute doesn't
 * clear it), so such elements are rebuilt as plain elements of the same tag.
 */
function dropCustomizedBuiltIns(content: Element): void {
  for (const el of elementsIn(content)) {
    // The root is Readability's own wrapper, never customized.
    if (el === content || !el.hasAttribute('is')) continue;
    const plain = el.ownerDocument.createElement(el.tagName.toLowerCase());
    for (const attr of Array.from(el.attributes)) if (attr.name !== 'is') plain.setAttribute(attr.name, attr.value);
    while (el.firstChild) plain.appendChild(el.firstChild);
    el.replaceWith(plain);
  }
}

function nonEmpty(v: string | null | undefined): string | null {
  const s = collapseWhitespace(v ?? '');
  return s ? s : null;
}

function isoOrNull(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Readability's byline as a fallback: not when it's just the site's name (an Organization "author"). */
function cleanByline(v: string | null | undefined, siteName: string | null): string | null {
  const s = nonEmpty(v)?.replace(/^by\s+/i, '') ?? null;
  if (!s || s.length > 100) return null;
  return siteName && s.toLowerCase() === siteName.toLowerCase() ? null : s;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * The reader shows its own <h1> (the title); the body keeps none. A leading heading that repeats the title is
 * dropped; other <h1>s become <h2>.
 */
function tidyHeadings(content: Element, title: string): void {
  const normalized = title.toLowerCase();
  for (const h of Array.from(content.querySelectorAll('h1, h2'))) {
    if (collapseWhitespace(h.textContent ?? '').toLowerCase() === normalized) {
      h.remove();
    } else if (h.tagName === 'H1') {
      const h2 = h.ownerDocument.createElement('h2');
      while (h.firstChild) h2.appendChild(h.firstChild);
      h.replaceWith(h2);
    }
  }
}

/**
 * The reader puts the body inside its own <article>; the page's <article>/<main> wrappers inside it would be
 * extra landmarks for assistive tech, so they become plain <div>s.
 */
function demoteLandmarks(content: Element): void {
  for (const el of Array.from(content.querySelectorAll('article, main'))) {
    const div = el.ownerDocument.createElement('div');
    while (el.firstChild) div.appendChild(el.firstChild);
    el.replaceWith(div);
  }
}

