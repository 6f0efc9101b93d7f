/**
 * Last-resort date source: visible datelines such as "Published 8 February 2024"
 * or "Updated: March 4, 2025 10:15 AM". Only short texts of likely dateline
 * elements are examined, so body prose mentioning dates is not picked up.
 */

import { parseDateAtStart } from './dates.ts';
import { inComments } from './dom.ts';
import { collapseWhitespace } from './text.ts';
import { elementsIn } from '../dom.ts';

export type DateKind = 'published' | 'modified';

const LABELS: Record<DateKind, RegExp> = {
  published: /\b(?:first\s+)?(?:published|posted|released)\b/gi,
  modified: /\b(?:last\s+)?(?:updated|modified|edited|revised)\b/gi,
};

/**
 * Elements that commonly hold a dateline: <time>, or a class containing date/time/publish/updated/byline/meta,
 * or an id containing date. Kept specific so large containers are rarely visited. (Matched with a walk and a
 * regex rather than `[class*=… i]` selectors, which are slow on jsdom.)
 */
const CANDIDATE_CLASS = /date|time|publish|updated|byline|meta/i;
const CANDIDATE_ID = /date/i;
function isCandidate(el: Element): boolean {
  if (el.tagName === 'TIME') return true;
  const cls = el.getAttribute('class');
  if (cls && CANDIDATE_CLASS.test(cls)) return true;
  const id = el.getAttribute('id');
  return id !== null && CANDIDATE_ID.test(id);
}

const MAX_TEXT = 200;
const MAX_CANDIDATES = 300;

const cache = new WeakMap<Element, string[]>();

/**
 * Short, whitespace-collapsed texts of dateline-like elements, in document order (computed once per root).
 * `all`: root's elements in document order, when a walk already has them.
 */
function candidateTexts(root: Element | null, all?: Element[]): string[] {
  if (!root) return [];
  const cached = cache.get(root);
  if (cached) return cached;
  const texts: string[] = [];
  cache.set(root, texts);
  let seen = 0;
  for (const el of all ?? elementsIn(root)) {
    if (el === root || !isCandidate(el)) continue;
    if (++seen > MAX_CANDIDATES) break;
    if (inComments(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > MAX_TEXT * 4) continue;
    const text = collapseWhitespace(raw);
    if (text && text.length <= MAX_TEXT) texts.push(text);
  }
  return texts;
}

/** The date right after a label of the given kind in `text` ("Updated: 4 March 2025"). */
export function labelledDate(text: string, kind: DateKind, now: number): string | null {
  const label = new RegExp(LABELS[kind].source, 'gi');
  for (let m = label.exec(text); m; m = label.exec(text)) {
    const after = text.slice(m.index + m[0].length).replace(/^\s*(?:on|at)?\s*[:\-\u2013\u2014]?\s*/i, '');
    const date = parseDateAtStart(after, now);
    if (date) return date;
  }
  return null;
}

/** A labelled dateline anywhere in dateline-like elements of the document. */
export function findLabelledDate(doc: Document, kind: DateKind, now: number, elements?: Element[]): string | null {
  for (const text of candidateTexts(doc.documentElement, elements)) {
    const date = labelledDate(text, kind, now);
    if (date) return date;
  }
  return null;
}

/**
 * An unlabelled date ("8 February 2024") opening a dateline-like element inside
 * the article, header or main area; texts that carry an "updated" label are skipped.
 */
export function findUnlabelledDate(
  doc: Document,
  now: number,
  elements?: Element[],
  tags: (name: string) => ArrayLike<Element> = (name) => doc.getElementsByTagName(name),
): string | null {
  // querySelector('article') ?? querySelector('main, [role="main"]') ?? querySelector('header'), without the
  // selector engine (slow on jsdom).
  const scope =
    tags('article')[0] ??
    (elements ?? (doc.documentElement ? elementsIn(doc.documentElement) : [])).find((el) => el.localName === 'main' || el.getAttribute('role') === 'main') ??
    tags('header')[0] ??
    null;
  if (!scope) return null;
  for (const text of candidateTexts(scope)) {
    if (new RegExp(LABELS.modified.source, 'i').test(text)) continue;
    const date = parseDateAtStart(text.replace(/^(?:on|dated?)\s*:?\s*/i, ''), now);
    if (date) return date;
  }
  return null;
}
