import type { CleanupRule } from '../rule.ts';

/** Page furniture that is never the story: "Reuse this content", copyright lines, print/skip links. */
export const siteChrome: CleanupRule = {
  id: 'site-chrome',
  text: /^(?:reuse this content|(?:this|the) (?:article|story|content) is (?:the )?copyright(?:ed)?(?: property)?\b.{0,120}|(?:written )?permission (?:must|is required) .{0,120}|(?:may|must) not be (?:re)?(?:published|reproduced|copied|distributed).{0,120}|materiał chroniony prawem.{0,160}|(?:©|\(c\)|copyright)\s*(?:\d{4}|[a-z]).{0,160}|all rights reserved\.?|.{0,80}\b(?:(?:gibt|geben) (?:\S+ ){0,3}(?:die |ausschließlich die )?meinung (?:des|der) (?:autors?|autorin|verfasser)|(?:views|opinions) expressed .{0,60}(?:are|do not)|(?:is|are) not responsible for the (?:opinions|content)|(?:wurde|ist) (?:\S+ ){0,2}unter (?:der|einer) (?:creative[- ]commons[- ])?lizenz|this entry was posted in)\b.{0,200}|skip to (?:main )?content|back to top|print this (?:article|page)|(?:rezept|artikel|seite) drucken|print (?:recipe|article)|report an error|click here to (?:subscribe|sign up).{0,80})$/i,
};
