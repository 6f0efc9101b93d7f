/** IndexedDB transactions that are all or nothing (shared by idb-store.ts, idb-bulk.ts and idb-index.ts). */
/**
 * Runs `work` in `tx` and waits for the commit; if anything fails, aborts the transaction so that none of its
 * writes happen (an IndexedDB transaction otherwise commits the requests made before the error).
 */
export async function atomically<T>(tx: { done: Promise<void>; abort(): void }, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    await tx.done.catch(() => undefined);
    throw err;
  }
}


/**
 * Issues a write request inside a transaction without awaiting it. Its outcome is the transaction's, reported
 * by atomically() through `tx.done`; when the transaction aborts, every request rejects too, and those
 * rejections are not separate failures (left alone, each would surface as an unhandled rejection).
 */
export function quiet(request: Promise<unknown>): void {
  request.catch(() => undefined);
}
