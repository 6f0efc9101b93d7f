/** Output formats of the CLI: each turns one result into the text written to stdout (or stderr for errors). */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { articleToHtml, standaloneCss } from '../core/export/html.ts';
import { articleToMarkdown } from '../core/export/markdown.ts';
import { articleToPlainText } from '../core/export/text.ts';
import { ARTICLE_FIELDS, type Article } from '../core/types.ts';
import type { Format } from './args.ts';


/** Separator line between articles in the text and markdown formats. */
export const SEPARATOR = '----';

/** One JSON line for a cleaned input: `path` first, then every Article field (unknown values as null). */
export function jsonLine(path: string, article: Article): string {
  const record: Record<string, unknown> = { path };
  const source = article as unknown as Record<string, unknown>;
  for (const key of ARTICLE_FIELDS) {
    const value = source[key];
    record[key] = value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
  }
  return `${JSON.stringify(record)}\n`;
}

/** One JSON line for a failed input. */
export function jsonErrorLine(path: string, message: string): string {
  return `${JSON.stringify({ path, error: message })}\n`;
}

/** One error line for stderr (text and markdown formats). */
export function errorLine(path: string, message: string): string {
  return `lectern: ${path}: ${message}\n`;
}

/**
 * The stdout text for one cleaned input. `index` counts the articles already written, so the text and markdown
 * formats can put a separator line between articles.
 */
export function formatArticle(format: Format, path: string, article: Article, index: number, capturedAt: Date): string {
  switch (format) {
    case 'json':
      return jsonLine(path, article);
    case 'markdown':
      return withSeparator(articleToMarkdown(article, capturedAt), index);
    case 'text':
      return withSeparator(articleToPlainText(article, capturedAt), index);
    case 'html':
      return withSeparator(articleToHtml(article, capturedAt, readerCss(), htmlWindow()), index);
  }
}

let css: string | null = null;
/** Lectern's reading styles, inlined into HTML exports (the extension imports the same files). */
function readerCss(): string {
  const file = (name: string) => readFileSync(new URL(`../ui/${name}`, import.meta.url), 'utf8');
  css ??= standaloneCss(file('reader.css'), file('themes.css'));
  return css;
}

let win: Window | null = null;
/** A window for DOMPurify (the HTML export sanitizes the body again). */
function htmlWindow(): Window {
  win ??= new JSDOM('').window as unknown as Window;
  return win;
}

function withSeparator(body: string, index: number): string {
  const text = body.endsWith('\n') ? body : `${body}\n`;
  return index === 0 ? text : `\n${SEPARATOR}\n\n${text}`;
}
