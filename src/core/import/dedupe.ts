/**
 * Rows of one file that are the same article (same normalized URL, see core/url.ts: tracking parameters,
 * fragments, `www.` and the like don't make a different article) are merged by the library; this names them
 * in the report so the reader knows why there are fewer items than rows.
 */
import { normalizeUrl } from '../url.ts';
import { reason, type ImportResult, type Place } from './types.ts';

/** The library identity of an imported item (the same rule as the library's `itemId`). */
export function importId(item: { url: string; canonicalUrl?: string | null }): string {
  return normalizeUrl(item.canonicalUrl || item.url);
}

export function reportDuplicates(result: ImportResult): ImportResult {
  const first = new Map<string, Place>();
  const skipped = [...result.skipped];
  result.items.forEach((item, i) => {
    const id = importId(item);
    const row = item.row ?? { path: `#${i + 1}` };
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, row);
    else skipped.push({ row, imported: true, reason: reason('importReasonSameAs', earlier) });
  });
  return { ...result, skipped };
}
