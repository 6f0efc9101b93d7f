/**
 * Plain text from article HTML, the way a reader expects to paste it: one paragraph per block,
 * blocks separated by one blank line, list items as "- " (or "1. ") lines, headings on their own line,
 * <br> as a line break, <pre> kept verbatim, table rows as tab-separated cells. No markup, no entities,
 * no runs of spaces, no soft hyphens.
 */
import { itemsOf } from './dom.ts';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIALOG', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
  'CAPTION',
]);
// <rt>/<rp>: ruby annotations (furigana readings, their fallback parentheses) sit between the characters they
// annotate; in plain text they would split every word ("子こども"). The HTML keeps them.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'RT', 'RP']);

/** Collapses whitespace (including NBSP) inside a line; keeps other Unicode as is. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

class TextWriter {
  /** Per <ol>: its <li>s' positions (see itemIndex). */
  readonly lists = new Map<Element, Map<Element, number>>();
  private blocks: string[] = [];
  private line = '';
  private prefix = '';

  /**
   * Source whitespace (including newlines) inside running text is a space; only <br> breaks a line. Soft hyphens
   * (invisible hyphenation hints, "Mit&shy;tel&shy;al&shy;ter") go: in plain text they only break searching, word
   * counts and read-aloud.
   */
  inline(s: string): void {
    this.line += (s.includes('\u00ad') ? s.replace(/\u00ad/g, '') : s).replace(/[\t\n\r\f ]+/g, ' ');
  }
  /** Ends the current line; a line break inside a paragraph (from <br>). */
  lineBreak(): void {
    this.line += '\n';
  }
  /** Ends the current block (paragraph). */
  flush(): void {
    const lines = this.line
      .split('\n')
      .map((l) => collapseWhitespace(l))
      .filter((l) => l.length > 0);
    if (lines.length) this.blocks.push(this.prefix + lines.join('\n'));
    this.line = '';
    this.prefix = '';
  }
  raw(block: string): void {
    this.flush();
    const trimmed = block.replace(/^\n+|\s+$/g, '');
    if (trimmed) this.blocks.push(trimmed);
  }
  setPrefix(p: string): void {
    this.prefix = p;
  }
  result(): string {
    this.flush();
    return this.blocks.join('\n\n');
  }
}

export function htmlToText(root: Node): string {
  const w = new TextWriter();
  walk(root, w);
  return w.result();
}

/**
 * The position of `item` among its <ol>'s <li> children (hidden ones count too). Each list's items are listed
 * once per htmlToText() call (in `w`), so a long list stays linear.
 */
function itemIndex(w: TextWriter, list: Element, item: Element): number {
  let indexes = w.lists.get(list);
  if (!indexes) {
    indexes = new Map();
    for (const c of itemsOf(list.children)) if (c.tagName === 'LI') indexes.set(c, indexes.size);
    w.lists.set(list, indexes);
  }
  return indexes.get(item) ?? 0;
}

function walk(node: Node, w: TextWriter): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      w.inline(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden')) continue;
    if (tag === 'BR') {
      w.lineBreak();
      continue;
    }
    if (tag === 'IMG') continue;
    if (tag === 'PRE') {
      w.raw(el.textContent ?? '');
      continue;
    }
    if (tag === 'TR') {
      w.flush();
      const cells = itemsOf(el.children)
        .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
        .map((c) => collapseWhitespace(htmlToText(c).replace(/\n+/g, ' ')));
      w.raw(cells.join('\t'));
      continue;
    }
    if (!BLOCK.has(tag)) {
      walk(el, w);
      continue;
    }
    w.flush();
    if (tag === 'LI') {
      const parent = el.parentElement;
      if (parent?.tagName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        w.setPrefix(`${start + itemIndex(w, parent, el)}. `);
      } else {
        w.setPrefix('- ');
      }
    }
    walk(el, w);
    w.flush();
  }
}
