/**
 * DOM clobbering through forms (src/core/clobbering.ts). jsdom does not implement a form's named properties, so
 * the test adds them the way Chromium exposes them: for every form of the page's realm (copies included), a
 * control named like a form property shadows it. Extraction must still succeed, from a copy without those names.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { withoutFormClobbering } from '../../src/core/clobbering.ts';
import { extract } from '../../src/core/extract.ts';

const URL_ = 'https://news.example.com/2024/story.html';
const prose = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the council met on Tuesday to discuss the bridge, and residents asked about the cost.</p>`).join('');

const NAMES = ['getAttribute', 'nodeName', 'querySelectorAll', 'attributes', 'hasAttribute', 'parentNode'];

/** A page whose form is clobbered as in Chromium: form.getAttribute, form.nodeName… are the named controls. */
function clobberedPage() {
  const dom = new JSDOM(`<!doctype html><title>Story</title><body><article><h1>Story</h1>${prose}<form id="f"><input name="getAttribute"><input name="nodeName"><input name="querySelectorAll"><input name="hasAttribute"><input name="parentNode"><img name="attributes" src="x.png"></form>${prose}</article></body>`, { url: URL_ });
  const proto = dom.window.HTMLFormElement.prototype;
  for (const name of NAMES) {
    const original = Object.getOwnPropertyDescriptor(proto, name) ?? findDescriptor(proto, name);
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: HTMLFormElement) {
        const named = Array.from(this.getElementsByTagName('*')).find((el) => el.getAttribute('name') === name || el.getAttribute('id') === name);
        if (named) return named;
        return original?.get ? original.get.call(this) : original?.value;
      },
    });
  }
  return dom.window.document;
}

function findDescriptor(obj: object | null, name: string): PropertyDescriptor | undefined {
  for (let p = obj; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}

describe('form clobbering', () => {
  it('the emulation clobbers like Chromium does (getAttribute on the form is not a function)', () => {
    const form = clobberedPage().getElementById('f') as unknown as { getAttribute: unknown };
    expect(typeof form.getAttribute).toBe('object');
  });
  it('extract() still reads the page, without mutating it', () => {
    const doc = clobberedPage();
    const before = doc.documentElement.outerHTML;
    const a = extract(doc, URL_);
    expect(a.text).toContain('Paragraph 8');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('copies only when a name or id shadows a form property; the copy drops just those', () => {
    const plain = new JSDOM('<form><input name="q" id="search"></form>').window.document;
    expect(withoutFormClobbering(plain)).toBe(plain);
    const noForm = new JSDOM('<input name="getAttribute">').window.document;
    expect(withoutFormClobbering(noForm)).toBe(noForm);
    const page = new JSDOM('<form><input name="action" id="keep-me"><input name="q" id="submit"><img name="length" src="a.png"></form><input form="x" name="elements">').window.document;
    const copy = withoutFormClobbering(page);
    expect(copy).not.toBe(page);
    expect(copy.body.innerHTML).toBe('<form><input id="keep-me"><input name="q"><img src="a.png"></form><input form="x">');
  });
  it('in place (a document parsed for this one call), drops the names from the document itself', () => {
    const page = new JSDOM('<form><input name="action" id="keep-me"><input name="q" id="submit"></form><input form="x" name="elements">').window.document;
    expect(withoutFormClobbering(page, true)).toBe(page);
    expect(page.body.innerHTML).toBe('<form><input id="keep-me"><input name="q"></form><input form="x">');
  });
});
