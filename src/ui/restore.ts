/**
 * Where a removed item goes back when the reader restores it, and the article body as it is saved afterwards.
 * Plain DOM functions (no `window`, no extension APIs), unit-tested on jsdom in tests/unit/restore.test.ts.
 *
 * The core records each removal's place by the text of a neighbouring block (`RemovedAnchor`): before or
 * after the article block whose whitespace-collapsed text starts with the anchor text, or the start or end of
 * the article. A restored item is wrapped in one `<div class="restored" data-restored-index="i">`.
 */
import type { RemovedAnchor, RemovedItem } from '../core/types.ts';

export const RESTORED_CLASS = 'restored';
const INDEX_ATTR = 'data-restored-index';

/** Blocks an anchor can name: they are found first in document order, before anything inside them. */
const BLOCKS = new Set([
  'P', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE',
  'FIGCAPTION', 'PRE', 'TABLE', 'CAPTION', 'DETAILS',
]);
/** Wrappers: an anchor names one only when it holds no block of its own (then it is a paragraph in effect). */
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'ADDRESS', 'NAV', 'HGROUP']);

/** Collapses whitespace the way the core does when it records anchors (core/text.ts collapseWhitespace). */
const collapse = (s: string): string => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** Where to insert: `parent.insertBefore(node, reference)`. */
export interface InsertionPoint {
  parent: Node;
  reference: Node | null;
  /** The block the anchor named, or null for 'start' / 'end' / not found. */
  block: Element | null;
  /** False when the anchor text matched no block (the point is then the end of the body). */
  found: boolean;
}

const isRestored = (n: Node): boolean => n.nodeType === 1 && (n as Element).classList.contains(RESTORED_CLASS);

function isBlock(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (BLOCKS.has(tag)) return true;
  if (!CONTAINERS.has(tag)) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const t = c.tagName.toUpperCase();
    if ((BLOCKS.has(t) || CONTAINERS.has(t)) && !isRestored(c)) return false;
  }
  return true;
}

/**
 * The first `max` characters of the element's collapsed text, without the text of items restored inside it
 * (the anchors were recorded on the article without them). Reads only as many text nodes as it needs.
 */
function textPrefix(el: Element, max: number): string {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length && out.length < max) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      let piece = (node.nodeValue ?? '').replace(/[\s\u00a0\u200b]+/g, ' ');
      if (piece.startsWith(' ') && (out === '' || out.endsWith(' '))) piece = piece.slice(1);
      out += piece;
    } else if (node.nodeType === 1 && (node === el || !isRestored(node))) {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

/**
 * The first block in `body` (document order) whose collapsed text starts with `text`. A restored item counts
 * as one block with its own text (an anchor may name an item that was removed later and is back now); nothing
 * inside it is a candidate, so nothing is ever put inside a restored item.
 */
export function findBlock(body: Element, text: string): Element | null {
  const wanted = collapse(text);
  if (!wanted) return null;
  const stack: Element[] = [];
  for (let c = body.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    const restored = isRestored(el);
    if ((restored || isBlock(el)) && textPrefix(el, wanted.length).startsWith(wanted)) return el;
    if (restored) continue;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return null;
}

/**
 * Where a removal with anchor `at` goes back in the rendered article body: before/after the named block,
 * the top or the bottom of the body; the bottom when the named block isn't there.
 */
export function findAnchor(body: Element, at: RemovedAnchor): InsertionPoint {
  if (at === 'start') return { parent: body, reference: body.firstChild, block: null, found: true };
  if (at === 'end') return { parent: body, reference: null, block: null, found: true };
  const before = 'before' in at;
  const block = findBlock(body, before ? at.before : at.after);
  if (!block?.parentNode) return { parent: body, reference: null, block: null, found: false };
  return { parent: block.parentNode, reference: before ? block : block.nextSibling, block, found: true };
}

const isBlank = (n: Node): boolean => n.nodeType === 3 && !collapse(n.nodeValue ?? '');
const restoredIndex = (n: Node | null): number | null => {
  if (!n || !isRestored(n)) return null;
  const i = Number((n as Element).getAttribute(INDEX_ATTR));
  return Number.isInteger(i) ? i : null;
};

/**
 * Where item `index` of `items` goes back. The anchor was recorded when the item was removed, so the block it
 * names may have been removed later too (clutter next to clutter), whole or its beginning. When it isn't in
 * the body: if the anchor is the start of another removed item's text, go where that item goes; if another
 * removed item's text is the start of the anchor, look for the rest of the anchor text. Items restored next to
 * each other keep the order they had on the page (the order of `removed`), whatever order they are restored in.
 */
export function insertionPoint(body: Element, items: readonly RemovedItem[], index: number): InsertionPoint {
  const item = items[index];
  if (!item) throw new RangeError(`no removed item ${index}`);
  let at = item.at;
  let point = findAnchor(body, at);
  const seen = new Set([index]);
  while (!point.found && typeof at === 'object') {
    const before = 'before' in at;
    const wanted = collapse('before' in at ? at.before : at.after);
    const whole = items.findIndex((other, i) => !seen.has(i) && collapse(other.text).startsWith(wanted));
    const start = whole >= 0 ? -1 : items.findIndex((other, i) => !seen.has(i) && collapse(other.text) !== '' && wanted.startsWith(collapse(other.text)));
    const next = whole >= 0 ? whole : start;
    const neighbour = items[next];
    if (!neighbour) break;
    seen.add(next);
    if (whole >= 0) {
      at = neighbour.at;
    } else {
      const rest = wanted.slice(collapse(neighbour.text).length).trim();
      if (!rest) break;
      at = before ? { before: rest } : { after: rest };
    }
    point = findAnchor(body, at);
  }
  return { ...point, reference: amongRestored(point.parent, point.reference, index) };
}

/** Moves the reference over restored siblings so restored items stay in page order. */
function amongRestored(parent: Node, reference: Node | null, index: number): Node | null {
  let ref = reference;
  // Back over restored items that come after this one…
  for (let prev = ref ? ref.previousSibling : parent.lastChild; prev; prev = prev.previousSibling) {
    if (isBlank(prev)) continue;
    const i = restoredIndex(prev);
    if (i === null || i < index) break;
    ref = prev;
  }
  // …and forward over those that come before it.
  for (let next = ref; next; next = next.nextSibling) {
    if (isBlank(next)) continue;
    const i = restoredIndex(next);
    if (i === null || i > index) break;
    ref = next.nextSibling;
  }
  return ref;
}

/** Marks a restored item's wrapper: styled, remembered by index, and focusable by script (not by Tab). */
export function markRestored(wrapper: HTMLElement, index: number): void {
  wrapper.classList.add(RESTORED_CLASS);
  wrapper.setAttribute(INDEX_ATTR, String(index));
  wrapper.tabIndex = -1;
}

/**
 * A copy of the rendered body as it should be saved and exported: restored items unwrapped into the article
 * (the reader chose to keep them), and the view's own marks (hidden broken images) dropped.
 */
export function bodyForSaving(body: Element): Element {
  const copy = body.cloneNode(true) as Element;
  for (const wrapper of Array.from(copy.querySelectorAll(`.${RESTORED_CLASS}`)).reverse()) {
    wrapper.replaceWith(...Array.from(wrapper.childNodes));
  }
  for (const img of Array.from(copy.querySelectorAll('img.broken'))) {
    img.classList.remove('broken');
    if (!img.classList.length) img.removeAttribute('class');
  }
  return copy;
}
