/**
 * The reading position of a saved article, the same in the popup (which scrolls its <main>) and the reader tab
 * (which scrolls the window): the share of the article above the bottom of the view, 0..1. The same number
 * restores the same place in both, and reaching the end marks the item read (the library's rule).
 *
 * `trackReadingPosition` restores where the reader left off — again while images load and the article grows,
 * until the reader scrolls or 3 s have passed — and reports the position a moment after the reader stops
 * scrolling; its own restoring scrolls are not reported as reading.
 */

/** What scrolls: an element (the popup's <main>), or null for the window (the reader tab). */
export type Scroller = HTMLElement | null;

function view(scroller: Scroller): { top: number; bottom: number; height: number } {
  if (!scroller) return { top: 0, bottom: window.innerHeight, height: window.innerHeight };
  const r = scroller.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, height: scroller.clientHeight };
}

function scrollTopOf(scroller: Scroller): number {
  return scroller ? scroller.scrollTop : window.scrollY;
}

function scrollTo(scroller: Scroller, top: number): void {
  if (scroller) scroller.scrollTop = top;
  else window.scrollTo({ top, behavior: 'instant' });
}

/** How far the article has been read, 0..1: the share of it above the bottom of the view. */
export function progressOf(article: HTMLElement, scroller: Scroller): number {
  const a = article.getBoundingClientRect();
  if (a.height <= 0) return 0;
  return Math.min(1, Math.max(0, (view(scroller).bottom - a.top) / a.height));
}

/** The scroll offset at which `progressOf` would be `progress` (its inverse). */
export function scrollTopFor(article: HTMLElement, scroller: Scroller, progress: number): number {
  const a = article.getBoundingClientRect();
  const v = view(scroller);
  const articleTop = scrollTopOf(scroller) + a.top - v.top;
  return Math.max(0, Math.round(articleTop + progress * a.height - v.height));
}

export interface PositionTracking {
  /** Scrolls to `progress` (0 or 1: the top), and keeps it there while the article is laid out. */
  restore(progress: number): void;
  /** Stops everything (the article is replaced). */
  stop(): void;
}

/** How long after the last scroll the position is reported. */
const SETTLE_MS = 400;
/** How long a restored position is held while images load, unless the reader scrolls first. */
const HOLD_MS = 3000;

/**
 * Follows the reading position of `article` inside `scroller`: `onProgress` gets the position (rounded to
 * 0.001) a moment after the reader stops scrolling.
 */
export function trackReadingPosition(article: HTMLElement, scroller: Scroller, onProgress: (progress: number) => void): PositionTracking {
  const target: EventTarget = scroller ?? window;
  let holding: { top: number; stop: () => void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const release = () => holding?.stop();

  const restore = (progress: number) => {
    release();
    if (!(progress > 0 && progress < 1)) {
      scrollTo(scroller, 0);
      return;
    }
    const apply = () => {
      const top = scrollTopFor(article, scroller, progress);
      if (holding) holding.top = top;
      scrollTo(scroller, top);
    };
    const observer = new ResizeObserver(apply);
    const userScrolls = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
    const stop = () => {
      observer.disconnect();
      clearTimeout(holdTimer);
      for (const type of userScrolls) target.removeEventListener(type, stop);
      holding = null;
    };
    const holdTimer = setTimeout(stop, HOLD_MS);
    holding = { top: 0, stop };
    for (const type of userScrolls) target.addEventListener(type, stop, { passive: true });
    observer.observe(article);
    apply();
  };

  const onScroll = () => {
    if (article.hidden) return;
    // The restoring scroll itself is not reading.
    if (holding && Math.abs(scrollTopOf(scroller) - holding.top) <= 1) return;
    clearTimeout(timer);
    timer = setTimeout(() => onProgress(Math.round(progressOf(article, scroller) * 1000) / 1000), SETTLE_MS);
  };
  target.addEventListener('scroll', onScroll, { passive: true });

  return {
    restore,
    stop() {
      release();
      clearTimeout(timer);
      target.removeEventListener('scroll', onScroll);
    },
  };
}
