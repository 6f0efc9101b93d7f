/** excerpt: the page's own summary, from JSON-LD or the description meta tags. */

import type { Sources } from './context.ts';
import { cleanText } from './text.ts';

export function pickExcerpt(src: Sources): string | null {
  const { meta } = src;
  const candidates = [
    src.jsonLd.description,
    meta.first('og:description'),
    meta.first('description'),
    meta.first('twitter:description'),
    meta.first('dc.description', 'dcterms.description'),
  ];
  for (const candidate of candidates) {
    const text = cleanText(candidate);
    if (text) return text;
  }
  return null;
}
