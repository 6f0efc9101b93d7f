import type { CleanupRule } from '../rule.ts';

/** Page furniture that is never the story: "Reuse this content", copyright lines, print/skip links. */
export const siteChrome: CleanupRule = {
  id: 'site-chrome',
  text: /^(?:reuse this content|(?:©|\(c\)|copyright)\s*(?:\d{4}|[a-z]).{0,160}|all rights reserved\.?|skip to (?:main )?content|back to top|print this (?:article|page)|report an error|click here to (?:subscribe|sign up).{0,80})$/i,
};
