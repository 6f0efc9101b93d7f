/**
 * The working copy, made ready for Readability: elements that can never reach the article out, a post rendered by
 * a script read from its <noscript> copy, and the code languages noted (Readability strips the classes naming
 * them).
 */
import { itemsOf } from './dom.ts';
import { unwrapNoscriptArticles } from './noscript.ts';
import type { DocumentScan } from './scan.ts';

/** Prepares `doc` (the working copy; `work`, its scan) and returns the class names Readability must keep. */
export function prepareForReadability(doc: Document, work: DocumentScan | null): string[] {
  const classesToPreserve = codeLanguageClasses(doc, work);
  dropInert(work);
  unwrapNoscriptArticles(work?.byTag('noscript') ?? itemsOf(doc.getElementsByTagName('noscript')));
  return classesToPreserve;
}

/**
 * Elements whose content can never reach the article, removed before Readability so it walks, serializes (it
 * keeps the page's HTML for its retries) and re-parses less: scripts (Readability drops them; Lectern's metadata
 * has read them), style sheets, and inline SVG (icon sets can be thousands of nodes; the sanitizer drops SVG with
 * its content). <noscript> stays: Readability takes lazy images' real sources from it.
 */
function dropInert(work: DocumentScan | null): void {
  if (!work) return;
  for (const tag of ['script', 'style', 'svg']) for (const el of work.byTag(tag)) el.remove();
}

/** `language-*` / `lang-*` classes of code blocks: Readability strips classes, but exports need the language. */
function codeLanguageClasses(doc: Document, scan: DocumentScan | null): string[] {
  const found = new Set<string>();
  for (const tag of ['pre', 'code']) {
    for (const el of scan ? scan.byTag(tag) : itemsOf(doc.getElementsByTagName(tag))) {
      for (const c of el.classList) if (/^(?:language|lang)-[\w+#.-]+$/.test(c)) found.add(c);
    }
  }
  return [...found];
}
