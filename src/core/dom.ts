/** DOM helpers shared across the core. */

/**
 * Every element under `root` (root included) in document order. A plain walk: much faster on jsdom than
 * Array.from(getElementsByTagName('*')) (whose live collection is re-walked per index) or querySelectorAll.
 */
const COLLAPSED = /[\s\u00a0\u200b]/;

/**
 * Characters of `s` that collapseWhitespace() keeps as they are (everything but whitespace, NBSP and ZWSP): a
 * lower bound of the collapsed text's length.
 */
export function visibleLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && (c < 127 || !COLLAPSED.test(s[i]!))) count++;
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
