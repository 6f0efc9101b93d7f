/**
 * title: the headline from JSON-LD / Open Graph / other meta / `<title>`, with
 * the site's name cut off. Stripping is conservative: a segment is removed only
 * when it names the site (see createSiteMatcher), so "Spider-Man - The Review"
 * on an unrelated site stays whole.
 */

import type { Sources } from './context.ts';
import type { SiteMatcher } from './site.ts';
import { cleanText, wordCount } from './text.ts';

/** " | ", "|", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ". Dashes need spaces ("Spider-Man"). */
const SEPARATOR_RE = /(\s*\|\s*|\s+(?:[-\u2013\u2014\u00b7\u2022\u00bb\u00ab]|::)\s+)/;
/** Separators used for breadcrumb-like "Title | Section | Site" chains; dashes are not (they appear in real headlines). */
const CHAIN_SEPARATORS = new Set(['|', '::', '\u00b7', '\u2022', '\u00bb', '\u00ab']);
/** Sections dropped from a chain are short ("World news", "Opinion"). */
const MAX_SECTION_WORDS = 4;

interface Split {
  segments: string[];
  /** separators[i] sits between segments[i] and segments[i + 1], with its original spacing. */
  separators: string[];
}

function split(title: string): Split {
  const parts = title.split(SEPARATOR_RE);
  const segments = parts.filter((_, i) => i % 2 === 0);
  const separators = parts.filter((_, i) => i % 2 === 1);
  return { segments, separators };
}

function join({ segments, separators }: Split): string {
  return segments.map((seg, i) => seg + (i < separators.length && i < segments.length - 1 ? separators[i] : '')).join('').trim();
}

/** "Title | Section | Site" → "Title": after the site, drop short trailing sections joined by the same chain separator. */
function dropSections(parts: Split, separator: string): void {
  if (!CHAIN_SEPARATORS.has(separator)) return;
  while (parts.segments.length > 1) {
    const last = parts.segments[parts.segments.length - 1] ?? '';
    const sep = (parts.separators[parts.separators.length - 1] ?? '').trim();
    if (sep !== separator || wordCount(last) > MAX_SECTION_WORDS) return;
    parts.segments.pop();
    parts.separators.pop();
  }
}

/** Removes the site's name from the start or end of a title; returns the title unchanged when nothing matches. */
export function stripSiteName(title: string, isSite: SiteMatcher): string {
  const parts = split(title);
  const { segments, separators } = parts;
  if (segments.length > 1 && isSite(segments[segments.length - 1] ?? '')) {
    segments.pop();
    const separator = (separators.pop() ?? '').trim();
    dropSections(parts, separator);
    return join(parts) || title;
  }
  if (segments.length > 1 && isSite(segments[0] ?? '')) {
    segments.shift();
    separators.shift();
    return join(parts) || title;
  }
  // "Site: Title" (a colon only ever separates a leading site name).
  const colon = /^([^:]{2,80}):\s+(\S.*)$/.exec(title);
  if (colon && isSite(colon[1] ?? '')) return colon[2] ?? title;
  return title;
}

/** Raw title candidates, best first. */
function titleCandidates(src: Sources): (string | null)[] {
  const { meta } = src;
  return [
    src.jsonLd.headline,
    meta.first('og:title'),
    meta.first('twitter:title'),
    meta.first('dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title'),
    src.doc.title,
  ];
}

export function pickTitle(src: Sources, isSite: SiteMatcher): string | null {
  for (const candidate of titleCandidates(src)) {
    const text = cleanText(candidate);
    if (text) return stripSiteName(text, isSite);
  }
  return null;
}
