/**
 * A clean-up rule removes one kind of news-page clutter. Each rule lives in its own file under rules/ and may
 * use up to three signals:
 *
 * - `signature` (page phase, before Readability, on the cloned document): a pattern tested against an element's
 *   "signature": its id, class names, role, aria-label, itemtype and data-component/data-module values, joined
 *   by spaces. Cheap (no text is read) and catches whole widgets (share bars, newsletter boxes, rails).
 * - `test` (page phase): an extra structural check for candidates, or for elements without a signature match
 *   when `structural` is set (e.g. "a list whose links all point at social networks").
 * - `text` (content phase, after Readability, on the article): a pattern tested against the whole collapsed
 *   text of a short block ("Post with no comments.", "Advertisement", "Read more: …").
 *
 * Everything a rule removes is recorded (rule id + short text) so the reader can show it and restore it.
 */
export type RuleId =
  | 'share-bar'
  | 'badge'
  | 'breadcrumb'
  | 'related-links'
  | 'newsletter'
  | 'comments'
  | 'consent'
  | 'ad'
  | 'author-bio'
  | 'tags'
  | 'site-chrome'
  | 'dateline'
  | 'byline'
  | 'promo'
  | 'tail';

export interface CleanupRule {
  id: RuleId;
  signature?: RegExp;
  /** Structural confirmation of a page-phase candidate (signature matched) — return false to keep it. */
  confirm?(el: Element): boolean;
  /**
   * Structural detection without a signature match (page and content phases). `text`: in the content phase,
   * `el`'s collapsed text (textOf), read by the caller just before (the same string, not read again).
   */
  structural?(el: Element, ctx: CleanupContext, text?: string): boolean;
  /** Whole-text pattern for short blocks in the article (content phase). */
  text?: RegExp;
  /** Elements that go together with a matched element (content phase), e.g. the link list under a heading. */
  companions?(el: Element): Element[];
}

import type { ElementStats } from './stats.ts';

export interface CleanupContext {
  /** The page URL (absolute). */
  url: string;
  phase: 'page' | 'content';
  /** Page phase: text/link counts of every element, computed once (see stats.ts). */
  stats?: WeakMap<Element, ElementStats>;
  /** Page phase: the page's <form>s and their parents (the only elements a sign-up box test can match). */
  formHolders?: Set<Element>;
  /** The article's byline from the metadata, when known (content phase), to recognise repeated bylines. */
  byline?: string | null;
  /** The article element the rules run on: set in the content phase (and only there). */
  root?: Element;
}
