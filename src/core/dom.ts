/** DOM helpers shared across the core. */

/**
 * Every element under `root` (root included) in document order. A plain walk: much faster on jsdom than
 * Array.from(getElementsByTagName('*')) (whose live collection is re-walked per index) or querySelectorAll.
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
