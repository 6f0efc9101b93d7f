/**
 * HTML sanitization with DOMPurify, created for the window it runs in (the page's window in the content
 * script, the extension page's window in the views, jsdom's window in the CLI and tests).
 * DOMPurify does not sanitize under happy-dom or linkedom: only use it with jsdom or a real browser.
 *
 * Policy (stricter than DOMPurify's defaults, since the output is shown inside a privileged extension page):
 * HTML only (no SVG/MathML), no forms, frames, objects, styles or <base>/<meta>/<link>; URLs only http(s),
 * mailto and in-page fragments (data: only for images); ids namespaced against DOM clobbering; links open in
 * a new tab without opener or referrer; images lazy, without referrer; srcset limited to http(s) entries;
 * tracking pixels (hidden, or under 3 px wide or tall) dropped; audio/video never autoplay or preload.
 *
 * It fails closed: DOMPurify returns its input unchanged when it cannot run in the window it was given (a
 * window without a document, e.g. a page's clobbered `document.defaultView`), so that is an error here.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { itemsOf } from './dom.ts';

const FORBID_TAGS = [
  'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'link', 'meta', 'base', 'noscript', 'template', 'dialog', 'portal', 'marquee',
];
const FORBID_ATTR = [
  'style', 'formaction', 'action', 'ping', 'background', 'autofocus', 'tabindex', 'contenteditable', 'autoplay',
  'crossorigin', 'integrity', 'nonce', 'xmlns',
];
// http(s) and mailto, or no scheme at all (relative URLs, numbers, plain words in other attributes); any other
// scheme is dropped. A scheme is what URLs say it is, letters then letters, digits, "+", "." or "-": DOMPurify's
// default pattern, which this once copied, lets schemes with digits through ("h323:", "a0:").
const SAFE_URL = /^(?:(?:https?|mailto):|(?![a-z][a-z0-9+.\-]*:))/i;
const MAX_SRCSET_ENTRIES = 12;
/** srcset values longer than this are cut before parsing (a page can list thousands of candidates). */
const MAX_SRCSET_LENGTH = 16_384;
const SRCSET_DESCRIPTOR = /^(?:\d+(?:\.\d+)?[wx]|\d+h)?$/i;
/**
 * DOMPurify lets any data: URL through in src of img/video/audio/source/track; Lectern keeps only raster or SVG
 * images in <img src> (an image cannot run script) and drops the rest (data:text/html and friends).
 */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|svg\+xml)[;,]/i;

export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: false,
  KEEP_CONTENT: true,
};

const instances = new WeakMap<object, DOMPurify>();

/** Returns the DOMPurify instance for `win`, creating and configuring it once. */
export function purifierFor(win: Window): DOMPurify {
  let purify = instances.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!purify.isSupported) throw new Error('The HTML sanitizer cannot run in this window; refusing to pass HTML through unsanitized.');
  addPolicyHooks(purify);
  instances.set(win, purify);
  return purify;
}

/** The parts of Lectern's policy DOMPurify's options cannot say, as hooks on `purify` (added once per instance). */
export function addPolicyHooks(purify: DOMPurify): void {
  // srcset is a list of URLs: keep its http(s) entries (at most MAX_SRCSET_ENTRIES) before DOMPurify judges it.
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (/^data:/i.test(data.attrValue.replace(/[\u0000-\u0020]+/g, ''))) {
      const isImage = (node as Element).localName === 'img' && data.attrName === 'src' && DATA_IMAGE.test(data.attrValue.trim());
      if (!isImage) data.keepAttr = false;
      return;
    }
    if (data.attrName !== 'srcset') return;
    const kept = srcsetCandidates(data.attrValue.slice(0, MAX_SRCSET_LENGTH))
      .filter((c) => /^https?:\/\//i.test(c.url) && SRCSET_DESCRIPTOR.test(c.descriptor))
      .slice(0, MAX_SRCSET_ENTRIES);
    if (kept.length) data.attrValue = kept.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
    else data.keepAttr = false;
  });
  // Tracking pixels: an image the page hides or draws under 3 px wide or tall is there to be fetched, not seen.
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'img' && isTrackingPixel(node as Element)) removeTrackingPixel(node as Element);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.tagName) return;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a' || tag === 'area') {
      const href = el.getAttribute('href');
      if (href && !href.startsWith('#')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (tag === 'img') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'no-referrer');
      el.setAttribute('decoding', 'async');
    }
    if (tag === 'video' || tag === 'audio') el.setAttribute('preload', 'none');
  });
}

