import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/core/sanitize.ts';

const win = new JSDOM('<!doctype html><body></body>', { url: 'https://example.com/' }).window as unknown as Window;
const clean = (html: string) => sanitizeHtml(win, html);

describe('sanitize (DOMPurify on jsdom)', () => {
  it('removes scripts and event handlers', () => {
    const out = clean('<p onclick="x()">hi<script>alert(1)</script><img src="https://e.com/a.png" onerror="alert(1)"></p>');
    expect(out).not.toMatch(/script|onclick|onerror|alert/);
    expect(out).toContain('hi');
  });
  it('allows only http(s), mailto and fragment URLs', () => {
    const out = clean('<a href="javascript:alert(1)">a</a><a href="vbscript:x">b</a><a href="data:text/html,x">c</a><a href="https://ok.example/">d</a><a href="#n">e</a>');
    expect(out).not.toMatch(/javascript:|vbscript:|data:text/);
    expect(out).toContain('href="https://ok.example/"');
    expect(out).toContain('href="#n"');
  });
  it('drops forms, frames, objects, styles, base and meta', () => {
    const out = clean('<form action="https://x"><input></form><iframe srcdoc="<script>1</script>"></iframe><object data="x"></object><embed src="x"><style>*{}</style><base href="https://evil/"><meta http-equiv="refresh" content="0;url=https://evil/">');
    expect(out).not.toMatch(/<(form|input|iframe|object|embed|style|base|meta)\b/);
  });
  it('removes style attributes and SVG/MathML', () => {
    const out = clean('<p style="background:url(https://track/)">t</p><svg><script>1</script></svg><math><mi>x</mi></math>');
    expect(out).not.toMatch(/style=|<svg|<math|track/);
  });
  it('opens links in a new tab without opener/referrer', () => {
    expect(clean('<a href="https://e.com/">x</a>')).toBe('<a href="https://e.com/" target="_blank" rel="noopener noreferrer">x</a>');
  });
  it('namespaces ids against DOM clobbering', () => {
    expect(clean('<p id="location">x</p>')).toContain('id="user-content-location"');
  });
  it('keeps only http(s) srcset entries, at most 12', () => {
    const many = Array.from({ length: 30 }, (_, i) => `https://e.com/${i}.jpg ${i + 1}w`).join(', ');
    const out = clean(`<img src="https://e.com/a.jpg" srcset="javascript:x 1x, ${many}">`);
    expect(out).not.toContain('javascript:');
    expect(out.match(/https:\/\/e\.com\/\d+\.jpg/g)?.length).toBe(12);
    expect(out).toContain('referrerpolicy="no-referrer"');
  });
  it('keeps article structure: figures, tables, lists, code, quotes', () => {
    const html = '<figure><img src="https://e.com/a.jpg" alt="a"><figcaption>cap</figcaption></figure><table><tbody><tr><td>1</td></tr></tbody></table><ul><li>x</li></ul><pre><code class="language-js">let a</code></pre><blockquote>q</blockquote>';
    const out = clean(html);
    for (const tag of ['figure', 'figcaption', 'table', 'li', 'pre', 'code', 'blockquote']) expect(out).toContain(`<${tag}`);
    expect(out).toContain('class="language-js"');
  });
  it('keeps harmless attribute values that are not URLs (width, datetime, colspan, lang)', () => {
    const out = clean('<img src="https://e.com/a.jpg" width="640"><time datetime="2024-02-08T10:00:00Z">x</time><table><tbody><tr><td colspan="2">c</td></tr></tbody></table><p lang="ar" dir="rtl">ع</p>');
    for (const a of ['width="640"', 'datetime="2024-02-08T10:00:00Z"', 'colspan="2"', 'lang="ar"', 'dir="rtl"']) expect(out).toContain(a);
  });
});
