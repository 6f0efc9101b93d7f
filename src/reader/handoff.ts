/**
 * How a live article gets from the page to the reader tab. Only the popup (after a toolbar click) and the worker
 * (after a keyboard command or menu click) may read the page (activeTab); the reader tab may not. So they
 * extract it, put it in storage.session under a one-time id and open `reader.html?live=<id>`.
 *
 * storage.session, not memory: the worker may be stopped at any moment, and a reader tab reloaded later must
 * still find its article. Only extension pages and the worker can read storage.session (not content scripts).
 * It is cleared when the browser quits; the newest KEEP entries are kept, older ones dropped on each handoff.
 * Saved articles need no handoff: `reader.html?item=<id>` loads them from the library.
 */
import type { Article } from '../core/types.ts';
import type { TabFailure } from '../messaging/read-tab.ts';
import { extensionUrl, storageGet, storageRemove, storageSet } from '../platform/index.ts';

export const READER_PAGE = 'src/reader/index.html';
export const HANDOFF_PREFIX = 'live:';
const INDEX_KEY = 'live-index';
const KEEP = 6;

/**
 * What a reader tab opened on a live page gets: the article (and the tab it came from, for "Back to the page"),
 * or why there is none (a keyboard command on a page Lectern can't read).
 */
export type Handoff =
  | { ok: true; article: Article; tabId: number | null; capturedAt: string }
  | ({ ok: false; tabId: number | null } & TabFailure);

export type ReaderTarget = { live: string } | { item: string };

export function readerUrl(target: ReaderTarget): string {
  const query = 'live' in target ? `live=${encodeURIComponent(target.live)}` : `item=${encodeURIComponent(target.item)}`;
  return `${extensionUrl(READER_PAGE)}?${query}`;
}

/** What a reader URL asks for, or null. */
export function parseReaderQuery(search: string): ReaderTarget | null {
  const params = new URLSearchParams(search);
  const live = params.get('live');
  if (live) return { live };
  const item = params.get('item');
  return item ? { item } : null;
}

/** Stores a handoff and returns its id. */
export async function storeHandoff(handoff: Handoff): Promise<string> {
  const id = crypto.randomUUID();
  const index = await storageGet('session', INDEX_KEY).then((r) => (Array.isArray(r[INDEX_KEY]) ? (r[INDEX_KEY] as unknown[]).filter((x): x is string => typeof x === 'string') : []));
  const next = [...index.filter((x) => x !== id), id];
  const dropped = next.slice(0, Math.max(0, next.length - KEEP));
  await storageSet('session', { [HANDOFF_PREFIX + id]: handoff, [INDEX_KEY]: next.slice(-KEEP) });
  if (dropped.length) await storageRemove('session', dropped.map((x) => HANDOFF_PREFIX + x)).catch(() => undefined);
  return id;
}
