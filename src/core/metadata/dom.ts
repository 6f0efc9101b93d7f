/** Small read-only DOM helpers shared by the DOM fallbacks. */

/**
 * A class token or id starting with "comment" (comment, comments, comment-list, commentlist...): the selector
 * `[class^="comment" i], [class*=" comment" i], [id^="comment" i]`, tested up the ancestors with regexes
 * (case-insensitive attribute selectors are slow on jsdom).
 */
const COMMENT_CLASS = /(?:^| )comment/i;
const COMMENT_ID = /^comment/i;
function isCommentArea(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (cls !== null && COMMENT_CLASS.test(cls)) return true;
  const id = el.getAttribute('id');
  return id !== null && COMMENT_ID.test(id);
}

/**
 * Whether `el` sits in a comment section, which has its own authors, rel=author
 * links and "Posted on" dates. <body>/<html> are skipped: themes put page-state
 * classes like "comments-open" there.
 */
export function inComments(el: Element): boolean {
  let area: Element | null = el;
  while (area && !isCommentArea(area)) area = area.parentElement;
  return area !== null && area.localName !== 'body' && area.localName !== 'html';
}

/**
 * Whether `el` is part of a teaser or page chrome rather than the article:
 * wrapped in a link (teaser cards: `<a href><span class=byline>…</span> Headline</a>`;
 * the element itself may be a link), inside <nav>, or inside an <aside> that is
 * not part of an <article> (rails, "most read"; an aside within the article may
 * be its metadata column).
 */
export function inTeaserOrChrome(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  if (parent.closest('a[href], nav')) return true;
  const aside = parent.closest('aside');
  return aside !== null && aside.closest('article') === null;
}
