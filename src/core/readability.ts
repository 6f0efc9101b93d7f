/**
 * Readability as Lectern runs it: the library unchanged, given a faster way to find elements by tag name.
 *
 * Readability finds elements with `querySelectorAll("h1,h2")`, dozens of times per page. That is cheap in a
 * browser but not on jsdom (the CLI), where each call runs a CSS selector engine over the subtree: about a third
 * of Readability's time there. `getElementsByTagName` finds the same elements (it is Readability's own fallback
 * for nodes without querySelectorAll). Readability only reads the result (length, index, iteration), so an
 * array in document order, which querySelectorAll also gives, is an exact replacement: the unit tests compare
 * Readability's output with and without it (tests/unit/readability.test.ts).
 */
import { Readability } from '@mozilla/readability';
import { itemsOf } from './dom.ts';


/** Every element under `node` whose tag is one of `tags` (lower case), in document order. */
export function elementsWithTags(node: Element | Document, tags: readonly string[]): Element[] {
  let found: Element[] = [];
  let lists = 0;
  for (const tag of tags) {
    const list = itemsOf(node.getElementsByTagName(tag));
    if (!list.length) continue;
    found = lists++ ? found.concat(list) : list;
  }
  // Elements of different tags were listed tag by tag: put them back in document order (4: FOLLOWING).
  return lists > 1 ? found.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)) : found;
}

/** Readability's parse() of `doc` (which it mutates), finding elements with elementsWithTags(). */
export function parseWithReadability<T = string>(doc: Document, options?: ConstructorParameters<typeof Readability<T>>[1]): ReturnType<Readability<T>['parse']> {
  const reader = new Readability<T>(doc, options);
  (reader as unknown as { _getAllNodesWithTag: typeof elementsWithTags })._getAllNodesWithTag = elementsWithTags;
  return reader.parse();
}
