/** canonicalUrl and leadImage: absolute http(s) URLs resolved against the document base. */

import type { Sources } from './context.ts';
import { itemsOf } from '../dom.ts';
import { toHttpUrl } from './url.ts';

function firstHttp(values: Iterable<string | null | undefined>, base: string | null): string | null {
  for (const value of values) {
    const url = toHttpUrl(value, base);
    if (url) return url;
  }
  return null;
}

function canonicalLinkHref(links: ArrayLike<Element>): string | null {
  for (const link of itemsOf(links)) {
    if (link.hasAttribute('href') && (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      return link.getAttribute('href');
    }
  }
  return null;
}

/**
 * `<link rel=canonical>`, og:url, then JSON-LD url/mainEntityOfPage. The link
 * element comes first (ahead of the general JSON-LD-first order) because it is
 * the one signal whose only purpose is to name the canonical URL.
 */
export function pickCanonicalUrl(src: Sources): string | null {
  return firstHttp([canonicalLinkHref(src.tags('link')), src.meta.first('og:url'), ...src.jsonLd.urls], src.base);
}

/** JSON-LD image, og:image (secure_url first: same image over https), twitter:image. */
export function pickLeadImage(src: Sources): string | null {
  const { meta } = src;
  return firstHttp(
    [
      ...src.jsonLd.images,
      meta.first('og:image:secure_url'),
      meta.first('og:image', 'og:image:url'),
      meta.first('twitter:image', 'twitter:image:src'),
    ],
    src.base,
  );
}
