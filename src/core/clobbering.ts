/**
 * DOM clobbering through forms. A form's named properties override its built-in ones, in every JavaScript
 * world (Chromium's content-script world included): `<form><input name="getAttribute"></form>` makes
 * `form.getAttribute` that <input>, and Readability's or Lectern's first `getAttribute` call on the form throws,
 * so a page could refuse to be read. (Document named properties are not an issue: Chromium does not expose them
 * to content scripts, and jsdom does not implement them; Lectern's own injection mark is a symbol, so window
 * named properties cannot fake it.)
 *
 * When a page has such forms, extraction works on a copy without the clobbering `name`/`id` attributes: forms
 * are never part of Lectern's output, so the copy reads the same.
 */

import { fromPrototype, itemsOf } from './dom.ts';

/**
 * Elements whose name or id shadows a property of HTMLFormElement (listed controls and images, in or tied to a
 * form). Forms are walked with TreeWalkers (native navigation, which a form's named properties cannot shadow)
 * rather than a whole-document selector, which is slow on jsdom; attributes are read with the prototype's
 * getAttribute, in case a script nested a clobbered form inside another.
 */
/** Form-associated listed elements: the only ones a form="" attribute ties to a form. */
const LISTED = ['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea'];

function clobberers(doc: Document, forms: ArrayLike<Element> = doc.getElementsByTagName('form'), tags?: (name: string) => ArrayLike<Element>): Element[] {
  if (forms.length === 0) return [];
  // The prototype of the document's own realm (getPrototypeOf cannot be clobbered).
  const proto = Object.getPrototypeOf(forms[0]!) as object;
  const getAttribute = fromPrototype(forms[0]!, 'getAttribute', 'value') as (name: string) => string | null;
  const found: Element[] = [];
  const check = (el: Element): void => {
    for (const attr of ['name', 'id']) {
      const value = getAttribute.call(el, attr);
      if (value && value in proto) {
        found.push(el);
        return;
      }
    }
  };
  for (const form of itemsOf(forms)) {
    const walker = doc.createTreeWalker(form, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) check(n as Element);
  }
  // Controls tied to a form elsewhere by their form="" attribute (only listed controls can be).
  const tied = tags ? LISTED.flatMap((tag) => itemsOf(tags(tag)).filter((el) => el.hasAttribute('form'))) : itemsOf(doc.querySelectorAll('[form]'));
  for (const el of tied) check(el);
  return found;
}

/**
 * `doc` itself when none of its forms is clobbered, otherwise a copy whose clobbering names and ids are removed.
 * The copy has no window: read `defaultView` from `doc`. With `inPlace` (a document parsed for this one call)
 * the names are removed from `doc` itself instead of a copy. `tags`: the document's elements by tag name, when a
 * walk already has them.
 */
export function withoutFormClobbering(doc: Document, inPlace = false, tags?: (name: string) => ArrayLike<Element>): Document {
  const found = clobberers(doc, tags?.('form'), tags);
  if (found.length === 0) return doc;
  let target = doc;
  let els = found;
  if (!inPlace) {
    // Node.prototype.cloneNode from the prototype chain: a document's own `cloneNode` is not to be trusted here.
    const cloneNode = fromPrototype(doc, 'cloneNode', 'value') as (deep: boolean) => Node;
    target = cloneNode.call(doc, true) as Document;
    els = clobberers(target);
    if (els.length === 0) return target;
  }
  const proto = Object.getPrototypeOf(target.getElementsByTagName('form')[0]!) as object;
  const removeAttribute = fromPrototype(els[0]!, 'removeAttribute', 'value') as (name: string) => void;
  const getAttribute = fromPrototype(els[0]!, 'getAttribute', 'value') as (name: string) => string | null;
  for (const el of els) {
    for (const attr of ['name', 'id']) {
      const value = getAttribute.call(el, attr);
      if (value && value in proto) removeAttribute.call(el, attr);
    }
  }
  return target;
}

