/** The parsed sources every field reader works from, built once per extraction. */

import { EMPTY_JSONLD, readJsonLd, type JsonLdInfo } from './jsonld.ts';
import { EMPTY_META, readMetaTags, type MetaIndex } from './meta-tags.ts';
import { documentBase, hostnameNames, toHttpUrl } from './url.ts';
import { elementsIn } from '../dom.ts';

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
  /**
   * Every element of the document in document order, walked once on first use. The DOM fallbacks filter this
   * list instead of running attribute selectors (`[itemprop~=…]`, `a[rel]`), each a whole-document match that
   * is slow on jsdom. Valid for one extraction: metadata reads the document and never changes it.
   */
  elements(): Element[];
  /** The elements with an itemprop attribute, in document order (filtered from elements() once). */
  itemprops(): Element[];
  /** The document's elements of one tag, in document order (from a shared scan when extract() has one). */
  tags(name: string): ArrayLike<Element>;
}

/** Runs `fn`, returning `fallback` if it throws: one broken source must not sink the rest. */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** What extract()'s one walk of the document already found (src/core/scan.ts). */
export interface PrescannedDocument {
  elements: Element[];
  byTag(tag: string): Element[];
}

export function buildSources(doc: Document, url: string, scan?: PrescannedDocument): Sources {
  const pageUrl = toHttpUrl(url, null) ?? safe(() => toHttpUrl(doc.URL, null), null);
  let all: Element[] | undefined = scan?.elements;
  let withItemprop: Element[] | undefined;
  const elements = () => (all ??= doc.documentElement ? elementsIn(doc.documentElement) : []);
  const tags = scan ? (name: string) => scan.byTag(name) : (name: string) => doc.getElementsByTagName(name);
  return {
    doc,
    pageUrl,
    base: safe(() => documentBase(doc, url, tags('base')), pageUrl),
    hostNames: hostnameNames(pageUrl),
    jsonLd: safe(() => readJsonLd(doc, pageUrl ?? '', tags), EMPTY_JSONLD),
    meta: safe(() => readMetaTags(doc, tags), EMPTY_META),
    now: Date.now(),
    tags,
    elements,
    itemprops: () => (withItemprop ??= elements().filter((el) => el.hasAttribute('itemprop'))),
  };
}
