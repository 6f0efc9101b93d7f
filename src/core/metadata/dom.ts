/** Small read-only DOM helpers shared by the DOM fallbacks. */

/** A class token or id starting with "comment" (comment, comments, comment-list, commentlist...). */
const COMMENT_AREA = '[class^="comment" i], [class*=" comment" i], [id^="comment" i]';

/**
 * Whether `el` sits in a comment section, which has its own authors, rel=author
 * links and "Posted on" dates. <body>/<html> are skipped: themes put page-state
 * classes like "comments-open" there.
 */
export function inComments(el: Element): boolean {
  const area = el.closest(COMMENT_AREA);
  return area !== null && area.localName !== 'body' && area.localName !== 'html';
}
