/**
 * Is the page an article (the popup's "doesn't look like an article" message)? `isReaderable` decides, from the
 * page's own declaration, the cleaned result and `probablyReaderable`:
 *
 * Readability's quick "does this look like an article?" check (`isProbablyReaderable` in @mozilla/readability
 * 0.6.0), computed from the element lists the shared walk (scan.ts) already has instead of two more
 * whole-document queries, and without a second copy of Readability's candidate patterns in the content script.
 *
 * The rule is Readability's: every visible <p>, <pre> and <article>, and every <div> with a <br> child, that is
 * not a <p> inside a list item, not "unlikely" by its class and id, and holds at least 140 characters of text,
 * adds √(length − 140); the page looks like an article when the sum passes 20. (The sum only grows, so the order
 * the elements are visited in doesn't matter.) tests/unit/readerable.test.ts checks it against the library's own.
 */
import type { PageMetadata } from './metadata/types.ts';
import { READABILITY_PATTERNS as PATTERNS } from './readability-patterns.ts';
import { elementsIn, hasAncestor, isLink, tagIn } from './dom.ts';

const MIN_CONTENT_LENGTH = 140;
const MIN_SCORE = 20;
const IS_LI = tagIn('li');
const HEADLINE = tagIn('h2', 'h3', 'h4');


/** Readability's isNodeVisible: not display:none inline, not hidden, not aria-hidden (but for MediaWiki's math fallbacks). */
function visible(node: Element): boolean {
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  const className = (node as { className?: unknown }).className;
  return (
    (!style || style.display != 'none') &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') != 'true' || (typeof className === 'string' && className.includes('fallback-image')))
  );
}

export function probablyReaderable(byTag: (tag: string) => readonly Element[]): boolean {
  const nodes = new Set<Element>([...byTag('p'), ...byTag('pre'), ...byTag('article')]);
  for (const br of byTag('br')) {
    const parent = br.parentNode as Element | null;
    if (parent?.localName === 'div') nodes.add(parent);
  }
  let score = 0;
  for (const node of nodes) {
    if (!visible(node)) continue;
    const matchString = `${(node as { className?: unknown }).className} ${node.id}`;
    if (PATTERNS.unlikelyCandidates.test(matchString) && !PATTERNS.okMaybeItsACandidate.test(matchString)) continue;
    if (node.localName === 'p' && hasAncestor(node, IS_LI)) continue;
    const length = (node.textContent ?? '').trim().length;
    if (length < MIN_CONTENT_LENGTH) continue;
    score += Math.sqrt(length - MIN_CONTENT_LENGTH);
    if (score > MIN_SCORE) return true;
  }
  return false;
}

/** schema.org types that make a page an article even when Readability's quick check hesitates. */
const ARTICLE_TYPES = /Article$|^(?:BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

/**
 * Article or not. A schema.org article type or og:type=article says yes; otherwise Readability's quick check
 * must agree and the result must not look like an index page: the site's front page, or content made of
 * linked headlines (teaser cards).
 */
export function declaresArticle(meta: PageMetadata): boolean {
  return ARTICLE_TYPES.test(meta.schemaType ?? '') || meta.ogType === 'article';
}

export function isReaderable(byShape: boolean, meta: PageMetadata, content: Element, url: string, words: number): boolean {
  if (words < 50) return false;
  if (declaresArticle(meta)) return true;
  if (!byShape) return false;
  let path = '/';
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep "/" */
  }
  // `h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4`, counted without the selector engine.
  let linkedHeadlines = 0;
  for (const el of elementsIn(content)) {
    if (el !== content && ((isLink(el) && hasAncestor(el, HEADLINE)) || (HEADLINE(el) && hasAncestor(el, isLink)))) linkedHeadlines++;
  }
  const paragraphs = content.getElementsByTagName('p').length;
  return path.replace(/\/(?:index\.\w+)?$/, '') !== '' && !(linkedHeadlines >= 4 && linkedHeadlines * 2 >= paragraphs);
}
