/**
 * The content script's extractions of its page: never two at once, and the one the worker started at the
 * toolbar click (`prefetch`) handed to the popup that opened in the same moment (`forPopup`), once, while the
 * page is the same and the result is recent. A later request cleans the page again (it may have changed).
 */
export interface Extractions<R> {
  /** The worker's request at the click: start now, keep the result for the popup. */
  prefetch(): void;
  /** The popup's (or the worker's command's) request; `prefetched` says whether it came from the click's. */
  forPopup(): Promise<{ result: R; prefetched: boolean }>;
}

interface Started<R> {
  href: string;
  at: number;
  result: Promise<R>;
}

export const PREFETCH_MAX_AGE_MS = 30_000;

export function extractions<R>(run: () => Promise<R>, href: () => string, now: () => number = Date.now): Extractions<R> {
  let running: Started<R> | null = null;
  let early: Started<R> | null = null;
  const fresh = (x: Started<R> | null): x is Started<R> => x !== null && x.href === href() && now() - x.at < PREFETCH_MAX_AGE_MS;
  const start = (): Started<R> => {
    if (fresh(running)) return running;
    const started: Started<R> = { href: href(), at: now(), result: run() };
    running = started;
    void started.result.then(
      () => void (running === started && (running = null)),
      () => void (running === started && (running = null)),
    );
    return started;
  };
  return {
    prefetch() {
      // If the popup's own request came first, it already has the extraction in progress.
      if (!fresh(running)) early = start();
    },
    async forPopup() {
      const kept = early;
      early = null;
      if (fresh(kept)) return { result: await kept.result, prefetched: true };
      return { result: await start().result, prefetched: false };
    },
  };
}
