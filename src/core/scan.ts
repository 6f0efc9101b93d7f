/**
 * One walk over a whole document, shared by the steps of extract() that used to walk it each on their own.
 *
 * On jsdom every whole-document query (`getElementsByTagName('*').length`, `textContent`, `querySelectorAll`…)
 * costs about as much as a full walk, and extract() made more than a dozen of them before and around
 * Readability. This walk collects in one pass what they need: the element count, nesting depth and text size
 * (the bounds), every element in document order with an index by tag name, and the per-element text and link
 * counts of the clean-up's page phase (see cleanup/stats.ts). Iterative, so a deep page cannot overflow the stack;
 * it stops as soon as the nesting is deeper than the limit.
 */
import { countNonSpace, type ElementStats } from './cleanup/stats.ts';
import { fromPrototype } from './dom.ts';

export interface DocumentScan {
  /** Every element in document order, the root first. */
  elements: Element[];
  /** Elements by lower-case local name, in document order (an empty list for tags not present). */
  byTag(tag: string): Element[];
  /** Per-element text and link counts (as cleanup/stats.ts computes them), for the elements walked. */
  stats: WeakMap<Element, ElementStats>;
  /** Characters of text outside <script> and <style>. */
  textLength: number;
  /** True when elements nest deeper than the limit (the walk stopped there: the other fields are partial). */
  tooDeep: boolean;
}

interface Frame {
  el: Element;
  s: ElementStats;
  isLink: boolean;
  /** Inside <script>/<style>: text not counted in textLength. */
  code: boolean;
}

const EMPTY: Element[] = [];

/**
 * Walks `root` and everything under it. Navigation and element properties go through the prototype's getters,
 * so a page's clobbered forms (<input name="firstChild">) cannot steer the walk (and a TreeWalker costs more).
 */
export function scanDocument(root: Element, maxDepth = Infinity): DocumentScan {
  const nodeTypeOf = fromPrototype(root, 'nodeType', 'get') as (this: Node) => number;
  const localNameOf = fromPrototype(root, 'localName', 'get') as (this: Element) => string;
  const hasAttribute = fromPrototype(root, 'hasAttribute', 'value') as (this: Element, name: string) => boolean;
  const firstChildOf = fromPrototype(root, 'firstChild', 'get') as (this: Node) => Node | null;
  const nextSiblingOf = fromPrototype(root, 'nextSibling', 'get') as (this: Node) => Node | null;
  const parentNodeOf = fromPrototype(root, 'parentNode', 'get') as (this: Node) => Node | null;
  const elements: Element[] = [];
  const index = new Map<string, Element[]>();
  const stats = new WeakMap<Element, ElementStats>();
  let textLength = 0;
  let tooDeep = false;
  const stack: Frame[] = [];
  const enter = (el: Element): void => {
    const tag = localNameOf.call(el);
    elements.push(el);
    const list = index.get(tag);
    if (list) list.push(el);
    else index.set(tag, [el]);
    const parent = stack[stack.length - 1];
    stack.push({
      el,
      s: { text: 0, linkText: 0, links: tag === 'a' && hasAttribute.call(el, 'href') ? 1 : 0 },
      isLink: tag === 'a',
      code: (parent?.code ?? false) || tag === 'script' || tag === 'style',
    });
  };
  const leave = (): void => {
    const f = stack.pop()!;
    stats.set(f.el, f.s);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.s.text += f.s.text;
      parent.s.linkText += parent.isLink ? f.s.text : f.s.linkText;
      parent.s.links += f.s.links;
    }
  };
  const text = (node: Node): void => {
    const value = (node as Text).data;
    const f = stack[stack.length - 1]!;
    const len = countNonSpace(value);
    f.s.text += len;
    if (f.isLink) f.s.linkText += len;
    if (!f.code) textLength += value.length;
  };
  // Elements and text only (comments, processing instructions are skipped), as a TreeWalker showing those would.
  const shown = (node: Node | null): Node | null => {
    while (node) {
      const type = nodeTypeOf.call(node);
      if (type === 1 || type === 3) return node;
      node = nextSiblingOf.call(node);
    }
    return null;
  };
  let node: Node = root;
  enter(root);
  outer: for (;;) {
    const isElement = nodeTypeOf.call(node) === 1;
    const child = isElement ? shown(firstChildOf.call(node)) : null;
    if (child) {
      node = child;
      if (nodeTypeOf.call(child) === 1) {
        if (stack.length > maxDepth) {
          tooDeep = true;
          break;
        }
        enter(child as Element);
      } else {
        text(child);
      }
      continue;
    }
    // No children: leave this node, then move on to the next sibling, climbing as far as needed.
    for (;;) {
      if (nodeTypeOf.call(node) === 1) leave();
      if (node === root) break outer;
      const sibling = shown(nextSiblingOf.call(node));
      if (sibling) {
        node = sibling;
        if (nodeTypeOf.call(sibling) === 1) enter(sibling as Element);
        else text(sibling);
        continue outer;
      }
      node = parentNodeOf.call(node)!;
    }
  }
  return { elements, byTag: (tag) => index.get(tag) ?? EMPTY, stats, textLength, tooDeep };
}
