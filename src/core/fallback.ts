/**
 * A second opinion for Readability. Readability scores candidates and sometimes picks the wrong block: a list of
 * signatories, a form, a licence footer, a sidebar box. This finds the block that holds the most *prose*
 * (paragraphs of sentence length with few links) in the cleaned page; when Readability's choice holds far less
 * text than that block, the block is used instead.
 *
 * It runs on the cleaned clone before Readability (which moves nodes around), and keeps the winning container's
 * HTML, parsed again only in the rare case the fallback is taken (about 1 page in 100 of the benchmark corpora;
 * serializing costs a fraction of a deep copy on jsdom), so the common case costs one pass over the <p> elements.
 */
import { collapseWhitespace } from './text.ts';
import { elementsIn, itemsOf } from './dom.ts';

const MIN_PARAGRAPH = 40;
const MAX_LINK_DENSITY = 0.35;
/** Ancestors whose class/id marks them as page furniture (Readability 0.6.0's "unlikely" words and more). */
const FURNITURE = /comment|footer|sidebar|menu|nav|related|promo|newsletter|cookie|consent|privacy|dsgvo|gdpr|modal|popup|dialog|share|social|breadcrumb|widget|banner|masthead|header/i;

export interface FallbackCandidate {
  /** The container holding the most prose, copied without its content (see fallbackElement)… */
  el: Element;
  /** …and the HTML of its content, as it was before Readability. */
  html: string;
  /** Characters of prose in it. */
  prose: number;
}

function proseLength(p: Element): number {
  const text = collapseWhitespace(p.textContent ?? '');
  if (text.length < MIN_PARAGRAPH) return 0;
  let linked = 0;
  for (const a of elementsIn(p)) if (a.localName === 'a') linked += collapseWhitespace(a.textContent ?? '').length;
  return linked / text.length > MAX_LINK_DENSITY ? 0 : text.length;
}

const FURNITURE_TAG = /^(?:NAV|FOOTER|ASIDE|FORM|HEADER|DIALOG)$/;
const ARTICLE_WORDS = /article|content|main|body|post|entry|story/i;
/** Class words that name the story itself (`article-body-content`); "content" alone also names a dialog's text. */
const STORY_WORDS = /article|story|entry|post(?!er)/i;
/** Boxes over or beside the story, whatever holds them: never a wrapper around it. */
const OVERLAY = /comment|cookie|consent|privacy|dsgvo|gdpr|modal|popup|dialog|newsletter/i;

/**
 * Whether the container `best` sits inside page furniture. Walking up from it: a furniture tag (<nav>, <footer>…)
 * always counts, but a furniture class name only below the first ancestor that names itself the article
 * (`article-body-content`, not `comment-content`): above that, a class like `above-footer` or `page-header-wrap`
 * belongs to a layout wrapper around the story, not to a box beside it. Overlays and comment sections (a
 * cookie dialog's `content`, a comment's `post`) count wherever they are.
 */
