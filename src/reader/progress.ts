/**
 * The seam for the library's reading position (the library issue): the reader reports how far the article has
 * been read, and a listener registered here can store it (or restore it with `scrollToProgress`). Nothing is
 * stored by the reader itself.
 */
export interface ProgressContext {
  /** The saved item's id, or null for a live article that isn't saved. */
  itemId: string | null;
  url: string;
}

/** Share of the article read, 0..1: how much of it is above the bottom of the viewport. */
export type ScrollProgressListener = (progress: number, context: ProgressContext) => void;

const listeners = new Set<ScrollProgressListener>();

/** Registers a listener; returns its removal. Called at most once per frame while the reader scrolls. */
export function onScrollProgress(listener: ScrollProgressListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function progressOf(article: HTMLElement): number {
  const r = article.getBoundingClientRect();
  if (r.height <= 0) return 0;
  const read = (window.innerHeight - r.top) / r.height;
  return Math.min(1, Math.max(0, read));
}

/** Scrolls so that `progress` of the article is read (the inverse of progressOf). */
export function scrollToProgress(article: HTMLElement, progress: number): void {
  const r = article.getBoundingClientRect();
  const top = window.scrollY + r.top + progress * r.height - window.innerHeight;
  window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
}

/** Starts reporting the article's progress to the listeners while the page scrolls. */
export function trackScrollProgress(article: HTMLElement, context: ProgressContext): void {
  let scheduled = false;
  window.addEventListener(
    'scroll',
    () => {
      if (scheduled || listeners.size === 0) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        const progress = progressOf(article);
        for (const listener of listeners) listener(progress, context);
      });
    },
    { passive: true },
  );
}
