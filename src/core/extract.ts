/**
 * extract(document, url) → Article: Lectern's whole extraction, the same in the content script and the CLI.
 *
 *   metadata (read-only, original document)       → title, byline, site, dates, lead image, lang/dir…
 *   readerable? (read-only, original document)    → the "doesn't look like an article" signal
 *   clone → clean-up page phase → Readability → clean-up content phase → lead image → sanitize → text
 *
 * The caller's document is never mutated (Readability mutates, so it runs on a clone).
 */
import { cleanContent, cleanPage, REMOVED_FROM, type Removal } from './cleanup/index.ts';
import { declaresArticle, isReaderable, probablyReaderable } from './readerable.ts';
import { fallbackElement, findProseContainer, measureProse, narrowToProse, proseIn } from './fallback.ts';
import { extractMetadata } from './metadata/index.ts';
import { elementsWithTags, parseWithReadability } from './readability.ts';
import { countText, readingTimeMinutes, wordCount } from './reading-time.ts';
import { dropTrackingPixels, sanitizeInPlace } from './sanitize.ts';
import { ensureLeadImage, findShownLeadImage, firstLargeImage } from './lead-image.ts';
import { ensureStandfirst, standfirstText } from './standfirst.ts';
import { withoutFormClobbering } from './clobbering.ts';
import { baseUrlOf, elementsIn, itemsOf } from './dom.ts';
import { scanDocument, type DocumentScan } from './scan.ts';
import { prepareForReadability } from './prepare.ts';
import { RULES } from './cleanup/rules/index.ts';
import { collapseWhitespace, htmlToText } from './text.ts';
import { ExtractError, type Article, type ExtractOptions, type RemovedItem } from './types.ts';

export const DEFAULT_MAX_ELEMENTS = 200_000;
/** Characters of visible text (script and style bodies excluded): about 300,000 words, far beyond any article. */
export const DEFAULT_MAX_TEXT_LENGTH = 2_000_000;
/**
 * Element nesting depth: real pages stay under 40 (measured on 240 pages of the benchmark corpus), browsers'
 * HTML parsers stop nesting at 512, but script-built or jsdom-parsed pages can go deeper, and Readability's
 * cost grows with the cube of the depth (a 2,000-deep page takes minutes on jsdom; 5,000 overflows its stack).
 */
export const DEFAULT_MAX_DEPTH = 256;
const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs the extraction in one go (the CLI, tests). Throws only ExtractError. */
export function extract(doc: Document, url: string, options: ExtractOptions = {}): Article {
  const steps = extractSteps(doc, url, options);
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  } catch (err) {
    throw typed(err);
  }
}

/**
 * The same extraction, handing the thread back between its phases (`pause`, a macrotask by default): on a live
 * page (the content script) the page's own work runs in between, so a long extraction does not freeze it.
 * Everything the page could change is read before the first pause, from the page itself; after that Lectern
 * works on its own copy, which page scripts cannot reach. Rejects only with ExtractError.
 */
export async function extractAsync(doc: Document, url: string, options: ExtractOptions = {}, pause: () => Promise<void> = nextTask): Promise<Article> {
  const steps = extractSteps(doc, url, options);
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  } catch (err) {
    throw typed(err);
  }
}

