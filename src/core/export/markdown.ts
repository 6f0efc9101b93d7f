/**
 * Markdown export: YAML front matter (citation metadata), `# Title`, then the article body converted with turndown
 * (ATX headings, fenced code keeping its language, `-` bullets, GFM tables and strikethrough).
 *
 * Works in an extension page and in Node. turndown parses an HTML string with the browser's DOMParser or, in
 * Node, with its bundled parser (domino). When `win` is given, the body is parsed with `win`'s DOMParser and
 * turndown gets a node instead (useful where turndown's own parser is unavailable, e.g. a worker-less sandbox).
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { Article } from '../types.ts';
import { itemsOf } from '../dom.ts';

export type MarkdownSource = Pick<
  Article,
  'title' | 'byline' | 'siteName' | 'publishedTime' | 'url' | 'canonicalUrl' | 'lang' | 'html'
>;

/** A YAML scalar in double quotes. JSON string syntax is valid YAML (escapes included), so JSON.stringify fits. */
function yamlString(value: string): string {
  // U+0085/2028/2029 are legal in JSON strings but are line breaks to YAML 1.1 parsers; BOM is not allowed.
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function frontMatter(a: MarkdownSource, capturedAt: Date): string {
  const fields: Array<[string, string | null]> = [
    ['title', a.title],
    ['byline', a.byline],
    ['site', a.siteName],
    ['published', a.publishedTime],
    ['url', a.url],
    ['canonical', a.canonicalUrl],
    ['lang', a.lang],
    ['captured', capturedAt.toISOString()],
  ];
  const lines = fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== undefined && f[1] !== '');
  return `---\n${lines.map(([k, v]) => `${k}: ${yamlString(v)}`).join('\n')}\n---\n`;
}

/** Escapes characters that would make the title something other than plain heading text. */
function headingText(title: string): string {
  return title
    .replace(/[\s\u0085]+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/#+$/, (m) => m.replace(/#/g, '\\#'));
}

export function articleToMarkdown(article: MarkdownSource, capturedAt: Date, win?: Window): string {
  const body = htmlToMarkdown(article.html, win);
  const title = headingText(article.title);
  return `${frontMatter(article, capturedAt)}\n${title ? `# ${title}\n\n` : ''}${body}${body ? '\n' : ''}`;
}

let service: TurndownService | null = null;

function turndownService(): TurndownService {
  if (service) return service;
  const td = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    fence: '```',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    hr: '---',
    // An empty cell is "blank" to turndown, which would drop it and shift the columns after it.
    blankReplacement: (_content, node) => {
      const table = node.nodeName === 'TD' || node.nodeName === 'TH' || node.nodeName === 'TR' ? dataTableOf(node) : null;
      if (table && node.nodeName === 'TR') return rowMarkdown('', node as HTMLTableRowElement, table);
      if (table) return cellMarkdown('', node as HTMLTableCellElement);
      return (node as { isBlock?: boolean }).isBlock ? '\n\n' : '';
    },
  });
  // GFM (tables, strikethrough, task lists, highlight-source-xx blocks); the rules added after it refine it:
  // rules added later win over earlier ones, over turndown's own and over `keep`.
  td.use(gfm);
  td.addRule('strikethrough', {
    filter: ['del', 's', 'strike'] as TurndownService.Filter,
    replacement: (content) => (content.trim() ? `~~${content}~~` : content),
  });
  td.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => cellMarkdown(content, node as HTMLTableCellElement),
  });
  td.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const table = dataTableOf(node);
      return table ? rowMarkdown(content, node as HTMLTableRowElement, table) : `\n\n${content}\n\n`;
    },
  });
  td.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  td.addRule('tableCaption', {
    filter: 'caption',
    replacement: () => '',
  });
  td.addRule('table', {
    filter: (node) => node.nodeName === 'TABLE' && isSimpleTable(node as HTMLTableElement),
    replacement: (content, node) => {
      const captionEl = itemsOf((node as Element).children).find((c) => c.nodeName === 'CAPTION');
      const caption = captionEl?.textContent?.replace(/\s+/g, ' ').trim();
      const rows = content.replace(/\n+/g, '\n').trim();
      return `\n\n${caption ? `${caption}\n\n` : ''}${rows}\n\n`;
    },
  });
  // Nested or empty tables are layout, not data: keep their text as blocks.
  td.addRule('layoutTable', {
    filter: (node) => node.nodeName === 'TABLE' && !isSimpleTable(node as HTMLTableElement),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  td.addRule('layoutTableParts', {
    filter: (node) =>
      ['TR', 'TD', 'TH', 'THEAD', 'TBODY', 'TFOOT', 'CAPTION'].includes(node.nodeName) && dataTableOf(node) === null,
    replacement: (content, node) => (node.nodeName === 'TD' || node.nodeName === 'TH' ? ` ${content} ` : `\n\n${content}\n\n`),
  });
  td.addRule('fencedCode', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => fencedBlock(node as HTMLElement),
  });
  td.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => (content.trim() ? `\n\n_${content.trim()}_\n\n` : ''),
  });
  td.remove(['script', 'style', 'noscript', 'template'] as TurndownService.Filter);
  service = td;
  return td;
}

