/**
 * The saved list's search box: free words plus filters typed in the same box —
 * `site:nytimes` `tag:climate` `is:unread` `is:read` `is:archived` `lang:de`. Quoting a filter value allows
 * spaces (`tag:"long reads"`). Unknown `word:` prefixes are searched as words.
 */
import { fold, words } from './tokenize.ts';

export type ItemState = 'unread' | 'read' | 'archived';

export interface LibraryQuery {
  /** Folded words; every one must match (title, site, byline, tags or body). */
  words: string[];
  /** The last word is still being typed: it also matches words that start with it. */
  prefix: boolean;
  sites: string[];
  tags: string[];
  langs: string[];
  states: ItemState[];
}

const FILTER = /(?:^|\s)(site|tag|is|lang):(?:"([^"]*)"?|(\S*))/gi;
const STATES = new Set<ItemState>(['unread', 'read', 'archived']);

export function parseQuery(input: string): LibraryQuery {
  const q: LibraryQuery = { words: [], prefix: false, sites: [], tags: [], langs: [], states: [] };
  const rest = input.replace(FILTER, (_m, key: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    if (!value) return ' ';
    switch (key.toLowerCase()) {
      case 'site':
        q.sites.push(value.toLowerCase());
        break;
      case 'tag':
        q.tags.push(normalizeTag(value));
        break;
      case 'lang':
        q.langs.push(value.toLowerCase());
        break;
      default: {
        const state = value.toLowerCase() as ItemState;
        if (STATES.has(state)) q.states.push(state);
      }
    }
    return ' ';
  });
  q.words = words(rest);
  // "clim" while typing matches "climate"; "clim " (a space after it) is a finished word.
  q.prefix = q.words.length > 0 && /[\p{L}\p{N}]$/u.test(rest);
  return q;
}

export function isEmptyQuery(q: LibraryQuery): boolean {
  return !q.words.length && !q.sites.length && !q.tags.length && !q.langs.length && !q.states.length;
}

/** Tags are case-insensitive and trimmed: "Long reads " and "long reads" are one tag. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 64);
}

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag).filter(Boolean))].sort();
}

export { fold };
