/**
 * The article as a Markdown or a standalone HTML file, for "Download Markdown" and "Download HTML" in the popup
 * and the reader tab. Loaded on first use (`import()`), not with the page: turndown and the inlined reading
 * styles are only needed by these buttons. What is exported is the article as shown, restored items included.
 */
import { articleToHtml, standaloneCss } from '../core/export/html.ts';
import { slugify } from '../core/filename.ts';
import type { Export, Shown } from './article-state.ts';
import { articleHtml } from './html-sink.ts';
import readerCss from './reader.css?raw';
import { bodyForSaving } from './restore.ts';
import themesCss from './themes.css?raw';

/** The body HTML as shown: the article's, or the rendered body's once something is restored. */
function shownHtml(s: Shown): string {
  return s.body && s.restored.size ? articleHtml(bodyForSaving(s.body)) : s.view.html;
}

export async function markdownExport(s: Shown): Promise<Export> {
  const { articleToMarkdown } = await import('../core/export/markdown.ts');
  return { name: `${slugify(s.view.title)}.md`, body: articleToMarkdown({ ...s.view, html: shownHtml(s) }, s.capturedAt), type: 'text/markdown;charset=utf-8' };
}

let css: string | null = null;

export function htmlExport(s: Shown): Export {
  css ??= standaloneCss(readerCss, themesCss);
  const body = articleToHtml({ ...s.view, html: shownHtml(s) }, s.capturedAt, css, window);
  return { name: `${slugify(s.view.title)}.html`, body, type: 'text/html;charset=utf-8' };
}
