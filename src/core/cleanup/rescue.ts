/**
 * Readability drops any element whose class or id contains words such as "header", "meta", "comment" or
 * "footer" before scoring. Inside an article that also hits content: a live-blog entry's
 * `<header class="entry__header"><time>16:42</time><h2>…</h2></header>`, a figure's `…-meta` caption. This step
 * runs after the clean-up rules (which already removed real clutter) and, inside article containers, strips the
 * class and id of short elements that hold a heading, a timestamp or a caption, so Readability keeps them.
 */
import { READABILITY_PATTERNS } from '../readability-patterns.ts';
import { elementsIn, firstBelow, hasAncestor, isLink, tagIn, textOf } from './dom.ts';

const { unlikelyCandidates: READABILITY_UNLIKELY, okMaybeItsACandidate: OK_MAYBE } = READABILITY_PATTERNS;

/** `article, [itemprop="articleBody"], [itemprop="liveBlogUpdate"]`, tested without the selector engine. */
function isContainer(el: Element): boolean {
  if (el.localName === 'article') return true;
  const prop = el.getAttribute('itemprop');
  return prop === 'articleBody' || prop === 'liveBlogUpdate';
}
const WORTH_KEEPING = tagIn('h2', 'h3', 'h4', 'h5', 'h6', 'time', 'figcaption');
const NAV_OR_FORM = tagIn('nav', 'form');
const SMALL_HEADING = tagIn('h2', 'h3');
/** `a[href] h2, a[href] h3, nav, form`: a teaser headline (a heading inside a link), navigation or a form. */
function teaserOrChrome(el: Element): boolean {
  return NAV_OR_FORM(el) || (SMALL_HEADING(el) && hasAncestor(el, isLink));
}

/** A dialog's, modal's or pop-up's part (its "modal__header"): an overlay is no article part, whatever holds it. */
const OVERLAY = /(?:^|[\s_-])(?:modal|dialog|popup|pop-up|overlay|lightbox)(?:$|[\s_-])/i;
function inOverlay(el: Element, container: Element): boolean {
  for (let a: Element | null = el; a && a !== container; a = a.parentElement) {
    if (!a.hasAttributes()) continue;
    const role = a.getAttribute('role');
    if (role === 'dialog' || role === 'alertdialog' || a.hasAttribute('aria-modal')) return true;
    if (OVERLAY.test(`${a.getAttribute('class') ?? ''} ${a.id}`)) return true;
  }
  return false;
}

/** `elements`: the page's elements in document order when a scan already has them (removed ones are skipped). */
export function rescueArticleParts(doc: Document, elements: Element[] = doc.documentElement ? elementsIn(doc.documentElement) : []): void {
  // The outermost containers (in document order, a container inside the last one found is not one).
  const outermost: Element[] = [];
  for (const el of elements) {
    if (!isContainer(el)) continue;
    const last = outermost[outermost.length - 1];
    if ((last && last.contains(el)) || !el.isConnected) continue;
    outermost.push(el);
  }
  for (const container of outermost) {
    for (const el of elementsIn(container)) {
      if (!el.hasAttributes()) continue;
      const signature = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (signature === ' ') continue;
      if (!READABILITY_UNLIKELY.test(signature) || OK_MAYBE.test(signature)) continue;
      if (!WORTH_KEEPING(el) && !firstBelow(el, WORTH_KEEPING)) continue;
      if (textOf(el).length > 400 || firstBelow(el, teaserOrChrome) || inOverlay(el, container)) continue;
      el.removeAttribute('class');
      el.removeAttribute('id');
    }
  }
}
