import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/core/text.ts';

const text = (html: string) => htmlToText(new JSDOM(`<body>${html}</body>`).window.document.body);

describe('htmlToText', () => {
  it('separates paragraphs with one blank line and collapses whitespace', () => {
    expect(text('<p>One   two\n three</p>\n\n<p>Four&nbsp;five</p>')).toBe('One two three\n\nFour five');
  });
  it('drops soft hyphens, so the text can be searched and counted (the HTML keeps them for hyphenation)', () => {
    expect(text('<p>Schon im Mit&shy;tel&shy;al&shy;ter war der <em>Wein\u00adbau</em> wichtig.</p>')).toBe('Schon im Mittelalter war der Weinbau wichtig.');
  });
  it('puts headings on their own line and keeps inline text together', () => {
    expect(text('<h2>Head</h2><p>Some <em>inline</em> <a href="#">link</a>.</p>')).toBe('Head\n\nSome inline link.');
  });
  it('writes lists as "- " and numbered lines, honouring start', () => {
    expect(text('<ul><li>a</li><li>b</li></ul><ol start="3"><li>c</li><li>d</li></ol>')).toBe('- a\n\n- b\n\n3. c\n\n4. d');
  });
  it('numbers items by their place in the list (a hidden item keeps its number), nested lists apart', () => {
    expect(text('<ol><li>a</li><li hidden>b</li><li>c<ol start="7"><li>x</li><li>y</li></ol></li><li>d</li></ol>')).toBe('1. a\n\n3. c\n\n7. x\n\n8. y\n\n4. d');
    const long = Array.from({ length: 3000 }, (_, i) => `<li>item ${i}</li>`).join('');
    expect(text(`<ol>${long}</ol>`).split('\n\n').at(-1)).toBe('3000. item 2999');
  });
  it('turns <br> into a line break and keeps <pre> verbatim', () => {
    expect(text('<p>line1<br>line2</p><pre>  code\n    indented</pre>')).toBe('line1\nline2\n\n  code\n    indented');
  });
  it('writes table rows as tab-separated cells', () => {
    expect(text('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe('A\tB\n\n1\t2');
  });
  it('decodes entities and drops scripts, styles and hidden elements', () => {
    expect(text('<p>a &amp; b &lt;c&gt;</p><script>x()</script><style>p{}</style><p hidden>secret</p>')).toBe('a & b <c>');
  });
  it('handles text directly inside a div next to blocks', () => {
    expect(text('<div>loose text<p>para</p>tail</div>')).toBe('loose text\n\npara\n\ntail');
  });
  it('leaves out ruby annotations (furigana), which would split the words they annotate', () => {
    expect(text('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby></p>')).toBe('子どもへの虐待');
  });
});