function inFurniture(best: Element, body: Element): boolean {
  let inArticle = false;
  for (let a: Element | null = best; a && a !== body; a = a.parentElement) {
    if (FURNITURE_TAG.test(a.tagName)) return true;
    const sig = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`;
    if (sig === ' ') continue;
    const furniture = FURNITURE.test(sig);
    if (furniture && (!inArticle || OVERLAY.test(sig)) && !ARTICLE_WORDS.test(sig)) return true;
    if (!furniture && STORY_WORDS.test(sig)) inArticle = true;
  }
  return false;
}

/**
 * The prose of each <p> of the body (see proseLength; 0 for most), measured once for the steps below.
 * `paragraphs`: the page's <p> elements when a scan already has them (removed ones are skipped).
 */
export function measureProse(body: Element, paragraphs?: ArrayLike<Element>): Map<Element, number> {
  const out = new Map<Element, number>();
  for (const p of itemsOf(paragraphs ?? body.getElementsByTagName('p'))) {
    if (paragraphs && !body.contains(p)) continue;
    out.set(p, proseLength(p));
  }
  return out;
}

/** `lengths`: measureProse() of the body, when already taken (nothing changed since). */
export function findProseContainer(doc: Document, lengths?: Map<Element, number>): FallbackCandidate | null {
  const body = doc.body;
  if (!body) return null;
  // Prose per parent, then credit each grandparent with its children's prose (stories split into several divs).
  const measured = lengths ?? measureProse(body);
  const byParent = new Map<Element, number>();
  for (const [p, len] of measured) {
    const parent = p.parentElement;
    if (!len || !parent) continue;
    byParent.set(parent, (byParent.get(parent) ?? 0) + len);
  }
  const score = new Map<Element, number>(byParent);
  for (const [parent, len] of byParent) {
    const grand = parent.parentElement;
    if (grand && grand !== body.parentElement) score.set(grand, (score.get(grand) ?? 0) + len * 0.5);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return null;
  if (inFurniture(best, body)) return null;
  return { el: best.cloneNode(false) as Element, html: best.innerHTML, prose: proseIn(best, measured) };
}

/**
 * The fallback container as an element of `doc`: its copy, with its content parsed from the HTML inside a
 * <template>, where the parser keeps any content as it was (<td>s of a row, <li>s of a list). The HTML is the
 * serializer's, so its tags are balanced and its text escaped: it cannot close the template early. DOMParser's
 * documents are inert (no script runs, nothing loads), and the result is sanitized with the rest of the article.
 */
export function fallbackElement(win: Window, doc: Document, candidate: FallbackCandidate): Element | null {
  // `win`: the page's window (a copied document has none of its own).
  const parsed = new (win as Window & typeof globalThis).DOMParser().parseFromString(`<template>${candidate.html}</template>`, 'text/html');
  const content = (parsed.getElementsByTagName('template')[0] as HTMLTemplateElement | undefined)?.content;
  if (!content) return null;
  const el = doc.importNode(candidate.el, false);
  el.append(doc.adoptNode(content));
  return el;
}

/** Characters of prose in `el` (Readability's result, say), measured the same way; `lengths` as measured already. */
export function proseIn(el: Element, lengths?: Map<Element, number>): number {
  return itemsOf(el.getElementsByTagName('p')).reduce((n, p) => n + (lengths?.get(p) ?? proseLength(p)), 0);
}

/**
 * Narrows the page to the part that holds its prose before Readability runs: the smallest element holding at
 * least `share` of all the prose in <p>s (of sentence length, few links), widened by `margin` levels so the
 * headline, standfirst and figures beside the text stay. Everything outside it is dropped: Readability then
 * scores a much smaller document (it walks, serializes and may re-parse the whole page), and sidebars and
 * footers can't win. Pages with little prose are left alone (short articles, galleries, lists).
 * The headline stays too: the part kept widens to hold `headline` (the <h1> holding the title) when given, since
 * the story's text sits next to its headline; prose far from it (comments, a sidebar's long teaser) is then
 * no reason to drop the rest. Returns the element kept, or null when nothing was dropped.
 */
export function narrowToProse(
  doc: Document,
  lengths?: Map<Element, number>,
  headline?: Element | null,
  share = 0.8,
  margin = 2,
  minProse = 1500,
): Element | null {
  const body = doc.body;
  if (!body) return null;
  const prose = new Map<Element, number>();
  let total = 0;
  for (const [p, len] of lengths ?? measureProse(body)) {
    if (!len) continue;
    total += len;
    for (let a = p.parentElement; a && a !== body; a = a.parentElement) prose.set(a, (prose.get(a) ?? 0) + len);
  }
  if (total < minProse) return null;
  // The deepest element with enough of the prose: start at the body and step into the child that has it.
  let kept: Element = body;
  for (;;) {
    let next: Element | null = null;
    for (let c = kept.firstElementChild; c; c = c.nextElementSibling) {
      if ((prose.get(c) ?? 0) >= total * share) {
        next = c;
        break;
      }
    }
    if (!next) break;
    kept = next;
  }
  for (let i = 0; i < margin && kept !== body && kept.parentElement; i++) kept = kept.parentElement;
  if (headline && body.contains(headline)) while (kept !== body && !kept.contains(headline)) kept = kept.parentElement ?? body;
  if (kept === body) return null;
  for (let el: Element = kept; el !== body; ) {
    const parent = el.parentElement!;
    for (let c = parent.firstChild; c; ) {
      const next = c.nextSibling;
      if (c !== el) parent.removeChild(c);
      c = next;
    }
    el = parent;
  }
  return kept;
}