/** One cell: its text on one line with pipes escaped, plus empty cells for a colspan. */
function cellMarkdown(content: string, cell: HTMLTableCellElement): string {
  const span = Math.max(1, Math.min(Number(cell.getAttribute('colspan')) || 1, 50));
  return ` ${tableCellText(content)} |${'  |'.repeat(span - 1)}`;
}

function cellCount(row: HTMLTableRowElement): number {
  let n = 0;
  for (const cell of itemsOf(row.cells)) n += Math.max(1, Math.min(Number(cell.getAttribute('colspan')) || 1, 50));
  return n;
}

interface TableShape {
  /** Markdown can express it: rows with cells and no table inside a cell. */
  simple: boolean;
  columns: number;
  firstRow: HTMLTableRowElement | null;
}

/** Per-table facts, computed once per table (turndown asks for every row and cell). */
const shapes = new WeakMap<Node, TableShape>();

function shapeOf(table: HTMLTableElement): TableShape {
  let shape = shapes.get(table);
  if (shape) return shape;
  let columns = 0;
  for (const row of itemsOf(table.rows)) columns = Math.max(columns, cellCount(row));
  shape = {
    simple: table.rows.length > 0 && columns > 0 && table.getElementsByTagName('table').length === 0,
    columns,
    firstRow: table.rows[0] ?? null,
  };
  shapes.set(table, shape);
  return shape;
}

function isSimpleTable(table: HTMLTableElement): boolean {
  return shapeOf(table).simple;
}

/** The data table (one Markdown can express) that a row, cell or section belongs to, or null. */
function dataTableOf(node: Node): HTMLTableElement | null {
  const table = (node as Element).closest?.('table') as HTMLTableElement | null | undefined;
  return table && isSimpleTable(table) ? table : null;
}

/** One row, padded to the table's width; the first row is the header (GFM needs one) and gets the separator. */
function rowMarkdown(content: string, row: HTMLTableRowElement, table: HTMLTableElement): string {
  const { columns, firstRow } = shapeOf(table);
  // Spacer rows (every cell empty) are dropped, except the header row GFM needs.
  if (firstRow !== row && !/[^\s|]/.test(content)) return '';
  let cells = content;
  for (let i = content ? cellCount(row) : 0; i < columns; i += 1) cells += '  |';
  const line = `\n|${cells}`;
  if (firstRow !== row) return line;
  const aligns = Array.from({ length: columns }, (_, i) => alignMarker(row.cells[i]));
  return `${line}\n|${aligns.map((a) => ` ${a} |`).join('')}`;
}

function alignMarker(cell: HTMLTableCellElement | undefined): string {
  const align = (cell?.getAttribute('align') ?? '').toLowerCase();
  if (align === 'center') return ':---:';
  if (align === 'right') return '---:';
  if (align === 'left') return ':---';
  return '---';
}

/** Cell content on one line, with pipes escaped. */
function tableCellText(content: string): string {
  return content.replace(/\n+/g, ' ').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

const LANGUAGE_CLASS = /(?:^|\s)(?:language|lang|highlight-source|highlight-text|brush:?)-?([A-Za-z0-9_+#.-]+)/;

function languageOf(el: Element | null): string {
  if (!el) return '';
  const data = el.getAttribute('data-lang') ?? el.getAttribute('data-language');
  if (data && /^[A-Za-z0-9_+#.-]+$/.test(data)) return data;
  const m = LANGUAGE_CLASS.exec(el.getAttribute('class') ?? '');
  return m?.[1] ?? '';
}

function fencedBlock(pre: HTMLElement): string {
  const code = pre.firstElementChild?.nodeName === 'CODE' && pre.children.length === 1 ? pre.firstElementChild : null;
  const language = languageOf(code) || languageOf(pre) || languageOf(pre.parentElement);
  const text = (code ?? pre).textContent ?? '';
  let fenceSize = 3;
  for (const m of text.matchAll(/^`{3,}/gm)) fenceSize = Math.max(fenceSize, m[0].length + 1);
  const fence = '`'.repeat(fenceSize);
  return `\n\n${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
}

/** Converts sanitized article HTML to Markdown. */
export function htmlToMarkdown(html: string, win?: Window): string {
  const td = turndownService();
  let input: string | HTMLElement = html;
  if (win) {
    const Parser = (win as unknown as { DOMParser: typeof DOMParser }).DOMParser;
    const doc = new Parser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
    input = doc.body;
  }
  const markdown = td.turndown(input);
  return markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
