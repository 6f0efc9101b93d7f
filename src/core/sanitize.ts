/**
 * HTML sanitization with DOMPurify, created for the window it runs in (the page's window in the content
 * script, the extension page's window in the views, jsdom's window in the CLI and tests).
 * DOMPurify does not sanitize under happy-dom or linkedom: only use it with jsdom or a real browser.
 *
 * Policy (stricter than DOMPurify's defaults, since the output is shown inside a privileged extension page):
 * HTML only (no SVG/MathML), no forms, frames, objects, styles or <base>/<meta>/<link>; URLs only http(s),
 * mailto and in-page fragments (data: only for images); ids namespaced against DOM clobbering; links open in
 * a new tab without opener or referrer; images lazy, without referrer; srcset limited to http(s) entries.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

const FORBID_TAGS = [
  'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'link', 'meta', 'base', 'noscript', 'template', 'dialog', 'portal',
];
const FORBID_ATTR = ['style', 'formaction', 'action', 'ping', 'background', 'autofocus', 'tabindex', 'contenteditable'];
// DOMPurify's default URL pattern with the scheme list cut to http(s) and mailto: values without a scheme
// (relative URLs, numbers, plain words in other attributes) pass; any other scheme is dropped.
const SAFE_URL = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i;
const MAX_SRCSET_ENTRIES = 12;

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
  // srcset is a list of URLs: keep its http(s) entries (at most MAX_SRCSET_ENTRIES) before DOMPurify judges it.
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName !== 'srcset') return;
    const kept = data.attrValue
      .split(/,\s+/)
      .map((s) => s.trim())
      .filter((s) => /^https?:\/\//i.test(s))
      .slice(0, MAX_SRCSET_ENTRIES);
    if (kept.length) data.attrValue = kept.join(', ');
    else data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.tagName) return;
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') {
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
  });
  instances.set(win, purify);
  return purify;
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
