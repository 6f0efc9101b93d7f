/**
 * Source rules that keep page HTML out of Lectern's extension pages except through the one sink
 * (src/ui/html-sink.ts, which re-sanitizes), and keep code from strings out of the extension. Every file under
 * src/ (TypeScript and HTML: popup, ui, content, background, core, any future reader or options page) is read.
 * Each rule is first shown to catch the forms it is about, so it cannot pass by matching nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : [path];
  });
}
const sources = files('src').filter((f) => /\.(?:[cm]?[jt]sx?|html)$/.test(f));
/** Source without comments (block comments, whole-line // comments, HTML comments). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/<!--[\s\S]*?-->/g, '');
const sourceOf = (f: string) => code(readFileSync(join(root, f), 'utf8'));

/** Anything that turns a string into DOM nodes or writes markup: no module but the sink needs these. */
const HTML_PARSING = /\b(?:innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|srcdoc|DOMParser|setHTMLUnsafe|parseHTMLUnsafe|setHTML|parseHTML|createHTMLDocument|execCommand)\b|document\s*\.\s*write(?:ln)?\b/;
/** Writing HTML anywhere, the core included (the core only reads innerHTML to serialize its own output). */
const HTML_WRITE = /\.\s*(?:innerHTML|outerHTML)\s*\+?=(?!=)|\[\s*['"`](?:innerHTML|outerHTML|srcdoc)['"`]\s*\]\s*\+?=(?!=)|\binsertAdjacentHTML\b|\bsetHTMLUnsafe\b|\bparseHTMLUnsafe\b|\bexecCommand\b|document\s*\.\s*write(?:ln)?\s*\(|\bsrcdoc\b|\bcreateContextualFragment\b/;
/** Code from strings, remote code. */
const CODE_FROM_STRINGS = /\beval\s*\(|\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(\s*['"`]|\bset(?:Timeout|Interval)\s*\(\s*['"`]|\bimportScripts\s*\(|\bimport\s*\(\s*['"`]https?:|<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i;

/** Where each allowed use is, and why. */
const ALLOWED_PARSING: Record<string, string> = {
  'src/ui/html-sink.ts': 'the one sink: sanitizes, then reads innerHTML of its own output',
  'src/core/extract.ts': 'serializes its sanitized result (holder.innerHTML, read only)',
  'src/core/fallback.ts':
    "serializes the fallback container's content (read only) and, when the fallback is taken, parses that serializer output back with DOMParser into an inert document; the result is sanitized with the article",
  'src/core/export/markdown.ts': "parses sanitized article HTML with DOMParser into an inert document for turndown",
  'src/core/import/bookmarks.ts': 'parses an imported bookmark file with DOMParser into an inert document, reads only links and their text',
  'src/core/import/fetched.ts': "parses a fetched article with DOMParser into an inert document for extract(), which sanitizes its result",
};

describe('HTML enters extension pages only through src/ui/html-sink.ts', () => {
  it('the rules catch the forms they are about', () => {
    for (const bad of [
      'el.innerHTML = x', 'el.innerHTML += x', 'el.outerHTML=x', "el['innerHTML'] = x", 'el.insertAdjacentHTML("beforeend", x)',
      'document.write(x)', 'document.writeln(x)', 'range.createContextualFragment(x)', 'frame.srcdoc = x', 'el.setHTMLUnsafe(x)',
      'Document.parseHTMLUnsafe(x)', "document.execCommand('insertHTML', false, x)",
    ]) {
      expect(HTML_WRITE.test(bad), bad).toBe(true);
      expect(HTML_PARSING.test(bad), bad).toBe(true);
    }
    for (const bad of ['new DOMParser().parseFromString(x, "text/html")', 'document.implementation.createHTMLDocument("")', 'const h = el.innerHTML', 'el.setHTML(x)']) {
      expect(HTML_PARSING.test(bad), bad).toBe(true);
    }
    for (const fine of ['if (el.innerHTML === x) {}', 'el.textContent = x', 'el.replaceChildren(node)', 'const html = holder.innerHTML']) {
      expect(HTML_WRITE.test(fine), fine).toBe(false);
    }
  });
  it('no module under src/ writes HTML (innerHTML/outerHTML assignment, insertAdjacentHTML, document.write, srcdoc, …)', () => {
    expect(sources.filter((f) => HTML_WRITE.test(sourceOf(f)))).toEqual([]);
  });
  it('only the sink and the core modules listed above (with why) parse or serialize HTML at all', () => {
    const users = sources.filter((f) => HTML_PARSING.test(sourceOf(f)));
    expect(users.filter((f) => !(f in ALLOWED_PARSING))).toEqual([]);
    // …and the list has no stale entries, so it stays a true account.
    expect(Object.keys(ALLOWED_PARSING).filter((f) => !users.includes(f))).toEqual([]);
    // No view module (popup, ui, content, background, a future reader/options page) is among them but the sink.
    expect(users.filter((f) => !f.startsWith('src/core/') && f !== 'src/ui/html-sink.ts')).toEqual([]);
  });
  it('the sink sanitizes with the page’s own DOMPurify before anything is inserted', () => {
    const sink = sourceOf('src/ui/html-sink.ts');
    expect(sink).toMatch(/sanitizeToFragment\(window,/);
    expect(sink).not.toMatch(HTML_WRITE);
  });
  it('extension HTML pages have no inline script, inline event handler or javascript: URL (the CSP would refuse them anyway)', () => {
    for (const f of sources.filter((s) => s.endsWith('.html'))) {
      const html = sourceOf(f);
      expect(html, f).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, f).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, f).not.toMatch(/javascript:/i);
    }
  });
});

describe('no code from strings, no remote code', () => {
  it('the rule catches the forms it is about', () => {
    for (const bad of ['eval(x)', 'new Function("a", b)', 'Function("return 1")', 'setTimeout("x()", 1)', 'setInterval(`x`, 1)', "importScripts('x.js')", "import('https://cdn.example/x.js')", '<script src="https://cdn.example/x.js">', '<script src=//cdn.example/x.js>']) {
      expect(CODE_FROM_STRINGS.test(bad), bad).toBe(true);
    }
    for (const fine of ['setTimeout(() => x(), 1)', 'foo.evaluate(x)', "import('./local.ts')", '<script type="module" src="./main.ts">']) {
      expect(CODE_FROM_STRINGS.test(fine), fine).toBe(false);
    }
  });
  it('no source under src/ evaluates strings or loads remote code', () => {
    expect(sources.filter((f) => CODE_FROM_STRINGS.test(sourceOf(f)))).toEqual([]);
  });
});
