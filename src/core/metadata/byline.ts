/**
 * byline: author names from JSON-LD, meta tags, then the DOM. Each source's
 * names are cleaned ("By " prefixes, emails, URLs, " | Site" tails removed),
 * deduplicated and joined as "A", "A and B", "A, B and C". A source that yields
 * nothing usable falls through to the next one.
 */

import { itemsOf } from '../dom.ts';
import { safe, type Sources } from './context.ts';
import { inComments, inTeaserOrChrome } from './dom.ts';
import type { SiteMatcher } from './site.ts';
import { cleanText, isJunk, normalizeKey, wordCount } from './text.ts';

const MAX_BYLINE = 100;
const MAX_DOM_WORDS = 12;

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL_RE = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[a-z]{2,}/gi;
const BY_PREFIX_RE = /^(?:(?:written|words|story|reporting|text|posted)\s+)?by\b\s*:?\s*|^authors?\s*:\s*/i;
/** "Jane Doe, Published 8 Feb 2024" / "Jane Doe | Updated ..." in bylines scraped from the DOM. */
const DATE_TAIL_RE = /[\s,|•·\u2013\u2014-]*\b(?:published|updated|posted|last updated)\b.*$/i;
const EDGE_PUNCT_RE = /^[\s,;:|•·\u2013\u2014-]+|[\s,;:|•·\u2013\u2014-]+$/g;
const SUFFIX_SPLIT_RE = /\s*[|\u2013\u2014]\s*|\s+-\s+/;

/** Drops a trailing " | Site" / " - Site" segment that names the site. */
function stripSiteTail(text: string, isSite: SiteMatcher): string {
  const segments = text.split(SUFFIX_SPLIT_RE);
  if (segments.length < 2 || !isSite(segments[segments.length - 1] ?? '')) return text;
  const tail = segments[segments.length - 1] ?? '';
  return text.slice(0, text.lastIndexOf(tail)).replace(EDGE_PUNCT_RE, '');
}

/** Cleans one author string; null when nothing name-like is left. */
export function cleanByline(raw: unknown, isSite: SiteMatcher): string | null {
  let text = cleanText(raw);
  if (!text) return null;
  text = text.replace(URL_RE, ' ').replace(EMAIL_RE, ' ').replace(/\(\s*\)|\[\s*\]|<\s*>/g, ' ');
  text = text.replace(/\s+/g, ' ').trim().replace(BY_PREFIX_RE, '').replace(DATE_TAIL_RE, '');
  text = stripSiteTail(text.replace(EDGE_PUNCT_RE, ''), isSite).replace(EDGE_PUNCT_RE, '');
  if (!text || isJunk(text) || !/\p{L}/u.test(text) || text.length > MAX_BYLINE) return null;
  return text;
}

/** "A" / "A and B" / "A, B and C", case-insensitively deduplicated. */
export function joinNames(names: string[]): string | null {
  const seen = new Set<string>();
  const unique = names.filter((name) => {
    const key = normalizeKey(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0] ?? null;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** Cleans, drops names that are just the site (publisher posing as author), joins, enforces the length cap. */
function fromNames(raw: unknown[], isSite: SiteMatcher): string | null {
  const names = raw.map((r) => cleanByline(r, isSite)).filter((n): n is string => n !== null && !isSite(n));
  const joined = joinNames(names);
  return joined && joined.length <= MAX_BYLINE ? joined : null;
}

/** JSON-LD authors. Persons are kept even when named like the site (personal blogs); organisations that are the site are not. */
function jsonLdByline(src: Sources, isSite: SiteMatcher): string | null {
  const names = src.jsonLd.authors.filter((a) => !(a.isOrganization && isSite(a.name))).map((a) => cleanByline(a.name, isSite));
  const joined = joinNames(names.filter((n): n is string => n !== null));
  return joined && joined.length <= MAX_BYLINE ? joined : null;
}

function metaByline(src: Sources, isSite: SiteMatcher): string | null {
  // article:author is often a profile URL; cleanByline turns those into null, so the next key is tried.
  const keys = ['article:author', 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author'];
  for (const key of keys) {
    const byline = fromNames(src.meta.all(key), isSite);
    if (byline) return byline;
  }
  return null;
}

/** Visible text of a short element; null for containers too large to be a byline. */
function shortText(el: Element): string | null {
  const text = el.textContent ?? '';
  return text.length <= MAX_BYLINE * 3 ? text : null;
}

/** `[attr~="token"]`: the whitespace-separated value holds the token (case-sensitive, as the selector). */
export function hasToken(value: string | null, token: string): boolean {
  return value !== null && value.split(/[ \t\n\f\r]+/).includes(token);
}

/** Texts of all `<a rel="author">` links (co-authors), outside comments. */
function relAuthorTexts(elements: Element[]): string[] {
  return elements
    .filter((el) => el.localName === 'a' && el.hasAttribute('rel'))
    .filter((a) => (a.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author') && !inComments(a))
    .slice(0, 10)
    .map(shortText)
    .filter((t): t is string => t !== null);
}

/** Microdata authors: the nested itemprop=name when present, else content or text. */
function itempropAuthorTexts(elements: Element[]): string[] {
  return elements
    .filter((el) => el.localName !== 'meta' && hasToken(el.getAttribute('itemprop'), 'author'))
    .filter((el) => !inComments(el) && !inTeaserOrChrome(el))
    .slice(0, 10)
    .map((el) => {
      const name = el.querySelector('[itemprop~="name"]');
      if (name) return name.getAttribute('content') ?? shortText(name);
      return el.getAttribute('content') ?? shortText(el);
    })
    .filter((t): t is string => t !== null);
}

/** First short byline-classed element ("By Jane Doe"). */
/** Elements of the body whose class mentions byline/author, in document order (`[class*=… i]` is slow on jsdom). */
function bylineClassElements(src: Sources, max: number): Element[] {
  const out: Element[] = [];
  const body = src.doc.body;
  if (!body) return out;
  for (const el of src.elements()) {
    const cls = el.getAttribute('class');
    if (cls && BYLINE_CLASS.test(cls) && body.contains(el) && out.push(el) >= max) break;
  }
  return out;
}
const BYLINE_CLASS = /byline|author/i;

function classBylineText(src: Sources, isSite: SiteMatcher): string | null {
  for (const el of bylineClassElements(src, 50)) {
    if (inComments(el) || inTeaserOrChrome(el)) continue;
    const text = shortText(el);
    const byline = text && wordCount(text) <= MAX_DOM_WORDS * 2 ? fromNames([text], isSite) : null;
    if (byline && wordCount(byline) <= MAX_DOM_WORDS) return byline;
  }
  return null;
}

function domByline(src: Sources, isSite: SiteMatcher): string | null {
  return fromNames(relAuthorTexts(itemsOf(src.tags('a'))), isSite) ?? fromNames(itempropAuthorTexts(src.itemprops()), isSite) ?? classBylineText(src, isSite);
}

export function pickByline(src: Sources, isSite: SiteMatcher): string | null {
  return (
    safe(() => jsonLdByline(src, isSite), null) ??
    safe(() => metaByline(src, isSite), null) ??
    safe(() => domByline(src, isSite), null)
  );
}
