/**
 * A page's own heartbeat, to see whether it stays responsive while Lectern works: a 50 ms interval timer in the
 * page records the longest gap between two ticks, the longest the page's main thread was busy.
 */
import type { Page } from 'playwright-core';

export async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { beat: { last: number; maxGap: number } };
    w.beat = { last: performance.now(), maxGap: 0 };
    setInterval(() => {
      const now = performance.now();
      w.beat.maxGap = Math.max(w.beat.maxGap, now - w.beat.last);
      w.beat.last = now;
    }, 50);
  });
}

/** The longest gap between two ticks since startHeartbeat, in ms. */
export function longestStall(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { beat: { maxGap: number } }).beat.maxGap);
}
