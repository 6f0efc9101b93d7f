/**
 * Lectern's readerable check (src/core/readerable.ts) gives the answer of @mozilla/readability's own
 * isProbablyReaderable — on every page the repository has (fixtures, the sample, the hostile corpus) and on
 * generated pages built around the rule's edges (lengths near 140, the score near 20, hidden and unlikely
 * elements, <p> in lists, <div>s with <br>), read through the shared walk as extract() reads them.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { isProbablyReaderable } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { probablyReaderable } from '../../src/core/readerable.ts';
import { scanDocument } from '../../src/core/scan.ts';
import { repoPages } from './repo-pages.ts';

function both(html: string): [boolean, boolean] {
  const doc = new JSDOM(html).window.document;
  const scan = scanDocument(doc.documentElement);
  return [probablyReaderable((tag) => scan.byTag(tag)), isProbablyReaderable(doc)];
}

describe('readerable: the same answer as Readability', () => {
  it.each(repoPages())('%s', (_name, html) => {
    const [ours, theirs] = both(html);
    expect(ours).toBe(theirs);
  });

  it('generated pages around the rule’s edges (fast-check)', () => {
    const block = fc.record({
      tag: fc.constantFrom('p', 'pre', 'article', 'div', 'section', 'li'),
      length: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constantFrom(139, 140, 141, 540, 541)),
      hidden: fc.constantFrom('', ' hidden', ' style="display:none"', ' aria-hidden="true"', ' aria-hidden="true" class="fallback-image"', ' aria-hidden="false"'),
      cls: fc.constantFrom('', 'comment', 'sidebar article', 'content', 'footer-main', 'story'),
      br: fc.boolean(),
      inList: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        const body = blocks
          .map((b) => {
            const text = 'x'.repeat(b.length);
            const inner = b.br ? `${text.slice(0, b.length >> 1)}<br>${text.slice(b.length >> 1)}` : text;
            const el = `<${b.tag} class="${b.cls}"${b.hidden}>${inner}</${b.tag}>`;
            return b.inList ? `<ul><li>${el}</li></ul>` : el;
          })
          .join('');
        const [ours, theirs] = both(`<!doctype html><html><body>${body}</body></html>`);
        expect(ours).toBe(theirs);
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
