/**
 * Page metadata from the page itself: JSON-LD, Open Graph / article:* meta,
 * other meta tags, then the DOM. Pure DOM code (runs in a content script and on
 * jsdom), read-only on `doc`, and never throws: every field is computed in
 * isolation so one broken source only costs that field.
 */

import { pickByline } from './byline.ts';
import { buildSources, safe, type PrescannedDocument, type Sources } from './context.ts';
import { pickExcerpt } from './excerpt.ts';
import { pickDir, pickLang } from './lang.ts';
import { pickCanonicalUrl, pickLeadImage } from './links.ts';
import { createSiteMatcher, pickSiteName, siteNameVariants } from './site.ts';
import { pickTitle } from './title.ts';
import { pickModifiedTime, pickPublishedTime } from './times.ts';
import type { PageMetadata } from './types.ts';

export type { PageMetadata } from './types.ts';
export { normalizeDate } from './dates.ts';
export { stripSiteName } from './title.ts';
export { createSiteMatcher } from './site.ts';

export function emptyMetadata(): PageMetadata {
  return {
    title: null,
    byline: null,
    siteName: null,
    publishedTime: null,
    modifiedTime: null,
    canonicalUrl: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImage: null,
    schemaType: null,
    ogType: null,
  };
}

function extractFrom(src: Sources): PageMetadata {
  const siteName = safe(() => pickSiteName(src), null);
  const isSite = createSiteMatcher(
    safe(() => siteNameVariants(src, siteName), siteName ? [siteName] : []),
    src.hostNames,
  );
  const lang = safe(() => pickLang(src), null);
  return {
    title: safe(() => pickTitle(src, isSite), null),
    byline: safe(() => pickByline(src, isSite), null),
    siteName,
    publishedTime: safe(() => pickPublishedTime(src), null),
    modifiedTime: safe(() => pickModifiedTime(src), null),
    canonicalUrl: safe(() => pickCanonicalUrl(src), null),
    lang,
    dir: safe(() => pickDir(src, lang), null),
    excerpt: safe(() => pickExcerpt(src), null),
    leadImage: safe(() => pickLeadImage(src), null),
    schemaType: src.jsonLd.type,
    ogType: safe(() => src.meta.first('og:type')?.toLowerCase() ?? null, null),
  };
}

/** Extracts PageMetadata from `doc`, loaded from `url` (used for relative URLs and hostname matching). */
export function extractMetadata(doc: Document, url: string, scan?: PrescannedDocument): PageMetadata {
  return safe(() => extractFrom(buildSources(doc, url, scan)), emptyMetadata());
}
