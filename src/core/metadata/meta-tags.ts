/**
 * Index of `<meta>` tags keyed by lower-cased property / name / itemprop /
 * http-equiv, so the field readers can ask for "og:title" or "dc.date.issued"
 * without caring which attribute the page used.
 */

import { itemsOf } from '../dom.ts';
import { isJunk } from './text.ts';

export interface MetaIndex {
  /** All non-empty content values for a key, in document order. */
  all(key: string): string[];
  /** The first non-empty content among the keys, tried in order. */
  first(...keys: string[]): string | null;
}

const KEY_ATTRIBUTES = ['property', 'name', 'itemprop', 'http-equiv'] as const;

export function readMetaTags(doc: Document, tags: (name: string) => ArrayLike<Element> = (name) => doc.getElementsByTagName(name)): MetaIndex {
  const map = new Map<string, string[]>();
  for (const meta of itemsOf(tags('meta'))) {
    const content = (meta.getAttribute('content') ?? '').trim();
    if (!content || isJunk(content)) continue;
    const keys = new Set<string>();
    for (const attr of KEY_ATTRIBUTES) {
      // property/itemprop may hold several space-separated names (RDFa, microdata).
      for (const key of (meta.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key) keys.add(key);
      }
    }
    for (const key of keys) {
      const list = map.get(key);
      if (list) list.push(content);
      else map.set(key, [content]);
    }
  }
  return {
    all: (key) => map.get(key.toLowerCase()) ?? [],
    first: (...keys) => {
      for (const key of keys) {
        const found = map.get(key.toLowerCase())?.[0];
        if (found) return found;
      }
      return null;
    },
  };
}

export const EMPTY_META: MetaIndex = { all: () => [], first: () => null };
