/**
 * Per-element text and link counts for a whole document, computed in one pass (post-order, iterative so a
 * 5,000-deep page can't overflow the stack). The page-phase rules look these up instead of reading
 * `textContent` of every element, which would cost O(elements × depth).
 * Lengths count non-whitespace characters: good enough for the thresholds the rules use.
 */
import { isWideSpace } from '../dom.ts';

export interface ElementStats {
  /** Non-whitespace characters of text inside the element. */
  text: number;
  /** …of which inside <a> elements. */
  linkText: number;
  /** <a href> elements inside (the element itself included). */
  links: number;
}

/** Characters of `s` that `\s` does not match (a charCode loop: a global match would build an array per node). */
export function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 127 || !isWideSpace(c)) n++;
  }
  return n;
}

export function computeStats(root: Element): WeakMap<Element, ElementStats> {
  const stats = new WeakMap<Element, ElementStats>();
  // Iterative post-order: push (el, visited) pairs.
  const stack: Array<[Element, boolean]> = [[root, false]];
  while (stack.length) {
    const [el, visited] = stack.pop()!;
    if (!visited) {
      stack.push([el, true]);
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, false]);
      continue;
    }
    const isLink = el.tagName === 'A';
    const s: ElementStats = { text: 0, linkText: 0, links: isLink && el.hasAttribute('href') ? 1 : 0 };
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const len = countNonSpace(n.nodeValue ?? '');
        s.text += len;
        if (isLink) s.linkText += len;
      } else if (n.nodeType === 1) {
        const cs = stats.get(n as Element);
        if (!cs) continue;
        s.text += cs.text;
        s.linkText += isLink ? cs.text : cs.linkText;
        s.links += cs.links;
      }
    }
    stats.set(el, s);
  }
  return stats;
}
