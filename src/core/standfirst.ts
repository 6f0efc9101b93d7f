/**
 * The standfirst (dek, subtitle) usually sits in the page header next to the headline, outside the container
 * Readability picks, so it is lost. This finds it next to the page's <h1> and puts it at the top of the content
 * when the content doesn't already have it.
 */
import { collapseWhitespace } from './text.ts';
import { firstBelow, isLink, itemsOf, tagIn, textAtMost } from './dom.ts';

const DEK_CLASS = /(?:^|[\s_-])(?:standfirst|dek|deck|sub-?title|sub-?head(?:line)?|lede|summary|teaser|intro|sapo|chapo|excerpt|description|strapline|abstract)(?:$|[\s_-])/i;
const MIN = 40;
const NOT_A_DEK = tagIn('h1', 'nav', 'form', 'img', 'time');
const HEADING = tagIn('h2', 'h3', 'h4');
const BLOCK = tagIn('h2', 'h3', 'h4', 'p');
const MAX = 500;

function text(el: Element): string {
  return collapseWhitespace(el.textContent ?? '');
}

function candidatesAfter(h1: Element): Element[] {
  const out: Element[] = [];
  // The h1's following siblings, then (if the h1 is wrapped) its parent's and grandparent's.
  let anchor: Element | null = h1;
  for (let depth = 0; anchor && depth < 3; depth++) {
    let sib = anchor.nextElementSibling;
    for (let i = 0; sib && i < 4; i++, sib = sib.nextElementSibling) out.push(sib);
    anchor = anchor.parentElement;
  }
  return out;
}

/**
 * `tags`: the page's elements by tag name, when a walk already has them. The headline is an <h1> that holds the
 * title, else an <h2> that does (pages that set their headline as <h2> and use <h1> for the site's logo or a
 * breadcrumb); the dek is looked for next to each such heading in turn (at most a few).
 */
export function findStandfirst(
  page: Document,
  title: string,
  excerpt: string | null,
  tags: (name: string) => ArrayLike<Element> = (name) => page.getElementsByTagName(name),
): Element | null {
  const normalizedTitle = title.toLowerCase();
  const holdsTitle = (h: Element) => text(h).toLowerCase().includes(normalizedTitle.slice(0, 40));
  const headlines = itemsOf(tags('h1')).filter(holdsTitle).slice(0, 3);
  if (normalizedTitle) headlines.push(...itemsOf(tags('h2')).filter(holdsTitle).slice(0, 2));
  const excerptStart = excerpt ? collapseWhitespace(excerpt).slice(0, 60).toLowerCase() : null;
  for (const headline of headlines) {
    const dek = dekAfter(headline, excerptStart);
    if (dek) return dek;
  }
  return null;
}

function dekAfter(h1: Element, excerptStart: string | null): Element | null {
  for (const el of candidatesAfter(h1)) {
    // Size first: a candidate can be the whole rest of the page, which the selector would search through.
    if (textAtMost(el, MAX) > MAX) continue;
    if (firstBelow(el, NOT_A_DEK)) continue;
    const t = text(el);
    if (t.length < MIN || t.length > MAX) continue;
    if (firstBelow(el, isLink) && el.getElementsByTagName('a').length > 1) continue;
    const byClass = DEK_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`);
    const byExcerpt = excerptStart !== null && t.toLowerCase().startsWith(excerptStart);
    if (byClass || byExcerpt) return el;
  }
  return null;
}

function standfirstParagraph(doc: Document, dekText: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.className = 'standfirst';
  p.textContent = dekText;
  return p;
}

/**
 * A leading heading that reads like a sentence ("The U.S. drone bombarded a vehicle … in Bagdad.") is a
 * standfirst set as <h2>, not a section title: headings rarely end with a full stop. It becomes
 * <p class="standfirst"> so it doesn't read as a second headline.
 */
function markLeadingStandfirst(content: Element): void {
  const firstBlock = firstBelow(content, (el) => BLOCK(el) && text(el) !== '');
  // Readability sometimes wraps a lone heading in a <p>: look through it.
  const first = firstBlock?.tagName === 'P' ? firstBelow(firstBlock, HEADING) : firstBlock;
  if (!first || !firstBlock || text(first) !== text(firstBlock)) return;
  const t = text(first);
  if (t.length < MIN || t.length > MAX || !/[.!?…]["”’»]?$/.test(t)) return;
  // Replace the heading together with wrappers that hold nothing else (Readability may wrap it in a <p>).
  let target: Element = first;
  while (target.parentElement && target.parentElement !== content && text(target.parentElement) === t) target = target.parentElement;
  target.replaceWith(standfirstParagraph(content.ownerDocument, t));
}

/** The page's standfirst text, read before the page is changed. */
export function standfirstText(page: Document, title: string, excerpt: string | null, tags?: (name: string) => ArrayLike<Element>): string | null {
  const dek = findStandfirst(page, collapseWhitespace(title), excerpt, tags);
  return dek ? text(dek) : null;
}

export function ensureStandfirst(content: Element, dekText: string | null): void {
  markLeadingStandfirst(content);
  if (!dekText) return;
  if (text(content).includes(dekText.slice(0, 80))) return;
  content.insertBefore(standfirstParagraph(content.ownerDocument, dekText), content.firstChild);
}
