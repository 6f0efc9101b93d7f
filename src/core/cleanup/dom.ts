/** Small DOM helpers shared by the clean-up rules. */
import { collapseWhitespace } from '../text.ts';
import { itemsOf } from '../dom.ts';

export function textOf(el: Element): string {
  return collapseWhitespace(el.textContent ?? '');
}

/** Share of an element's text that sits inside links (0 when it has no text). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (!total) return 0;
  let linked = 0;
  for (const a of itemsOf(el.getElementsByTagName('a'))) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

/** The strings a signature pattern is tested against: id, classes, role, aria-label, itemtype, data-component. */
export function signatureOf(el: Element): string {
  // The names first: most elements carry one or two attributes, and asking for each of eight by name costs more.
  const names = el.getAttributeNames();
  if (!names.length) return '';
  const parts: string[] = [];
  for (const name of SIGNATURE_ATTRIBUTES) {
    if (!names.includes(name)) continue;
    const v = el.getAttribute(name);
    if (v) parts.push(v);
  }
  return parts.join(' ');
}

/** The attributes of a signature, in its order. */
const SIGNATURE_ATTRIBUTES = ['id', 'class', 'role', 'aria-label', 'itemtype', 'data-component', 'data-module', 'data-testid'];

/** True when the text ends like a sentence (so it's prose, not a headline/teaser link). */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;"”»)\u3002\uff01\uff1f\u061f\u06d4]$/.test(text);
}

export { elementsIn, firstBelow, hasAncestor, isLink, linksIn, tagIn } from '../dom.ts';
