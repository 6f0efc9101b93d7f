/** Small helpers of the Library page: elements by id, downloads, paging through the library. */
import type { LibraryItem, LibrarySummary } from '../background/library/types.ts';
import { request } from '../messaging/client.ts';
import type { StorageResult } from '../messaging/protocol.ts';
import { storageMessage } from '../popup/saved-list.ts';

export function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

/** Saves `data` as a file in the downloads folder (a blob link, as the popup's Download text does). */
export function download(data: BlobPart, name: string, type: string): void {
  const href = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** A failed request as an exception with the UI's sentence. */
export class RequestFailed extends Error {}

export function check<T extends object>(res: StorageResult<T>): Extract<StorageResult<T>, { ok: true }> {
  if (!res.ok) throw new RequestFailed(storageMessage(res));
  return res as Extract<StorageResult<T>, { ok: true }>;
}

/** Every item with its body, page by page, in id order. */
export async function allItems(onPage?: (count: number) => void): Promise<LibraryItem[]> {
  const items: LibraryItem[] = [];
  for (let after: string | null = null; ; ) {
    const page: LibraryItem[] = check(await request('library/export', { after, limit: 50 })).items;
    if (!page.length) return items;
    items.push(...page);
    onPage?.(items.length);
    after = page.at(-1)!.id;
  }
}

/** Every item's summary, in id order. */
export async function allSummaries(): Promise<LibrarySummary[]> {
  const items: LibrarySummary[] = [];
  for (let after: string | null = null; ; ) {
    const page: LibrarySummary[] = check(await request('library/all', { after, limit: 1000 })).items;
    if (!page.length) return items;
    items.push(...page);
    after = page.at(-1)!.id;
  }
}

/** YYYY-MM-DD of a date in local time (for file names). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
