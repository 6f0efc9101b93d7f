/**
 * Readability as Lectern runs it (src/core/readability.ts) gives exactly what Readability gives on its own:
 * the faster tag lookup finds the same elements in the same order as querySelectorAll, and the article HTML and
 * metadata are identical on every page the repository has and on generated pages.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyVendorPatches } from '../../scripts/vendor-patches.ts';
import { elementsWithTags, parseWithReadability } from '../../src/core/readability.ts';
import { repoPages } from './repo-pages.ts';

const URL_ = 'https://news.example.com/2026/11/story.html';
const doc = (html: string) => new JSDOM(html, { url: URL_ }).window.document;

/**
 * Readability 0.6.0's own tag lookup (the tests run the build's patched library, where it is cut: see
 * scripts/vendor-patches.ts).
 */
const ownLookup = (node: Element, tags: string[]) => node.querySelectorAll(tags.join(','));

function both(html: string) {
  const reader = new Readability(doc(html));
  Object.assign(reader, { _getAllNodesWithTag: ownLookup });
  const plain = reader.parse();
  const ours = parseWithReadability(doc(html), { serializer: (el) => el as Element });
  return { plain, ours: ours && { ...ours, content: ours.content?.innerHTML } };
}

describe('elementsWithTags: querySelectorAll’s answer', () => {
  const tags = ['h1', 'h2', 'p', 'img', 'picture', 'figure', 'div', 'br', 'ul', 'ol', 'li', 'a'];
  const tree: fc.Memo<string> = fc.memo((n) =>
    n <= 1
      ? fc.constantFrom('', 'text', '<br>', '<img src="x.png">')
      : fc
          .tuple(fc.constantFrom(...tags.filter((t) => t !== 'br' && t !== 'img')), fc.array(tree(n - 1), { maxLength: 4 }))
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
  );
  it('same elements, same order, for any tags under any node (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(tree(5), { maxLength: 5 }), fc.subarray(tags, { minLength: 1 }), (kids, wanted) => {
        const d = doc(`<!doctype html><body>${kids.join('')}</body>`);
        for (const root of [d, d.body, ...Array.from(d.body.querySelectorAll('*')).slice(0, 3)]) {
          expect(elementsWithTags(root, wanted)).toEqual(Array.from(root.querySelectorAll(wanted.join(','))));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseWithReadability: Readability’s own result', () => {
  it.each(repoPages())('%s', (_name, html) => {
    const { plain, ours } = both(html);
    expect(ours).toEqual(plain);
  });
});

/**
 * Readability as the extension ships it (every patch of scripts/vendor-patches.ts, the speed ones included) and
 * as installed, both evaluated from their source text, give the same article: the patches may cut unused code
 * and compute the same answers faster, never change one. Both use the same tag lookup (the shipped copy has
 * none of its own) and skip JSON-LD (cut from the shipped copy, as extract() never asks for it).
 */
describe('the shipped Readability: the installed one’s answers', () => {
  const file = fileURLToPath(import.meta.resolve('@mozilla/readability/Readability.js'));
  const load = (code: string) => {
    const module = { exports: {} as unknown };
    new Function('module', code)(module);
    return module.exports as typeof Readability;
  };
  const installedCode = readFileSync(file, 'utf8');
  const shippedCode = applyVendorPatches(file, installedCode)!;
  const Installed = load(installedCode);
  const Shipped = load(shippedCode);
  const run = (Reader: typeof Readability, html: string) => {
    const reader = new Reader(doc(html), { disableJSONLD: true });
    Object.assign(reader, { _getAllNodesWithTag: ownLookup });
    return reader.parse();
  };

  it('the speed patches are in the shipped copy (what the comparisons below test)', () => {
    expect(shippedCode).toContain('_hasTextInside(node) {');
    expect(installedCode).not.toContain('_hasTextInside');
  });
  it.each(repoPages())('%s', (_name, html) => {
    expect(run(Shipped, html)).toEqual(run(Installed, html));
  });
  // Pages built to reach the patched code: bylines marked by rel, itemprop or class, long and short; containers
  // holding nothing but whitespace, <br>, <hr> or comments at any depth; text only deep inside; lists, headings,
  // short links, images, inputs and comma-rich text for _cleanConditionally's checks.
  const leaf = fc.constantFrom(
    '', ' ', '\n  \u00a0', 'Some words of the story, with a comma, and more words.', 'a, b, c, d, e, f, g, h, i, j, k', '<br>', '<hr>',
    '<!-- note -->', 'By Jane Doe', '<a href="/more">More</a>', '<a href="#top">Top</a>', '<img src="/a.jpg">', '<input>',
  );
  const attrs = fc.constantFrom('', ' class="byline"', ' rel="author"', ' itemprop="author"', ' class="author-name"', ' id="meta"', ' class="sidebar"', ' style="display:none"');
  const tree: fc.Memo<string> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc
          .tuple(fc.constantFrom('div', 'section', 'header', 'h2', 'h3', 'p', 'span', 'a', 'ul', 'li', 'figure', 'table'), attrs, fc.array(tree(n - 1), { maxLength: 4 }))
          .map(([tag, a, kids]) => `<${tag}${a}>${kids.join('')}</${tag}>`),
  );
  const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to count, with commas, words, and more words to pass the bar.</p>`).join('');
  // One page per patched branch, each snippet next to the story (and, in the second page, inside it).
  const snippets = [
    '<div><h3>Short heading</h3><a href="#top">Top</a></div>',
    '<div><h3>A heading</h3><a href="/more">More</a></div>',
    '<div class="x">Hello there, reader</div>',
    '<div><span>Some text</span> and more</div>',
    '<div><ul><li>One item of a list</li><li>Two</li><li>Three</li></ul>And a tail</div>',
    '<div><ul><li><img src="/a.jpg"></li><li><img src="/b.jpg"></li></ul></div>',
    '<div><img src="/a.jpg"><img src="/b.jpg"><p>One line.</p></div>',
    '<p class="byline">By Jane Doe</p>',
    '<div><a rel="author" href="/jane">Jane Doe</a></div>',
    '<span itemprop="author"><span itemprop="name">Jane Doe</span> and friends</span>',
    `<p class="byline">${'By a very long list of names '.repeat(5)}</p>`,
    '<div> <br> <hr> </div>',
    '<div><span> \u00a0 </span><!-- comment --></div>',
    '<section><div><div>  </div></div></section>',
    '<div style="display:none">Hidden text, with words, and commas.</div>',
    '<div style="visibility: hidden">Invisible text, with words.</div>',
    '<p style="color: red" align="center" width="10">Styled words of the story, with a comma.</p>',
    '<table width="100" border="1"><tr><td height="3">a cell</td></tr></table>',
    '<div><input><input><p>Form text</p></div>',
    '<div><a href="/x">a, b, c, d, e, f, g, h, i, j</a></div>',
    '<div><a href="/x">a, b, c, d, e, f, g, h, i, j, k</a></div>',
  ];
  it.each(snippets)('%s', (snippet) => {
    for (const html of [
      `<!doctype html><html><head><title>A story</title></head><body>${snippet}<div class="article">${story}</div></body></html>`,
      `<!doctype html><html><head><title>A story</title></head><body><div class="article">${story}${snippet}${story}</div></body></html>`,
    ]) {
      expect(run(Shipped, html)).toEqual(run(Installed, html));
    }
  });
  it('generated pages (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(tree(5), { maxLength: 6 }), fc.integer({ min: 0, max: 6 }), (kids, at) => {
        const body = [...kids.slice(0, at), `<div class="article">${story}</div>`, ...kids.slice(at)].join('');
        const html = `<!doctype html><html><head><title>A story</title></head><body>${body}</body></html>`;
        expect(run(Shipped, html)).toEqual(run(Installed, html));
      }),
      { numRuns: 120 },
    );
  });
});
