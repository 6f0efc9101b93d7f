/**
 * An item's index terms as stored: one string, "\n" + terms joined by "\n" + "\n". One string clones,
 * stores and loads far faster than thousands (IndexedDB and messages copy every string), and the browser's
 * substring search answers "has this term / a term starting with this" directly.
 * Terms never contain "\n" (they are runs of letters, marks and digits).
 */
export type PackedTerms = string;

export function packTerms(terms: Iterable<string>): PackedTerms {
  const list = [...terms];
  return list.length ? `\n${list.join('\n')}\n` : '\n';
}

export function unpackTerms(packed: PackedTerms): string[] {
  return packed.length > 2 ? packed.slice(1, -1).split('\n') : [];
}

/** Term lookups, over a Set (in memory) or packed terms (the IndexedDB journal). */
export interface TermLookup {
  has(term: string): boolean;
  hasPrefix(prefix: string): boolean;
}

export function packedLookup(packed: PackedTerms): TermLookup {
  return {
    has: (term) => packed.includes(`\n${term}\n`),
    hasPrefix: (prefix) => packed.includes(`\n${prefix}`),
  };
}

export function setLookup(terms: ReadonlySet<string>): TermLookup {
  return {
    has: (term) => terms.has(term),
    hasPrefix: (prefix) => {
      for (const t of terms) if (t.startsWith(prefix)) return true;
      return false;
    },
  };
}

/**
 * The postings bucket of a term: its first two characters. A bucket holds every term that starts with them,
 * so a word being typed (two characters or more) is completed from one bucket, and folding a batch of items
 * into the index touches each bucket once.
 */
export function bucketOf(term: string): string {
  return term.slice(0, 2);
}
