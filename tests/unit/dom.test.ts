/**
 * src/core/dom.ts's selector-free lookups give the selector engine's answers (they replace querySelector,
 * matches and querySelectorAll in the core, which are slow on jsdom): checked on generated trees.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { baseUrlOf, firstBelow, hasAncestor, isLink, itemsOf, linksIn, tagIn, visibleLength } from '../../src/core/dom.ts';
import { countNonSpace } from '../../src/core/cleanup/stats.ts';

const TAGS = ['div', 'p', 'li', 'ul', 'a', 'h2', 'h3', 'span', 'nav', 'section'];
const tree: fc.Memo<string> = fc.memo((n) =>
  n <= 1
    ? fc.constantFrom('', 'text', '<a>x</a>', '<a href="/y">y</a>', '<img src="i.png">')
    : fc
        .tuple(fc.constantFrom(...TAGS), fc.boolean(), fc.array(tree(n - 1), { maxLength: 4 }))
        .map(([tag, href, kids]) => `<${tag}${tag === 'a' && href ? ' href="/z"' : ''}>${kids.join('')}</${tag}>`),
);
const pages = fc.array(tree(5), { minLength: 1, maxLength: 4 }).map((kids) => new JSDOM(`<!doctype html><body>${kids.join('')}</body>`).window.document);

describe('selector-free lookups (fast-check)', () => {
  it('firstBelow(root, tagIn(…)) is querySelector of the type selectors; linksIn is querySelectorAll("a[href]")', () => {
    fc.assert(
      fc.property(pages, fc.subarray(TAGS, { minLength: 1 }), (doc, tags) => {
        for (const root of [doc.body, ...Array.from(doc.body.querySelectorAll('*')).slice(0, 6)]) {
          expect(firstBelow(root, tagIn(...tags))).toBe(root.querySelector(tags.join(', ')));
          expect(firstBelow(root, isLink)).toBe(root.querySelector('a[href]'));
          expect(linksIn(root)).toEqual(Array.from(root.querySelectorAll('a[href]')));
        }
      }),
      { numRuns: 200 },
    );
  });
  it('itemsOf(collection) lists what Array.from does, reading `length` once (jsdom looks every `length` read up among the items)', () => {
    fc.assert(
      fc.property(pages, fc.constantFrom(...TAGS), (doc, tag) => {
        expect(itemsOf(doc.getElementsByTagName(tag))).toEqual(Array.from(doc.querySelectorAll(tag)));
        expect(itemsOf(doc.body.children)).toEqual(Array.from(doc.body.childNodes).filter((n) => n.nodeType === 1));
      }),
      { numRuns: 100 },
    );
    let reads = 0;
    const list = new Proxy(['a', 'b', 'c'], { get: (t, p, r) => (p === 'length' && reads++, Reflect.get(t, p, r)) });
    expect(itemsOf(list)).toEqual(['a', 'b', 'c']);
    expect(reads).toBe(1);
  });
  it('hasAncestor is the left side of a descendant selector ("li p", "a[href] h2")', () => {
    fc.assert(
      fc.property(pages, (doc) => {
        for (const el of Array.from(doc.body.querySelectorAll('*'))) {
          expect(el.localName === 'p' && hasAncestor(el, tagIn('li'))).toBe(el.matches('li p'));
          expect(tagIn('h2', 'h3')(el) && hasAncestor(el, isLink)).toBe(el.matches('a[href] h2, a[href] h3'));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('baseUrlOf: what document.baseURI answers', () => {
  it.each([
    ['no <base>', ''],
    ['a relative <base href>', '<base href="/news/">'],
    ['an absolute one', '<base href="https://cdn.example.org/a/b/">'],
    ['the first with an href wins', '<base target="_blank"><base href="sub/"><base href="https://other.example/">'],
    ['one in the body', '</head><body><p>x</p><base href="../up/">'],
    ['an unparseable href (falls back to the page URL)', '<base href="http://[">'],
  ])('%s', (_name, head) => {
    const doc = new JSDOM(`<!doctype html><html><head>${head}</head><body></body></html>`, { url: 'https://news.example.com/2026/11/story.html?x=1' }).window.document;
    expect(baseUrlOf(doc)).toBe(doc.baseURI);
  });
});

describe('character counts: the regular expressions they stand for', () => {
  // Every UTF-16 code unit, alone and between letters: the code-unit tests replace a regular expression per
  // character (slow on non-Latin text), so they must agree with it everywhere.
  const units = Array.from({ length: 0x10000 }, (_, u) => String.fromCharCode(u));
  it('countNonSpace counts what \\s does not match', () => {
    const wrong = units.filter((c) => countNonSpace(`a${c}b`) !== `a${c}b`.replace(/\s/g, '').length);
    expect(wrong.map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
  });
  it('visibleLength counts what collapseWhitespace keeps, control characters aside', () => {
    const wrong = units.filter((c) => visibleLength(c) !== (c.charCodeAt(0) > 32 && !/[\s\u00a0\u200b]/.test(c) ? 1 : 0));
    expect(wrong.map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
  });
});
