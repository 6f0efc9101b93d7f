/**
 * An independent check of sanitized article HTML, written from Lectern's policy (src/core/sanitize.ts) rather
 * than from DOMPurify's code, so that a sanitizer bug or a loosened policy shows up as a named violation.
 * Works on any DOM (jsdom in Node; in the browser, tests serialize the popup's article and check it here).
 *
 * What it refuses: elements that run code, load or embed other documents, submit, restyle or navigate
 * (script, style, iframe, object, form, meta, base, link, template, noscript, svg, math, …) and anything outside
 * the HTML namespace; event-handler and other dangerous attributes; URLs in any URL-bearing attribute that are
 * not relative, http(s), mailto, in-page fragments, or data: images; srcset candidates that are not http(s); links that
 * open without noopener/noreferrer; images that send a referrer; ids and names not namespaced; tracking pixels;
 * audio/video that autoplay or preload; and HTML that changes when parsed and serialized again (mXSS).
 */
import { JSDOM } from 'jsdom';
import { isTrackingPixel, srcsetCandidates } from '../../src/core/sanitize.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'optgroup', 'link', 'meta', 'base', 'noscript', 'noembed', 'noframes', 'template',
  'svg', 'math', 'portal', 'fencedframe', 'dialog', 'xmp', 'plaintext', 'listing', 'image', 'isindex', 'keygen',
  'title', 'head', 'body', 'html', 'slot', 'marquee', 'frame',
]);
const FORBIDDEN_ATTRS = new Set([
  'style', 'srcdoc', 'formaction', 'action', 'background', 'ping', 'lowsrc', 'dynsrc', 'autofocus', 'autoplay',
  'crossorigin', 'integrity', 'nonce', 'is', 'http-equiv', 'contenteditable', 'tabindex', 'xmlns', 'shadowroot',
  'shadowrootmode', 'popovertarget', 'codebase', 'archive', 'manifest', 'formtarget', 'xlink:href',
]);
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite', 'action', 'data', 'longdesc', 'usemap', 'background', 'icon', 'profile', 'itemtype', 'itemid']);
/** A value with a scheme; without one it is relative (to the page in the CLI, to Lectern's own files in the popup). */
const SCHEME = /^[a-z][a-z0-9+.\-]*:/i;
const SAFE_URL = /^(?:https?:\/\/|mailto:|#)/i;
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|svg\+xml)[;,]/i;

export function safeHtmlViolations(root: ParentNode): string[] {
  const out: string[] = [];
  const doc = (root as Node).ownerDocument ?? (root as unknown as Document);
  const walker = doc.createTreeWalker(root as Node, 0x1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const tag = el.localName;
    const where = `<${tag}>`;
    if (el.namespaceURI !== HTML_NS) out.push(`${where} in namespace ${el.namespaceURI}`);
    if (FORBIDDEN_TAGS.has(tag)) out.push(`${where} element`);
    if (el.shadowRoot) out.push(`${where} has a shadow root`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '');
      if (name.startsWith('on')) out.push(`${where} event handler ${name}`);
      if (FORBIDDEN_ATTRS.has(name)) out.push(`${where} attribute ${name}`);
      if (name.startsWith('data-')) out.push(`${where} data attribute ${name}`);
      if (URL_ATTRS.has(name) && SCHEME.test(value)) {
        const ok = SAFE_URL.test(value) || (tag === 'img' && name === 'src' && DATA_IMAGE.test(value));
        if (!ok) out.push(`${where} ${name}="${attr.value.slice(0, 80)}"`);
      }
      if (name === 'srcset' || name === 'imagesrcset') {
        for (const c of srcsetCandidates(attr.value)) if (!/^https?:\/\//i.test(c.url)) out.push(`${where} ${name} candidate ${c.url.slice(0, 80)}`);
      }
      if ((name === 'id' || name === 'name') && !attr.value.startsWith('user-content-')) out.push(`${where} ${name}="${attr.value}" not namespaced`);
    }
    if ((tag === 'a' || tag === 'area') && el.hasAttribute('href') && !(el.getAttribute('href') ?? '').startsWith('#')) {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (el.getAttribute('target') !== '_blank') out.push(`${where} link target=${el.getAttribute('target')}`);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) out.push(`${where} link rel="${el.getAttribute('rel')}"`);
    }
    if (tag === 'img') {
      if (el.getAttribute('referrerpolicy') !== 'no-referrer') out.push(`${where} sends a referrer`);
      if (isTrackingPixel(el)) out.push(`${where} tracking pixel ${el.getAttribute('src')}`);
    }
    if ((tag === 'video' || tag === 'audio') && el.getAttribute('preload') !== 'none') out.push(`${where} preloads`);
  }
  return out;
}

/** One jsdom document for parsing fragments (no scripts run, nothing loads); a detached <body> parses like a page body. */
let shared: Document | null = null;
function parseBody(html: string): HTMLElement {
  shared ??= new JSDOM('<!doctype html><body></body>').window.document;
  const body = shared.createElement('body');
  body.innerHTML = html;
  return body;
}

/** Violations of an HTML string (parsed as a body fragment, scripting off, like DOMPurify does), plus mXSS. */
export function safeHtmlStringViolations(html: string): string[] {
  const body = parseBody(html);
  const out = safeHtmlViolations(body);
  // Mutation XSS: markup that parses into something else than it serialized from. Stable HTML reparses to itself.
  if (body.innerHTML !== html && parseBody(body.innerHTML).innerHTML !== body.innerHTML) out.push('HTML is not stable under parse/serialize (mXSS)');
  return out;
}

/**
 * URLs in loadable attributes (src, srcset, poster, data, background…): what would be fetched on display. Media
 * sources are left out: Lectern's output never preloads audio/video (checked above), so they load only when the
 * reader presses play; the e2e request log checks that nothing is fetched before.
 */
export function loadableUrls(root: ParentNode): string[] {
  const urls: string[] = [];
  const media = (el: Element) => ['video', 'audio', 'track'].includes(el.localName) || (el.localName === 'source' && el.parentElement?.localName !== 'picture');
  for (const el of Array.from(root.querySelectorAll('[src], [srcset], [poster], [data], [background]'))) {
    for (const name of ['src', 'poster', 'data', 'background']) {
      const v = el.getAttribute(name);
      if (v && !(name === 'src' && media(el))) urls.push(v);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) for (const c of srcsetCandidates(srcset)) urls.push(c.url);
  }
  return urls;
}

/** `html` with every element's attributes in name order, so outputs that differ only in attribute order compare equal. */
export function canonicalHtml(html: string): string {
  const body = parseBody(html);
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const attrs = Array.from(el.attributes, (a) => [a.name, a.value] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs) el.setAttribute(name, value);
  }
  return body.innerHTML;
}
