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

/** Elements whose name or id shadows a property of HTMLFormElement (listed controls and images, in or tied to a form). */
function clobberers(doc: Document): Element[] {
  const form = doc.querySelector('form');
  if (!form) return [];
  // The prototype of the document's own realm (getPrototypeOf cannot be clobbered).
  const proto = Object.getPrototypeOf(form) as object;
  const found: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('form [name], form [id], [form][name], [form][id]'))) {
    for (const attr of ['name', 'id']) {
      const value = el.getAttribute(attr);
      if (value && value in proto) {
        found.push(el);
        break;
      }
    }
  }
  return found;
}

/**
 * `doc` itself when none of its forms is clobbered, otherwise a copy whose clobbering names and ids are removed.
 * The copy has no window: read `defaultView` from `doc`.
 */
export function withoutFormClobbering(doc: Document): Document {
  if (clobberers(doc).length === 0) return doc;
  // Node.prototype.cloneNode from the prototype chain: a document's own `cloneNode` is not to be trusted here.
  const cloneNode = findMethod(doc, 'cloneNode') as (deep: boolean) => Node;
  const copy = cloneNode.call(doc, true) as Document;
  const proto = Object.getPrototypeOf(copy.querySelector('form')) as object;
  for (const el of clobberers(copy)) {
    for (const attr of ['name', 'id']) {
      const value = el.getAttribute(attr);
      if (value && value in proto) el.removeAttribute(attr);
    }
  }
  return copy;
}

function findMethod(obj: object, name: string): unknown {
  for (let p = Object.getPrototypeOf(obj) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d && typeof d.value === 'function') return d.value;
  }
  throw new TypeError(`no ${name} on the prototype chain`);
}
