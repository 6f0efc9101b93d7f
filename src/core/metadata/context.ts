/** The parsed sources every field reader works from, built once per extraction. */

import { EMPTY_JSONLD, readJsonLd, type JsonLdInfo } from './jsonld.ts';
import { EMPTY_META, readMetaTags, type MetaIndex } from './meta-tags.ts';
import { documentBase, hostnameNames, toHttpUrl } from './url.ts';

export interface Sources {
  doc: Document;
  /** Absolute page URL (the `url` argument, else the document's own URL), or null. */
  pageUrl: string | null;
  /** Base for relative URLs (respects `<base href>`), or null. */
  base: string | null;
  /** Hostname-derived site names, e.g. ["theguardian", "theguardian.com"]. */
  hostNames: string[];
  jsonLd: JsonLdInfo;
  meta: MetaIndex;
  /** Reference time for the "not in the future" date check. */
  now: number;
}

/** Runs `fn`, returning `fallback` if it throws: one broken source must not sink the rest. */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function buildSources(doc: Document, url: string): Sources {
  const pageUrl = toHttpUrl(url, null) ?? safe(() => toHttpUrl(doc.URL, null), null);
  return {
    doc,
    pageUrl,
    base: safe(() => documentBase(doc, url), pageUrl),
    hostNames: hostnameNames(pageUrl),
    jsonLd: safe(() => readJsonLd(doc, pageUrl ?? ''), EMPTY_JSONLD),
    meta: safe(() => readMetaTags(doc), EMPTY_META),
    now: Date.now(),
  };
}