/** Any failure as an ExtractError (unexpected ones as "failed", keeping the original as `cause`). */
function typed(err: unknown): ExtractError {
  if (err instanceof ExtractError) return err;
  return new ExtractError('failed', `Extraction failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Refuses a page before any real work when it is too large: one walk counts elements, text and depth (stopping
 * when the nesting is too deep), and its findings serve the steps after it. The text excludes script and style
 * bodies (which can be megabytes of JSON on a small page).
 */
function scanWithin(doc: Document, maxElements: number, maxTextLength: number, maxDepth: number): DocumentScan | null {
  const root = doc.documentElement;
  if (!root) return null;
  const scan = scanDocument(root, maxDepth);
  if (scan.tooDeep) {
    throw new ExtractError('too-large', `This page is too large to clean (elements nested more than ${maxDepth} deep).`);
  }
  const elementCount = scan.elements.length;
  if (elementCount > maxElements) {
    throw new ExtractError('too-large', `This page is too large to clean (${elementCount} elements; the limit is ${maxElements}).`);
  }
  if (scan.textLength > maxTextLength) {
    throw new ExtractError('too-large', `This page is too large to clean (${scan.textLength} characters of text; the limit is ${maxTextLength}).`);
  }
  return scan;
}

function* extractSteps(page: Document, url: string, options: ExtractOptions): Generator<void, Article, void> {
  const started = now();
  const budget = options.timeBudgetMs ?? Infinity;
  /** Called between phases: past the time budget, give up with a clear answer rather than keep the page busy. */
  const checkTime = (phase: string): void => {
    const spent = now() - started;
    if (spent > budget) {
      throw new ExtractError('too-large', `This page is too large to clean in time (${Math.round(spent)} ms, over the ${budget} ms budget, at ${phase}).`);
    }
  };
  const win = page.defaultView;
  if (!win) throw new ExtractError('failed', 'The document has no window to sanitize with.');
  const pageScan = scanWithin(
    page,
    options.maxElements ?? DEFAULT_MAX_ELEMENTS,
    options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH,
    options.maxDepth ?? DEFAULT_MAX_DEPTH,
  );
  // A page whose forms clobber DOM methods is read from a copy without the clobbering names.
  const doc = withoutFormClobbering(page, options.inPlace === true, pageScan ? (tag) => pageScan.byTag(tag) : undefined);
  const scan = doc === page ? pageScan : doc.documentElement ? scanDocument(doc.documentElement) : null;

  const meta = extractMetadata(doc, url, scan ?? undefined);
  // Readability's quick check only matters when the page doesn't declare itself an article (see isReaderable);
  // it must read the page before anything mutates it.
  const readerableByShape = declaresArticle(meta) || probablyReaderable(scan ? (tag) => scan.byTag(tag) : (tag) => itemsOf(doc.getElementsByTagName(tag)));

  // Read everything needed from the page before anything mutates it.
  const dek = standfirstText(doc, meta.title ?? doc.title, meta.excerpt, scan ? (tag) => scan.byTag(tag) : undefined);
  const base = baseUrlOf(doc, scan?.byTag('base'));
  const shownLead = findShownLeadImage(doc, meta.leadImage, base, scan?.byTag('img'));

  // Readability mutates the document: work on a copy unless the caller hands over a disposable one (or the copy
  // above already is one).
  const clone = options.inPlace || doc !== page ? doc : (doc.cloneNode(true) as Document);
  yield;
  checkTime('metadata');
  // The working document's own walk: the page's when it is worked on in place, else one of the copy.
  const work = clone === doc ? scan : clone.documentElement ? scanDocument(clone.documentElement) : null;
  const removals: Removal[] = [];
  dropTrackingPixels(clone, work?.byTag('img'));
  if (!options.skipCleanup) {
    cleanPage(clone, url, removals, RULES, work ?? undefined);
    yield;
    checkTime('clean-up');
  }
  const classesToPreserve = prepareForReadability(clone, work);
  const prose = clone.body ? measureProse(clone.body, work?.byTag('p')) : undefined;
  const fallback = findProseContainer(clone, prose);
  // Readability then scores only the part of the page that holds the prose (the fallback above saw all of it).
  // The <h1> holding the title, or one the title holds ("Kicker: Headline - Site" over <h1>Headline</h1>).
  const fullTitle = collapseWhitespace(meta.title ?? '').toLowerCase();
  const normalizedTitle = fullTitle.slice(0, 40);
  const headline = normalizedTitle
    ? (work?.byTag('h1') ?? itemsOf(clone.getElementsByTagName('h1'))).find((h) => {
        const text = collapseWhitespace(h.textContent ?? '').toLowerCase();
        return text.includes(normalizedTitle) || (text.length >= 15 && fullTitle.includes(text));
      })
    : undefined;
  narrowToProse(clone, prose, headline);
  const parsed = parseWithReadability(clone, {
    serializer: (el) => el as Element,
    classesToPreserve,
    // Lectern's metadata has read the JSON-LD already (and the scripts are gone); its reader is also cut from
    // the content script at build time (scripts/vendor-patches.ts).
    disableJSONLD: true,
  });
  yield;
  checkTime('Readability');
  let content = parsed?.content ?? null;
  // Second opinion: when Readability kept far less prose than the page's main prose block, take that block.
  const second = fallback && fallback.prose >= 500 && (!content || proseIn(content) < fallback.prose * 0.5) ? fallbackElement(win, clone, fallback) : null;
  if (second) {
    const wrapper = clone.createElement('div');
    wrapper.appendChild(second);
    content = wrapper;
  }
  if (!content) throw new ExtractError('empty', 'No readable text was found on this page.');
  const inArticle = removedFromArticle(content);

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
  yield;
  checkTime('content clean-up');

  dropCustomizedBuiltIns(content);
  // `content` is detached and Lectern's own (Readability's result or the fallback's copy): sanitize it where it
  // is, then serialize it inside a holder, so the HTML is the sanitized <div> itself.
  sanitizeInPlace(win, content);
  const holder = clone.createElement('div');
  holder.appendChild(content);
  yield;
  checkTime('sanitizing');
  const html = holder.innerHTML;
  const text = htmlToText(holder);
  const lang = meta.lang ?? nonEmpty(parsed?.lang);
  const counts = countText(text);
  const words = wordCount(counts);
  const siteName = meta.siteName ?? nonEmpty(parsed?.siteName);
  const removed = toRemovedItems(win, clone, removals.filter((r) => r.mark === undefined || inArticle.has(r.mark)));

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
    readingTimeMinutes: readingTimeMinutes(counts, lang),
    html,
    text,
    removed,
    ms: Math.round((now() - started) * 100) / 100,
  };
}

/**
 * The marks of the page-phase removals whose former parent is in the article (taking the marks off). The others
 * were outside it, where Readability would have dropped them too: the reader is not offered them back.
 */
function removedFromArticle(content: Element): Set<string> {
  const marks = new Set<string>();
  for (const el of elementsIn(content)) {
    const list = el.getAttribute(REMOVED_FROM);
    if (list === null) continue;
    for (const mark of list.split(' ')) marks.add(mark);
    el.removeAttribute(REMOVED_FROM);
  }
  return marks;
}

/** Removed elements larger than this (in characters of text) are listed but can't be restored. */
const MAX_RESTORABLE_TEXT = 5000;

/**
 * The removals as RemovedItems, their HTML sanitized in one DOMPurify pass: each restorable element is moved
 * into its own <div> slot of one detached container, the container is sanitized in place, and each slot's HTML
 * is the item's. (One call per item would parse a fresh document per item.) A slot keeps what DOMPurify keeps
 * of its element, as a separate call would: sanitizing only removes or unwraps nodes below the slot.
 */
export function toRemovedItems(win: Window, doc: Document, removals: readonly Removal[]): RemovedItem[] {
  // Their text is read before sanitizing changes the elements; one that reads as nothing (only a script, a
  // hidden input) is not worth listing.
  const listed = removals.map((r) => ({ r, text: r.text })).filter((x) => x.text);
  const container = doc.createElement('div');
  const slots = listed.map(({ r }) => {
    if (textLength(r.el) > MAX_RESTORABLE_TEXT) return null;
    const slot = doc.createElement('div');
    // Moved, not copied: a removed element is detached and Lectern's own (the working copy's, or a document
    // handed over in place), and nothing reads it after this.
    slot.appendChild(r.el);
    container.appendChild(slot);
    return slot;
  });
  if (container.firstChild) {
    // Customized built-ins inside the copies are rebuilt as plain elements, as in the article (see below).
    dropCustomizedBuiltIns(container);
    sanitizeInPlace(win, container);
  }
  return listed.map(({ r, text }, i) => {
    const html = slots[i]?.innerHTML ?? null;
    return { rule: r.rule, text, html: html && html.trim() ? html : null, at: r.at };
  });
}

function textLength(el: Element): number {
  return (el.textContent ?? '').length;
}

/**
 * DOMPurify drops a customized built-in element (<section is="x-layout">) with everything inside it when it
 * returns nodes, and leaves `is=""` on it when it returns a string (the Removed panel's items). The `is` value
 * means nothing outside the page, and it lives in the element itself (removing the attribute doesn't clear it),
 * so such elements are rebuilt as plain elements of the same tag.
 */
function dropCustomizedBuiltIns(content: Element): void {
  for (const el of elementsIn(content)) {
    // The root is Readability's own wrapper, never customized.
    if (el === content || !el.hasAttribute('is')) continue;
    const plain = plainElement(el);
    // Attribute nodes are moved, not copied by name: setAttribute refuses names the parser accepts ("1n2", "&lt;").
    for (const attr of itemsOf(el.attributes)) {
      if (attr.name === 'is') continue;
      el.removeAttributeNode(attr);
      plain.setAttributeNode(attr);
    }
    while (el.firstChild) plain.appendChild(el.firstChild);
    el.replaceWith(plain);
  }
}

/**
 * A new element of `el`'s tag, or a <span> when the tag is not one createElement accepts: the HTML parser takes
 * "<p<b is=x>" as an element named "p<b", which createElement refuses with an exception.
 */
function plainElement(el: Element): Element {
  try {
    return el.ownerDocument.createElement(el.tagName.toLowerCase());
  } catch {
    return el.ownerDocument.createElement('span');
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
  for (const h of elementsWithTags(content, ['h1', 'h2'])) {
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
  for (const el of elementsWithTags(content, ['article', 'main'])) {
    const div = el.ownerDocument.createElement('div');
    while (el.firstChild) div.appendChild(el.firstChild);
    el.replaceWith(div);
  }
}

