/** DOM helpers shared across the core. */

/**
 * The items of a collection as an array: `length` read once, then each index. Use it, never `Array.from`, a
 * spread or `for…of`, on an HTMLCollection (`getElementsByTagName`, `children`): jsdom's collection is a proxy
 * whose every `length` read also looks the name up among the items' ids and names, so iterating it reads all
 * items once per step: listing a Wikipedia page's 3,356 links took 1.3 s that way and 12 ms this way
 * (`npx tsx scripts/bench/collections.ts`).
 */
export function itemsOf<T>(list: ArrayLike<T>): T[] {
  const n = list.length;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = list[i]!;
  return out;
}

/**
 * For a UTF-16 code unit of 127 or more: true when JavaScript's `\s` matches it (the Unicode spaces, NBSP, the
 * line and paragraph separators, the BOM). Tested code unit by code unit, without building a one-character string
 * for a regular expression: text in Chinese or Arabic is almost all such code units.
 */
export function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Characters of `s` that collapseWhitespace() keeps as they are (everything but whitespace, NBSP and ZWSP): a
 * lower bound of the collapsed text's length.
 */
export function visibleLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && (c < 127 || !(isWideSpace(c) || c === 0x200b))) count++;
  }
  return count;
}

/**
 * visibleLength() of the text under `el`, counted until it exceeds `limit` (then some number above it is
 * returned). Lets a caller skip a large container without reading all its text.
 */
export function textAtMost(el: Element, limit: number): number {
  let count = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      count += visibleLength(node.nodeValue ?? '');
      if (count > limit) return count;
      continue;
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return count;
}

/**
 * Every element under `root` (root included) in document order. A plain walk: much faster on jsdom than
 * getElementsByTagName('*') or querySelectorAll('*').
 */
export function elementsIn(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

/**
 * Whether elements under `root` nest more than `limit` levels deep (root's children are level 1). A walk without
 * recursion or a stack, stopping as soon as the answer is yes.
 */
export function nestedDeeperThan(root: Element, limit: number): boolean {
  let el: Element = root;
  let depth = 0;
  for (;;) {
    const child = el.firstElementChild;
    if (child) {
      el = child;
      depth += 1;
      if (depth > limit) return true;
      continue;
    }
    for (;;) {
      if (el === root) return false;
      const next = el.nextElementSibling;
      if (next) {
        el = next;
        break;
      }
      const parent = el.parentElement;
      if (!parent) return false;
      el = parent;
      depth -= 1;
    }
  }
}

/**
 * A method or getter from `obj`'s prototype chain, never an own property: a form's named properties can shadow
 * an element's methods (DOM clobbering, see clobbering.ts), its prototype's cannot be.
 */
export function fromPrototype(obj: object, name: string, kind: 'get' | 'value'): (this: unknown, ...args: never[]) => unknown {
  for (let p = Object.getPrototypeOf(obj) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    const f = d?.[kind];
    if (typeof f === 'function') return f as (this: unknown, ...args: never[]) => unknown;
  }
  throw new TypeError(`no ${name} on the prototype chain`);
}

/**
 * The first element below `root` (in document order, root excluded) that `match` accepts: querySelector without
 * the selector engine, which on jsdom costs far more than the walk. Stops at the first match.
 */
export function firstBelow(root: Element, match: (el: Element) => boolean): Element | null {
  let el = root.firstElementChild;
  while (el) {
    if (match(el)) return el;
    let next: Element | null = el.firstElementChild;
    while (!next && el && el !== root) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    if (!next) return null;
    el = next;
  }
  return null;
}

/** A test for the tag names `tags` (lower case), like a selector list of type selectors ("h2, h3, p"). */
export function tagIn(...tags: string[]): (el: Element) => boolean {
  return (el) => tags.includes(el.localName);
}

/** Whether an ancestor of `el` (el excluded) is one `match` accepts: the left side of a descendant selector. */
export function hasAncestor(el: Element, match: (el: Element) => boolean): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (match(p)) return true;
  return false;
}

/**
 * The document's base URL (what `doc.baseURI` answers: the first <base href> in tree order, resolved against the
 * document's URL, else that URL), from its <base> elements: jsdom answers baseURI with a selector query per read.
 */
export function baseUrlOf(doc: Document, bases: ArrayLike<Element> = doc.getElementsByTagName('base')): string {
  for (let i = 0; i < bases.length; i++) {
    const href = bases[i]!.getAttribute('href');
    if (href === null) continue;
    try {
      return new URL(href, doc.URL).href;
    } catch {
      return doc.URL;
    }
  }
  return doc.URL;
}

/** `a[href]`, tested without the selector engine. */
export const isLink = (el: Element): boolean => el.localName === 'a' && el.hasAttribute('href');

/** `root.querySelectorAll('a[href]')` (root excluded), in document order. */
export function linksIn(root: Element): Element[] {
  return elementsIn(root).filter((a) => a !== root && isLink(a));
}
