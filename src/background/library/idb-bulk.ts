/**
 * The IndexedDB store's bulk write (imports and restores): many items in ONE transaction. Reads the current
 * copies, combines, computes index terms (all before the transaction: an IndexedDB transaction ends while it
 * waits on anything else), then writes items, bodies, journal entries, the next item number and the state
 * sets once — each item exactly as `IdbLibraryStore.put` would. If anything fails, nothing is written.
 */
import type { IDBPDatabase } from 'idb';
import type { ItemRecord, LecternDB } from './idb-schema.ts';
import { atomically, quiet } from './idb-tx.ts';
import { sameItem } from './merge.ts';
import { indexKey, indexTerms } from './search/match.ts';
import { packTerms, type PackedTerms } from './search/term-list.ts';
import type { MergeCounts } from './store.ts';
import { fromStored, summarize, type LibraryItem } from './types.ts';

export type Combine = (current: LibraryItem | undefined, item: LibraryItem) => LibraryItem;

interface Plan {
  next: LibraryItem;
  record: ItemRecord | undefined;
  oldTerms: PackedTerms;
  key: string;
  reindex: boolean;
  terms: PackedTerms;
}

/** Returns what changed and the journal's length after the write (0 when nothing was written). */
export async function putManyIn(db: IDBPDatabase<LecternDB>, items: readonly LibraryItem[], combine: Combine): Promise<{ counts: MergeCounts; pending: number }> {
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  const read = db.transaction(['items', 'bodies'], 'readonly');
  const current = await Promise.all(items.map((i) => Promise.all([read.objectStore('items').get(i.id), read.objectStore('bodies').get(i.id)])));
  await read.done;
  const plans: Plan[] = [];
  for (const [i, incoming] of items.entries()) {
    const [record, body] = current[i]!;
    const existing = record ? fromStored({ ...summarize(record), html: body?.html ?? '', text: body?.text ?? '', removed: body?.removed ?? [] }) : undefined;
    const next = combine(existing, incoming);
    if (existing && sameItem(existing, next)) {
      counts.unchanged++;
      continue;
    }
    counts[existing ? 'updated' : 'added']++;
    const key = indexKey(next);
    const reindex = !record || record.indexKey !== key;
    const terms = reindex ? packTerms(indexTerms(next, next.text)) : (body?.terms ?? packTerms(indexTerms(next, next.text)));
    plans.push({ next, record, oldTerms: body?.terms ?? packTerms([]), key, reindex, terms });
  }
  if (!plans.length) return { counts, pending: 0 };
  const tx = db.transaction(['items', 'bodies', 'pending', 'meta', 'states'], 'readwrite');
  let pending = 0;
  await atomically(tx, async () => {
    const meta = tx.objectStore('meta');
    const states = tx.objectStore('states');
    let nextN = (await meta.get('nextN')) ?? 1;
    const readSet = new Set(await states.get('read'));
    const archivedSet = new Set(await states.get('archived'));
    const journal = tx.objectStore('pending');
    for (const { next, record, oldTerms, key, reindex, terms } of plans) {
      let n = record?.n;
      if (reindex) {
        if (record) quiet(journal.add({ op: 'remove', n: record.n, terms: oldTerms }));
        n = nextN++;
        quiet(journal.add({ op: 'add', n, terms }));
      }
      quiet(tx.objectStore('items').put({ ...summarize(next), n: n!, indexKey: key }));
      quiet(tx.objectStore('bodies').put({ id: next.id, html: next.html, text: next.text, removed: next.removed, terms }));
      if (record) {
        readSet.delete(record.n);
        archivedSet.delete(record.n);
      }
      if (next.readAt) readSet.add(n!);
      if (next.archivedAt) archivedSet.add(n!);
    }
    const sorted = (set: Set<number>) => Uint32Array.from([...set].sort((a, b) => a - b));
    quiet(meta.put(nextN, 'nextN'));
    quiet(states.put(sorted(readSet), 'read'));
    quiet(states.put(sorted(archivedSet), 'archived'));
    pending = await journal.count();
  });
  return { counts, pending };
}
