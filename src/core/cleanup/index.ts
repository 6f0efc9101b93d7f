/**
 * Lectern's clean-up pass: removes news-page clutter that Readability keeps (or that misleads its scoring).
 *
 * It runs twice:
 * 1. `cleanPage` on the cloned document before Readability: whole widgets found by their signature (class,
 *    id, role, aria-label…) or by structure (a bar of social links, a cookie dialog). Guarded so it never
 *    removes an element holding the headline or a large share of the page's text.
 * 2. `cleanContent` on Readability's article element: short blocks recognised by their whole text
 *    ("Post with no comments.", "Audio Only", "Read more: …") and link-only related-story teasers.
 */
import { collapseWhitespace, htmlToText } from '../text.ts';
import { elementsIn, signatureOf, textOf } from './dom.ts';
import { textAtMost, visibleLength } from '../dom.ts';
import { rescueArticleParts } from './rescue.ts';
import { scanDocument } from '../scan.ts';
import type { CleanupContext, CleanupRule, RuleId } from './rule.ts';
import { RULES } from './rules/index.ts';
import type { RemovedAnchor } from '../types.ts';
import type { DocumentScan } from '../scan.ts';

export type { RuleId } from './rule.ts';

const NEVER_REMOVE = new Set(['HTML', 'BODY', 'HEAD', 'MAIN']);
const INLINE = new Set(['A', 'SPAN', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'LABEL', 'U', 'SUP', 'SUB', 'TIME', 'ABBR', 'CITE', 'MARK']);
const MAX_TEXT_BLOCK = 300;
const REMOVED_TEXT_MAX = 200;

/** True when a sibling next to `el` is text or another inline element: `el` is part of a sentence. */
function inRunningText(el: Element): boolean {
  for (const step of ['previousSibling', 'nextSibling'] as const) {
    let sib = el[step];
    while (sib && sib.nodeType === 3 && !(sib.nodeValue ?? '').trim()) sib = sib[step];
    if (!sib) continue;
    if (sib.nodeType === 3 || (sib.nodeType === 1 && INLINE.has((sib as Element).tagName))) return true;
  }
  return false;
}

/** A removal as the clean-up records it; extract() turns it into a RemovedItem (sanitizing `el`). */
export interface Removal {
  rule: RuleId;
  text: string;
  el: Element;
  at: RemovedAnchor;
  /**
   * Page phase only: the removal's number in the list, also written into its former parent's REMOVED_FROM
   * attribute. A page-phase removal matters to the reader only when that parent ends up in the article.
   */
  mark?: string;
}

/**
 * Attribute naming the page-phase removals an element lost (space-separated marks). An attribute, not a
 * reference: Readability re-creates elements (renamed tags, a retry from a copy of the page) and copies
 * attributes with them; it scores by class and id only, and the sanitizer drops data-* attributes.
 */
export const REMOVED_FROM = 'data-lectern-removed';

const ANCHOR_TEXT = 80;

/** Where the element sits among its neighbours, by their text (read before it is removed). */
function anchorOf(el: Element, root: Element): RemovedAnchor {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      const t = textOf(next);
      if (t) return { before: t.slice(0, ANCHOR_TEXT) };
    }
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const t = textOf(prev);
      if (t) return { after: t.slice(0, ANCHOR_TEXT) };
    }
  }
  return 'end';
}

/** Wraps `first` and its following companions in one <div> so they are removed (and restored) together. */
function group(first: Element, companions: Element[]): Element {
  const wrapper = first.ownerDocument.createElement('div');
  first.before(wrapper);
  wrapper.append(first, ...companions);
  return wrapper;
}

function remove(el: Element, rule: RuleId, removed: Removal[], at: RemovedAnchor, marked = false): void {
  if (textAtMost(el, 0) > 0) {
    // Read when asked for (most page-phase removals are never shown). Nothing changes `el` once it is removed.
    let text: string | undefined;
    const removal: Removal = { rule, el, at, get text() { return (text ??= removedText(el)); } };
    const parent = el.parentElement;
    if (marked && parent) {
      removal.mark = String(removed.length);
      const marks = parent.getAttribute(REMOVED_FROM);
      parent.setAttribute(REMOVED_FROM, marks ? `${marks} ${removal.mark}` : removal.mark);
    }
    removed.push(removal);
  }
  el.remove();
}

/** Block-aware text, so "Related<li>One</li><li>Two</li>" reads "Related One Two"; at most ~200 chars. */
function removedText(el: Element): string {
  const text = collapseWhitespace(htmlToText(el));
  return text.length > REMOVED_TEXT_MAX ? `${text.slice(0, REMOVED_TEXT_MAX - 1)}…` : text;
}

