/**
 * publishedTime / modifiedTime: candidates from every source in priority order;
 * the first one that normalises to a plausible date wins, so an implausible
 * JSON-LD value falls through to the meta tags instead of hiding them.
 */

import { safe, type Sources } from './context.ts';
import { hasToken } from './byline.ts';
import { findLabelledDate, findUnlabelledDate } from './dateline.ts';
import { normalizeDate } from './dates.ts';

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date',
  'parsely-pub-date', 'sailthru.date', 'date', 'pubdate', 'publishdate', 'publish-date',
  'article.published', 'citation_publication_date', 'citation_date',
];

const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'article:updated_time', 'datemodified',
  'dc.date.modified', 'dcterms.modified', 'article.updated', 'lastmod',
];

/** A microdata date on a non-meta element: `<time itemprop=datePublished datetime=...>`. */
function itempropDate(elements: Element[], prop: string): string | null {
  for (const el of elements.filter((e) => hasToken(e.getAttribute('itemprop'), prop)).slice(0, 5)) {
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent;
    if (value?.trim()) return value.trim();
  }
  return null;
}

/** The first `<time datetime>` of the article or its header: usually the publication date. */
function articleTime(times: ArrayLike<Element>): string | null {
  // getElementsByTagName + closest rather than a compound selector: much faster on jsdom, same first match.
  for (let i = 0; i < times.length && i < 200; i++) {
    const el = times[i]!;
    if (el.hasAttribute('datetime') && el.closest('article, header, main')) return el.getAttribute('datetime');
  }
  return null;
}

/** First plausible date among lazily computed candidates (DOM scans run only when needed). */
function firstDate(now: number, candidates: Iterable<unknown>): string | null {
  for (const value of candidates) {
    const date = safe(() => normalizeDate(value, now), null);
    if (date) return date;
  }
  return null;
}

function* publishedCandidates(src: Sources): Generator<unknown> {
  yield* src.jsonLd.datePublished;
  for (const key of PUBLISHED_META) yield* src.meta.all(key);
  yield safe(() => itempropDate(src.itemprops(), 'datePublished'), null);
  yield safe(() => articleTime(src.tags('time')), null);
}

function* modifiedCandidates(src: Sources): Generator<unknown> {
  yield* src.jsonLd.dateModified;
  for (const key of MODIFIED_META) yield* src.meta.all(key);
  yield safe(() => itempropDate(src.itemprops(), 'dateModified'), null);
}

export function pickPublishedTime(src: Sources): string | null {
  return (
    firstDate(src.now, publishedCandidates(src)) ??
    safe(() => findLabelledDate(src.doc, 'published', src.now, src.elements()), null) ??
    safe(() => findUnlabelledDate(src.doc, src.now, src.elements(), src.tags), null)
  );
}

export function pickModifiedTime(src: Sources): string | null {
  return firstDate(src.now, modifiedCandidates(src)) ?? safe(() => findLabelledDate(src.doc, 'modified', src.now, src.elements()), null);
}
