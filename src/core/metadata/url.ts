/** URL helpers: document base resolution and absolute http(s) conversion. Uses only the standard URL class. */

import { decodeEntities, isJunk } from './text.ts';

/** Parses `value` against `base`; returns the absolute URL only when it is http(s). */
export function toHttpUrl(value: unknown, base: string | null): string | null {
  if (typeof value !== 'string') return null;
  const raw = decodeEntities(value).trim();
  // new URL('undefined', base) would happily produce https://site/undefined.
  if (!raw || isJunk(raw)) return null;
  try {
    const parsed = base ? new URL(raw, base) : new URL(raw);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The base that relative URLs in the document resolve against: `<base href>`
 * (itself resolved against the page) when present, else the page URL. The
 * `url` argument wins over `doc.baseURI` because documents built by DOMParser
 * or jsdom without a url report about:blank.
 */
export function documentBase(doc: Document, url: string, bases: ArrayLike<Element> = doc.getElementsByTagName('base')): string | null {
  const page = toHttpUrl(url, null) ?? toHttpUrl(doc.baseURI, null) ?? toHttpUrl(doc.URL, null);
  // The first <base> with an href (getElementsByTagName: attribute selectors are slow on jsdom).
  let href: string | null = null;
  for (let i = 0; i < bases.length && href === null; i++) href = bases[i]!.getAttribute('href');
  if (href) {
    const resolved = toHttpUrl(href, page);
    if (resolved) return resolved;
  }
  return page;
}

/** Second-level labels that sit before a two-letter country TLD (bbc.co.uk, abc.net.au). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

/**
 * Hostname-ish names a title suffix may use for the site: for
 * https://www.theguardian.com/x that is ["theguardian", "theguardian.com"].
 */
export function hostnameNames(url: string | null): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const labels = host.replace(/^www\d*\./, '').split('.').filter(Boolean);
  if (labels.length < 2) return labels;
  const last = labels[labels.length - 1] ?? '';
  const secondLast = labels[labels.length - 2] ?? '';
  const tldLength = labels.length >= 3 && last.length === 2 && SECOND_LEVEL.has(secondLast) ? 2 : 1;
  const name = labels[labels.length - 1 - tldLength];
  const registrable = labels.slice(-1 - tldLength).join('.');
  return name ? [name, registrable] : [registrable];
}

/** Strips the fragment: JSON-LD @id values like https://site/a#webpage are node ids, not pages. */
export function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}