/** The elements of `body`'s subtree in a document-order list of the whole document (a contiguous run). */
function bodyElements(all: Element[], body: Element): Element[] {
  const start = all.indexOf(body);
  if (start < 0) return elementsIn(body);
  const after = body.nextElementSibling;
  const end = after ? all.indexOf(after, start) : -1;
  return all.slice(start, end < 0 ? all.length : end);
}

/**
 * Page phase. Mutates `doc` (pass a clone). `scan`: a walk of `doc` made before anything changed it
 * (src/core/scan.ts), so the phase needn't walk the page again.
 */
export function cleanPage(
  doc: Document,
  url: string,
  removed: Removal[],
  rules: readonly CleanupRule[] = RULES,
  given?: DocumentScan,
): void {
  const body = doc.body;
  if (!body) return;
  const scan = given ?? scanDocument(doc.documentElement!);
  // Widgets removed above the headline go back to the top of the article on Restore; the others to the end.
  const h1s = scan.byTag('h1').filter((h) => body.contains(h));
  const h1 = h1s[0] ?? null;
  const stats = scan.stats;
  const formHolders = new Set<Element>();
  for (const form of scan.byTag('form')) {
    formHolders.add(form);
    if (form.parentElement) formHolders.add(form.parentElement);
  }
  const ctx: CleanupContext = { url, phase: 'page', stats, formHolders };
  // A widget never holds more than this much of the page's text; above it we are probably looking at a wrapper.
  const maxWidgetText = Math.max(1000, (stats.get(body)?.text ?? 0) * 0.25);
  // A headline is never clutter, whatever its class says ("breadcrumb__list-h1"), nor is what holds one.
  const holdsH1 = (el: Element): boolean => h1s.some((h) => el.contains(h));
  const elements = bodyElements(scan.elements, body);
  for (const el of elements) {
    if (!el.isConnected || NEVER_REMOVE.has(el.tagName)) continue;
    const signature = signatureOf(el);
    for (const rule of rules) {
      const bySignature = rule.signature !== undefined && signature !== '' && rule.signature.test(signature) && (rule.confirm?.(el) ?? true);
      if (!bySignature && !rule.structural?.(el, ctx)) continue;
      if ((stats.get(el)?.text ?? 0) > maxWidgetText || holdsH1(el)) continue;
      const before = h1 !== null && (el.compareDocumentPosition(h1) & 4) /* FOLLOWING */ !== 0;
      remove(el, rule.id, removed, before ? 'start' : 'end', true);
      break;
    }
  }
  rescueArticleParts(doc, elements);
}

/**
 * visibleLength() of every element's text, bottom-up in one pass. In the content phase an element is visited
 * before anything inside it is removed, so its count then is its count at the start.
 */
function visibleLengths(root: Element): Map<Element, number> {
  const out = new Map<Element, number>();
  const order = elementsIn(root);
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += visibleLength(c.nodeValue ?? '');
      else if (c.nodeType === 1) n += out.get(c as Element) ?? 0;
    }
    out.set(el, n);
  }
  return out;
}

/** Content phase, on Readability's article element. */
export function cleanContent(
  root: Element,
  url: string,
  removed: Removal[],
  byline: string | null = null,
  rules: readonly CleanupRule[] = RULES,
): void {
  const ctx: CleanupContext = { url, phase: 'content', byline, root };
  const visible = visibleLengths(root);
  for (const start of elementsIn(root)) {
    if (start === root) continue;
    // Longer than any block the rules look at (a lower bound of its text: skip without reading the text).
    if ((visible.get(start) ?? 0) > MAX_TEXT_BLOCK) continue;
    if (!root.contains(start)) continue; // already removed with an ancestor (the root is detached: no isConnected)
    const text = textOf(start);
    if (!text || text.length > MAX_TEXT_BLOCK) continue;
    const rule = rules.find((r) => r.text?.test(text) || r.structural?.(start, ctx, text));
    if (!rule) continue;
    // Widen to the outermost element with the same text, so no empty wrapper stays behind.
    let el = start;
    while (el.parentElement && el.parentElement !== root && textOf(el.parentElement) === text) el = el.parentElement;
    // An inline element inside running text ("watch <a>live</a> coverage") is part of a sentence: keep it.
    if (INLINE.has(el.tagName) && inRunningText(el)) continue;
    const companions = rule.companions?.(el) ?? [];
    const at = anchorOf(companions[companions.length - 1] ?? el, root);
    remove(companions.length ? group(el, companions) : el, rule.id, removed, at);
  }
}
