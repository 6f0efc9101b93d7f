/**
 * Keeps the reader's place while a setting reflows the article (font, size, line height, width, justification):
 * the block at the top of the viewport stays at the top, at the same fraction of its height, instead of the
 * text jumping away under the reader's eyes. The page turns off the browser's own scroll anchoring
 * (overflow-anchor: none) so the two don't both correct.
 */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, figure, blockquote, pre, table, dt, dd';

export function keepReadingPosition(container: HTMLElement, change: () => void, topOffset = 0): void {
  if (window.scrollY <= 0) {
    change();
    return;
  }
  let anchor: Element | null = null;
  // Where the anchor was: pixels below the line when it starts under it, else the fraction of it above the line.
  let below = 0;
  let fraction = 0;
  for (const block of Array.from(container.querySelectorAll(BLOCKS))) {
    const r = block.getBoundingClientRect();
    if (r.height > 0 && r.bottom > topOffset) {
      anchor = block;
      if (r.top >= topOffset) below = r.top - topOffset;
      else fraction = (topOffset - r.top) / r.height;
      break;
    }
  }
  change();
  if (!anchor) return;
  const r = anchor.getBoundingClientRect();
  const delta = r.top - topOffset - below + fraction * r.height;
  if (Math.abs(delta) >= 1) window.scrollBy({ top: delta, behavior: 'instant' });
}
