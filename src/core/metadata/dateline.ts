/**
 * Last-resort date source: visible datelines such as "Published 8 February 2024"
 * or "Updated: March 4, 2025 10:15 AM". Only short texts of likely dateline
 * elements are examined, so body prose mentioning dates is not picked up.
 */

import { parseDateAtStart } from './dates.ts';
import { inComments } from './dom.ts';
import { collapseWhitespace } from './text.ts';

export type DateKind = 'published' | 'modified';

const LABELS: Record<DateKind, RegExp> = {
  published: /\b(?:first\s+)?(?:published|posted|released)\b/gi,
  modified: /\b(?:last\s+)?(?:updated|modified|edited|revised)\b/gi,
};

/** Elements that commonly hold a dateline; kept specific so large containers are rarely visited. */
const CANDIDATES = [
  'time',
  '[class*="date" i]',
  '[class*="time" i]',
  '[class*="publish" i]',
  '[class*="updated" i]',
  '[class*="byline" i]',
  '[class*="meta" i]',
  '[id*="date" i]',
].join(', ');

const MAX_TEXT = 200;
const MAX_CANDIDATES = 300;

/** Short, whitespace-collapsed texts of dateline-like elements, in document order. */
function candidateTexts(root: ParentNode): string[] {
  const texts: string[] = [];
  for (const el of Array.from(root.querySelectorAll(CANDIDATES)).slice(0, MAX_CANDIDATES)) {
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
export function findLabelledDate(doc: Document, kind: DateKind, now: number): string | null {
  for (const text of candidateTexts(doc)) {
    const date = labelledDate(text, kind, now);
    if (date) return date;
  }
  return null;
}

/**
 * An unlabelled date ("8 February 2024") opening a dateline-like element inside
 * the article, header or main area; texts that carry an "updated" label are skipped.
 */
export function findUnlabelledDate(doc: Document, now: number): string | null {
  const scope = doc.querySelector('article') ?? doc.querySelector('main, [role="main"]') ?? doc.querySelector('header');
  if (!scope) return null;
  for (const text of candidateTexts(scope)) {
    if (new RegExp(LABELS.modified.source, 'i').test(text)) continue;
    const date = parseDateAtStart(text.replace(/^(?:on|dated?)\s*:?\s*/i, ''), now);
    if (date) return date;
  }
  return null;
}
