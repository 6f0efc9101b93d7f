/** Plain-text export: a citation header, then the article's paragraphs separated by blank lines. */
import type { Article } from '../types.ts';

export type Citable = Pick<Article, 'title' | 'byline' | 'siteName' | 'publishedTime' | 'url' | 'canonicalUrl' | 'text'>;

/** Formats a date for the header as YYYY-MM-DD (unambiguous in every locale). */
function day(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : null;
}

export function citationHeader(a: Citable, capturedAt: Date): string {
  const lines = [a.title];
  if (a.byline) lines.push(`By ${a.byline}`);
  if (a.siteName) lines.push(a.siteName);
  const published = day(a.publishedTime);
  if (published) lines.push(`Published: ${published}`);
  lines.push(`URL: ${a.canonicalUrl ?? a.url}`);
  lines.push(`Captured: ${capturedAt.toISOString()}`);
  return lines.join('\n');
}

export function articleToPlainText(a: Citable, capturedAt: Date): string {
  const body = a.text.trim();
  // An imported link without its text yet is the citation alone (no trailing blank lines).
  return body ? `${citationHeader(a, capturedAt)}\n\n${body}\n` : `${citationHeader(a, capturedAt)}\n`;
}
