/**
 * The lead image: the page's own picture at the top of the story (JSON-LD image / og:image / first large figure).
 * When the page shows it but Readability left it out (it often sits above the text container), it is put back
 * with the page's caption, after any standfirst the page shows above it.
 *
 * The page is read before anything mutates it (`findShownLeadImage`), so extract() can work in place.
 */
import { collapseWhitespace } from './text.ts';
import { itemsOf } from './dom.ts';

export interface ShownLeadImage {
  src: string;
  alt: string;
  caption: string;
  /** Texts of the page's blocks above the image, to keep the page's order. */
  above: Set<string>;
}

function imageSrc(img: Element): string | null {
  return img.getAttribute('src') ?? img.getAttribute('data-src');
}

/**
 * Image identity across the sizes a CDN serves: ignores the query, the protocol and a size suffix before the
 * extension ("-800.jpg", "_1200x630.jpg"), so og:image's 1200px file matches the page's 800px <img>.
 */
function imageKey(src: string, base: string): string | null {
  try {
    const u = new URL(src, base);
    // The path alone: the same file is often served from a mirror, an archive or another CDN host.
    return `${u.pathname.replace(/[-_](?:\d{2,4}x\d{2,4}|\d{3,4}w?)(?=\.[a-z]{3,4}$)/i, '')}`;
  } catch {
    return null;
  }
}
function sameImage(a: string, b: string, base: string): boolean {
  const ka = imageKey(a, base);
  return ka !== null && ka === imageKey(b, base);
}

export function firstLargeImage(content: Element): string | null {
  for (const img of itemsOf(content.getElementsByTagName('img'))) {
    const w = Number(img.getAttribute('width') ?? '0');
    const src = imageSrc(img);
    if (src && /^https?:/i.test(src) && (w === 0 || w >= 300)) return src;
  }
  return null;
}

export function findShownLeadImage(page: Document, leadImage: string | null, base: string, imgs: ArrayLike<Element> = page.getElementsByTagName('img')): ShownLeadImage | null {
  if (!leadImage) return null;
  const shown = itemsOf(imgs).find((img) => {
    const src = imageSrc(img);
    return src !== null && sameImage(src, leadImage, base);
  });
  if (!shown) return null;
  const caption = shown.closest('figure')?.querySelector('figcaption');
  return {
    src: new URL(imageSrc(shown) ?? leadImage, base).href,
    alt: shown.getAttribute('alt') ?? '',
    caption: caption ? collapseWhitespace(caption.textContent ?? '') : '',
    above: blocksAbove(shown),
  };
}

export function ensureLeadImage(content: Element, leadImage: string | null, shown: ShownLeadImage | null, base: string): void {
  if (!leadImage || !shown) return;
  const inContent = itemsOf(content.getElementsByTagName('img')).some((img) => {
    const src = imageSrc(img);
    return src !== null && sameImage(src, leadImage, base);
  });
  if (inContent) return;
  const doc = content.ownerDocument;
  const figure = doc.createElement('figure');
  const img = doc.createElement('img');
  img.setAttribute('src', shown.src);
  img.setAttribute('alt', shown.alt);
  figure.appendChild(img);
  if (shown.caption) {
    const figcaption = doc.createElement('figcaption');
    figcaption.textContent = shown.caption;
    figure.appendChild(figcaption);
  }
  const after = leadingBlocksBefore(content, shown.above);
  if (after) after.after(figure);
  else content.insertBefore(figure, content.firstChild);
}

const ABOVE_BLOCKS = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'blockquote']);

/** Texts of the blocks before `shown` in document order (its ancestors aside): the walk stops at the image. */
function blocksAbove(shown: Element): Set<string> {
  const above = new Set<string>();
  const root = shown.ownerDocument.documentElement;
  if (!root) return above;
  const ancestors = new Set<Element>();
  for (let a = shown.parentElement; a; a = a.parentElement) ancestors.add(a);
  const stack: Element[] = [root];
  while (stack.length) {
    const block = stack.pop()!;
    if (block === shown) break;
    for (let c = block.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    if (!ABOVE_BLOCKS.has(block.localName) || ancestors.has(block)) continue;
    const text = collapseWhitespace(block.textContent ?? '');
    if (text.length >= 30) above.add(text);
  }
  return above;
}

/**
 * Where the lead figure goes: after the content's leading blocks that the page shows above the image (a
 * standfirst, say), so the reader keeps the page's order. Returns the last such block, or null for "first".
 */
function leadingBlocksBefore(content: Element, above: Set<string>): Element | null {
  let last: Element | null = null;
  for (const block of itemsOf(content.querySelectorAll('p, h2, h3, ul, ol, blockquote')).slice(0, 5)) {
    const text = collapseWhitespace(block.textContent ?? '');
    if (text.length < 30) continue;
    if (!above.has(text)) break;
    last = block;
  }
  return last;
}
