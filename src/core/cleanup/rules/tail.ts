import type { CleanupRule } from '../rule.ts';
import { linkDensity, textOf } from '../dom.ts';
import { elementsIn, visibleLength } from '../../dom.ts';

const BLOCK = /^(?:P|H[1-6]|LI|DT|DD|DIV|SECTION|ASIDE|HEADER|FOOTER|ADDRESS|UL|OL|DL|TABLE|FIGURE|FIGCAPTION|BLOCKQUOTE|PRE|NAV)$/;
/** Blocks whose short lines are content (table cells, code, captions, quotes): the tail stops there. */
const KEEP = /^(?:TABLE|PRE|FIGURE|BLOCKQUOTE|CODE)$/;
const MEDIA = /^(?:IMG|PICTURE|VIDEO|AUDIO|IFRAME|CANVAS|svg|OBJECT|EMBED)$/;
const CJK = /[\u3040-\u9fff\uac00-\ud7af]/;
const found = new WeakMap<Element, Set<Element>>();
/** Visible characters of the longest CLOSING heading, with room to spare. */
const CLOSING_MAX = 60;
/** Headings that open a closing section of furniture: contacts, the author's bio, further reading, related posts. */
const CLOSING =
  /^(?:(?:weitere|mehr) informationen|more information|zum weiterlesen|weiterführende links?|kontakt|über (?:den autor|die autorin)|zur person|about the author|see also|siehe auch|voir aussi|(?:à )?lire aussi|veja também|leia também|lea también|zobacz (?:też|także)|czytaj (?:też|także)|auch interessant|(?:das|dieses|diese)(?: thema| themen| artikel| beiträge)? könnten? (?:sie|dich|euch) (?:auch |ebenfalls )?interessieren|mehr zum thema|lesen sie auch|weitere artikel|empfehlungen|related|(?:ähnliche|verwandte|empfohlene) beiträge|schon gelesen|zusatzinformationen|you (?:may|might) also like|read next)\s*[:!?.…]?$/i;

/**
 * The leftovers ending an article (computed once per article): walking back from its last block, headings with
 * nothing after them, short labels that are no sentence ("Kontakt:", "Ähnliche Beiträge", "Mehr Themen:") and
 * teaser links. Stops at the first block of text, a picture or video (a heading over it has its content), a
 * table, code, a figure or quote, or a list of 3+ items; and removes nothing unless prose comes before.
 */
function trailing(root: Element): Set<Element> {
  let out = found.get(root);
  if (out) return out;
  out = new Set();
  found.set(root, out);
  const all = elementsIn(root);
  const hasBlock = new Set<Element>();
  for (let i = all.length - 1; i > 0; i--) {
    const el = all[i]!;
    if ((hasBlock.has(el) || BLOCK.test(el.tagName)) && el.parentElement) hasBlock.add(el.parentElement);
  }
  const leaf = (el: Element): boolean => BLOCK.test(el.tagName) && !hasBlock.has(el);
  const tail: Element[] = [];
  let i = all.length - 1;
  for (; i > 0; i--) {
    const el = all[i]!;
    if (MEDIA.test(el.tagName) && !el.closest('a')) break;
    if (!leaf(el)) continue;
    const text = textOf(el);
    if (!text) continue;
    let kept = el.tagName === 'LI' && (el.parentElement?.children.length ?? 0) >= 3;
    for (let a: Element | null = el; a && a !== root && !kept; a = a.parentElement) kept = KEEP.test(a.tagName);
    if (kept) break;
    // A sentence, or a bare address (a petition's, a source's), is text.
    const sentence = /[.!?…"“”»)]$|^(?:https?:|www\.)/.test(text);
    // A heading ending in a full stop is a pull quote, part of the text.
    const heading = /^H[2-6]$/.test(el.tagName) && text.length < 150 && !text.endsWith('.');
    // A credit or a byline ("Top photo by …", "jethuynh/iStock/Getty Images", "By David Streitfeld") is no label:
    // the article keeps its credits.
    const credit = /\/|©|\b(?:photo|foto|bild|by|von|par|por)\b/i.test(text);
    const label = text.length < 40 && !sentence && !credit && !CJK.test(text) && !/\d.*\d.*\d/.test(text);
    const teaser = text.length < 200 && !sentence && linkDensity(el) > 0.8;
    if (!heading && !label && !teaser) break;
    tail.push(el);
  }
  for (; i > 0; i--) {
    const el = all[i]!;
    if (leaf(el) && textOf(el).length >= 100) {
      for (const t of tail) out.add(t);
      break;
    }
  }
  // A closing section: a heading that names page furniture ("Weitere Informationen", "About the author"), in
  // the last 30% of the text, and everything after it.
  // Lengths count visible characters (no whitespace): cheaper than collapsing each block's text, and the same
  // share of the text give or take its spaces. Only a short block can be such a heading.
  let total = 0;
  const offsets: Array<[number, number]> = [];
  for (let j = 1; j < all.length; j++) {
    const el = all[j]!;
    if (!leaf(el)) continue;
    const length = visibleLength(el.textContent ?? '');
    if (length && length <= CLOSING_MAX) offsets.push([j, total]);
    total += length;
  }
  for (const [j, offset] of offsets) {
    if (offset < total * 0.7 || !CLOSING.test(textOf(all[j]!))) continue;
    for (let k = j; k < all.length; k++) out.add(all[k]!);
    break;
  }
  return out;
}

/**
 * Content phase: leftovers at the end of the article ("Related posts", "Kontakt:", a last teaser link), and a
 * closing section of furniture under a heading such as "Weitere Informationen" or "About the author".
 */
export const tail: CleanupRule = {
  id: 'tail',
  structural: (el, ctx) => ctx.root !== undefined && trailing(ctx.root).has(el),
};
