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
