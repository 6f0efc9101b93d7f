/**
 * Runs a task per item the way a polite crawler does: at most `concurrency` at once, one at a time per site,
 * and a pause between two requests to the same site. Stops taking new items when `signal` aborts. Pure
 * (timers only), so the Library page's "Fetch articles" and the unit tests share it.
 */
export interface PoliteOptions {
  concurrency: number;
  /** Wait at least this long after a request to a site ends before the next one to it starts. */
  pauseMs: number;
  signal: AbortSignal;
}

export async function runPolitely<T>(
  items: readonly T[],
  siteOf: (item: T) => string,
  task: (item: T) => Promise<void>,
  { concurrency, pauseMs, signal }: PoliteOptions,
): Promise<void> {
  const queue = [...items];
  const freeAt = new Map<string, number>(); // site → when it may be asked again (Infinity: busy)
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const worker = async () => {
    while (queue.length && !signal.aborted) {
      const now = Date.now();
      const i = queue.findIndex((item) => (freeAt.get(siteOf(item)) ?? 0) <= now);
      if (i < 0) {
        const soonest = Math.min(...queue.map((item) => freeAt.get(siteOf(item)) ?? 0));
        await sleep(Number.isFinite(soonest) ? Math.max(10, soonest - now) : 25);
        continue;
      }
      const [item] = queue.splice(i, 1) as [T];
      const site = siteOf(item);
      freeAt.set(site, Infinity);
      try {
        await task(item);
      } finally {
        freeAt.set(site, Date.now() + pauseMs);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