/** Sanitizes `input` (an HTML string or a node of `win`'s realm) into a fragment owned by `win.document`. */
export function sanitizeToFragment(win: Window, input: string | Node): DocumentFragment {
  return purifierFor(win).sanitize(input, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/**
 * Sanitizes a detached element of `win`'s realm where it is: no parse of a fresh document, no copy (both cost
 * more than the sanitizing itself on jsdom). Only for elements nobody else holds (extract()'s own result, never
 * a live page's nodes); the root must be an allowed element such as a <div>.
 */
export function sanitizeInPlace(win: Window, el: Element): void {
  purifierFor(win).sanitize(el, { ...SANITIZE_CONFIG, IN_PLACE: true });
}

/** Sanitizes `input` into an HTML string. */
export function sanitizeHtml(win: Window, input: string | Node): string {
  return purifierFor(win).sanitize(input, SANITIZE_CONFIG);
}

/** One srcset candidate: its URL and its descriptor ("640w", "2x", or ""). */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/**
 * Splits a srcset value the way browsers do (HTML's "parse a srcset attribute", simplified): a URL is a run of
 * non-space characters (it may contain commas; trailing commas end the candidate), its descriptors run to the
 * next comma outside parentheses. Splitting on ", " instead would let "a.jpg 1x,javascript:x 2x" through as one
 * http(s) entry.
 */
export function srcsetCandidates(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  const n = value.length;
  let i = 0;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (isSpace(value[i]!) || value[i] === ',')) i += 1;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(value[i]!)) i += 1;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const from = i;
      let depth = 0;
      while (i < n && !(value[i] === ',' && depth === 0)) {
        if (value[i] === '(') depth += 1;
        else if (value[i] === ')' && depth > 0) depth -= 1;
        i += 1;
      }
      descriptor = value.slice(from, i).trim().replace(/\s+/g, ' ');
      i += 1;
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/**
 * Removes a tracking pixel, with its <picture> when it is one's image (the <source>s would otherwise stay as the
 * picture's only content). Returns the removed element.
 */
export function removeTrackingPixel(img: Element): Element {
  const parent = img.parentElement;
  const target = parent && parent.localName === 'picture' ? parent : img;
  target.remove();
  return target;
}

/**
 * Drops every tracking pixel under `root`. Run before Readability, which strips style attributes: a pixel
 * hidden or sized by CSS is only recognisable until then.
 */
export function dropTrackingPixels(root: ParentNode, imgs: ArrayLike<Element> = root.querySelectorAll('img')): number {
  let dropped = 0;
  for (const img of itemsOf(imgs)) {
    if (img.isConnected && isTrackingPixel(img)) {
      removeTrackingPixel(img);
      dropped += 1;
    }
  }
  return dropped;
}

const PIXEL_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)|(?:width|height)\s*:\s*[0-2](?:\.\d+)?px)/i;

/** An image the reader would never see: hidden, transparent, or drawn under 3 px wide or tall. */
export function isTrackingPixel(img: Element): boolean {
  if (img.hasAttribute('hidden')) return true;
  const small = (name: string) => {
    const v = img.getAttribute(name);
    return v !== null && /^\s*[0-2](?:\.\d*)?\s*(?:px)?\s*$/i.test(v);
  };
  if (small('width') || small('height')) return true;
  return PIXEL_STYLE.test(img.getAttribute('style') ?? '');
}
