/**
 * Standalone HTML export: one file that opens offline in any browser — Lectern's reading styles inline, the
 * citation (byline, site, dates, a link to the source), the sanitized article body, and a content security
 * policy that allows no script, no frame and no request other than images.
 *
 * The reading CSS is passed in (the extension imports `src/ui/{themes,reader}.css?raw`, the CLI reads the files,
 * both through `standaloneCss`), so this module stays pure.
 */
import { sanitizeHtml } from '../sanitize.ts';
import type { Article } from '../types.ts';

export type HtmlSource = Pick<Article, 'title' | 'byline' | 'siteName' | 'publishedTime' | 'url' | 'canonicalUrl' | 'lang' | 'dir' | 'html'>;

const CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const day = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0]) || null;

/**
 * Lectern's reading styles as one self-contained stylesheet: the theme palettes (light, and dark when the system
 * is dark) and the reader's rules, without their `@import`s (in a file opened offline they would resolve to
 * nothing and leave every colour variable undefined). The bundled font is not embedded: "Hyperlegible" falls
 * back to the system's sans serif.
 */
export function standaloneCss(readerCss: string, themesCss: string): string {
  const withoutImports = (css: string) => css.replace(/@import\s[^;]*;\s*/g, '');
  return `${withoutImports(themesCss).trim()}\n${withoutImports(readerCss).trim()}`;
}

/** `</style` inside the CSS would end the style element early. */
const safeCss = (css: string) => css.replace(/<\/style/gi, '<\\/style');

export function articleToHtml(a: HtmlSource, capturedAt: Date, readerCss: string, win: Window): string {
  const source = a.canonicalUrl ?? a.url;
  const lang = a.lang && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(a.lang) ? a.lang : '';
  const dir = a.dir === 'rtl' || a.dir === 'ltr' ? a.dir : 'auto';
  const published = day(a.publishedTime);
  const citation = [
    a.byline ? `<span class="byline">${escapeHtml(a.byline)}</span>` : '',
    a.siteName ? `<span class="site">${escapeHtml(a.siteName)}</span>` : '',
    published ? `<time datetime="${escapeHtml(a.publishedTime!)}">${published}</time>` : '',
  ].filter(Boolean);
  return `<!doctype html>
<html${lang ? ` lang="${escapeHtml(lang)}"` : ''} dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(a.title)}</title>
<style>
${safeCss(readerCss)}
body { margin: 0; background: var(--bg); color: var(--fg); }
.reader { max-width: 42em; margin: 0 auto; padding: 1.5em 1.2em 4em; }
</style>
</head>
<body>
<article class="reader">
<h1 class="article-title">${escapeHtml(a.title)}</h1>
<p class="source">${citation.join(' · ')}${citation.length ? '<br>' : ''}Source: <a href="${escapeHtml(source)}" rel="noopener noreferrer">${escapeHtml(source)}</a><br>Captured: <time datetime="${capturedAt.toISOString()}">${capturedAt.toISOString()}</time></p>
<div class="article-body">
${sanitizeHtml(win, a.html)}
</div>
</article>
</body>
</html>
`;
}
