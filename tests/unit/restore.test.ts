/**
 * Where Restore puts a removed item back (src/ui/restore.ts), on jsdom: anchors by block text, start/end,
 * chains of neighbouring removals, page order among restored items, the body as saved afterwards; and on the
 * real removals of the sample page and every fixture.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { sanitizeToFragment } from '../../src/core/sanitize.ts';
import { htmlToText } from '../../src/core/text.ts';
import type { RemovedAnchor, RemovedItem } from '../../src/core/types.ts';
import { bodyForSaving, findAnchor, findBlock, insertionPoint, markRestored } from '../../src/ui/restore.ts';
import { groupByRule, RULE_LABELS, ruleLabelKey } from '../../src/ui/rule-labels.ts';

const { window } = new JSDOM('<!doctype html><body></body>', { url: 'https://news.example/story' });
const win = window as unknown as Window;
const doc = window.document;

function body(html: string): HTMLElement {
  const el = doc.createElement('div');
  el.className = 'article-body';
  el.innerHTML = html;
  return el;
}

/** What the popup does on Restore (removed-panel.ts + html-sink.ts insertArticleHtml), on jsdom's window. */
function restore(b: HTMLElement, items: readonly RemovedItem[], index: number): HTMLElement {
  const point = insertionPoint(b, items, index);
  const wrapper = doc.createElement('div');
  wrapper.append(sanitizeToFragment(win, items[index]!.html ?? ''));
  point.parent.insertBefore(wrapper, point.reference);
  markRestored(wrapper, index);
  return wrapper;
}

/** The blocks of a body as short strings, restored ones marked with "+". */
function blocks(b: Element): string[] {
  return Array.from(b.querySelectorAll('p, li, h2, .restored')).flatMap((el) => {
    if (el.closest('.restored') && !el.classList.contains('restored')) return [];
    return [`${el.classList.contains('restored') ? '+' : ''}${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`];
  });
}

const item = (text: string, at: RemovedAnchor, html: string | null = `<p>${text}</p>`, rule = 'ad'): RemovedItem => ({ rule, text, html, at });

describe('findAnchor', () => {
  const b = body(`
    <figure><img src="https://news.example/a.jpg" alt=""><figcaption>A caption</figcaption></figure>
    <div>
      <p>The first   paragraph&nbsp;starts the story.</p>
      <blockquote><p>A quoted line.</p></blockquote>
      <div>A paragraph-like div, no blocks inside.</div>
      <ul><li>One item</li><li>Two items</li></ul>
      <p>The last paragraph.</p>
    </div>`);

  it("'start' is the top of the body and 'end' its bottom", () => {
    expect(findAnchor(b, 'start')).toMatchObject({ parent: b, reference: b.firstChild, found: true, block: null });
    expect(findAnchor(b, 'end')).toMatchObject({ parent: b, reference: null, found: true, block: null });
  });

  it('before/after the first block whose collapsed text starts with the anchor (whitespace and NBSP collapsed)', () => {
    const first = b.querySelector('div > p')!;
    expect(findAnchor(b, { before: 'The first paragraph starts the' })).toMatchObject({ parent: first.parentNode, reference: first, block: first, found: true });
    expect(findAnchor(b, { after: 'The first paragraph starts the story.' })).toMatchObject({ reference: first.nextSibling, block: first });
  });

  it('a wrapper div with blocks inside is never the anchor; one without blocks is', () => {
    // The outer <div> starts with "The first paragraph…" too, but it holds blocks: the <p> is the anchor.
    expect(findBlock(b, 'The first paragraph')?.tagName).toBe('P');
    expect(findBlock(b, 'A paragraph-like div')?.tagName).toBe('DIV');
  });

  it('the outermost block wins: a blockquote before its <p>, a list before its first item, a figure before its caption', () => {
    expect(findBlock(b, 'A quoted line.')?.tagName).toBe('BLOCKQUOTE');
    expect(findBlock(b, 'One item')?.tagName).toBe('UL');
    expect(findBlock(b, 'Two items')?.tagName).toBe('LI');
    expect(findBlock(b, 'A caption')?.tagName).toBe('FIGURE');
  });

  it('an anchor that matches nothing (or is empty) means the bottom of the body, not found', () => {
    expect(findAnchor(b, { before: 'No such text' })).toMatchObject({ parent: b, reference: null, found: false });
    expect(findAnchor(b, { after: ' \u00a0 ' })).toMatchObject({ parent: b, reference: null, found: false });
  });

  it('matches the start of the text only, not text in the middle', () => {
    expect(findBlock(b, 'paragraph starts')).toBeNull();
  });
});

describe('insertionPoint and restoring', () => {
  it('puts an item back after its anchor paragraph', () => {
    const b = body('<div><p>One.</p><p>Two.</p><p>Three.</p></div>');
    const items = [item('Post with no comments.', { after: 'One.' })];
    restore(b, items, 0);
    expect(blocks(b)).toEqual(['One.', '+Post with no comments.', 'Two.', 'Three.']);
  });

  it('an anchor naming another removed item that is not back goes where that item goes', () => {
    // On the page: One. [Politics] [Teaser] Two. — "Politics" was anchored before the teaser, itself removed.
    const items = [item('Politics', { before: 'Teaser headline' }), item('Teaser headline', { before: 'Two.' })];
    const b = body('<p>One.</p><p>Two.</p>');
    restore(b, items, 0);
    expect(blocks(b)).toEqual(['One.', '+Politics', 'Two.']);
    restore(b, items, 1);
    expect(blocks(b)).toEqual(['One.', '+Politics', '+Teaser headline', 'Two.']);
    // The other order: the teaser first, then "Politics" finds it (inside a restored item: before its wrapper).
    const c = body('<p>One.</p><p>Two.</p>');
    restore(c, items, 1);
    restore(c, items, 0);
    expect(blocks(c)).toEqual(['One.', '+Politics', '+Teaser headline', 'Two.']);
  });

  it('an anchor naming a block whose beginning was removed too looks for the rest of the block', () => {
    // On the page: [Politics] <ul><li>[Teaser link] <p>Lead.</p></li></ul>; "Politics" was removed first.
    const items = [item('Politics', { before: 'Teaser link Lead. Other.' }), item('Teaser link', { before: 'Lead.' })];
    const b = body('<ul>\n<li><p>Lead.</p></li>\n<li><p>Other.</p></li>\n</ul>');
    const politics = restore(b, items, 0);
    expect(politics.nextElementSibling?.tagName).toBe('UL');
    // Restored text inside a block doesn't hide the block from anchors recorded without it.
    const c = body('<ul>\n<li><p>Lead.</p></li>\n<li><p>Other.</p></li>\n</ul><p>End.</p>');
    const later = [item('Teaser two', { before: 'Other.' }), item('Box', { after: 'Lead. Other.' })];
    expect(restore(c, later, 0).parentElement?.tagName).toBe('UL');
    expect(restore(c, later, 1).previousElementSibling?.tagName).toBe('UL');
  });

  it('a chain that ends nowhere goes to the bottom', () => {
    const items = [item('A', { before: 'B' }), item('B', { before: 'Gone' })];
    const b = body('<p>One.</p>');
    expect(insertionPoint(b, items, 0)).toMatchObject({ parent: b, reference: null, found: false });
    const loop = [item('A', { before: 'B' }), item('B', { after: 'A' })];
    expect(insertionPoint(b, loop, 0)).toMatchObject({ parent: b, reference: null, found: false });
  });

  it('items restored at the same place keep their page order, whatever order they are restored in', () => {
    const items = [item('Share', 'start'), item('Crumbs', 'start'), item('Cookies', 'end'), item('Newsletter', 'end'), item('Aside', { after: 'One.' }), item('Aside 2', { after: 'One.' })];
    const html = '<p>One.</p><p>Two.</p>';
    const expected = ['+Share', '+Crumbs', 'One.', '+Aside', '+Aside 2', 'Two.', '+Cookies', '+Newsletter'];
    for (const order of [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [1, 3, 5, 0, 2, 4]]) {
      const b = body(html);
      for (const i of order) restore(b, items, i);
      expect(blocks(b), `order ${order.join(',')}`).toEqual(expected);
    }
  });

  it('nothing is ever put inside a restored item', () => {
    const items = [item('Box', { after: 'One.' }, '<div><p>Box</p><p>Box line two</p></div>'), item('Note', { after: 'Box' })];
    const b = body('<p>One.</p><p>Two.</p>');
    const box = restore(b, items, 0);
    restore(b, items, 1);
    expect(box.textContent).toBe('BoxBox line two');
    expect(blocks(b)).toEqual(['One.', '+BoxBox line two', '+Note', 'Two.']);
  });

  it('marks the restored wrapper: class, index, focusable by script only', () => {
    const b = body('<p>One.</p>');
    const node = restore(b, [item('X', 'end')], 0);
    expect(node.className).toBe('restored');
    expect(node.getAttribute('data-restored-index')).toBe('0');
    expect(node.tabIndex).toBe(-1);
  });
});

describe('bodyForSaving', () => {
  it('unwraps restored items and drops the view’s marks, leaving the rendered body alone', () => {
    const b = body('<p>One.</p><figure><img class="broken" src="https://news.example/x.jpg" alt=""></figure><p>Two.</p>');
    restore(b, [item('Back', { after: 'One.' })], 0);
    const saved = bodyForSaving(b);
    expect(saved.innerHTML).toBe('<p>One.</p><p>Back</p><figure><img src="https://news.example/x.jpg" alt=""></figure><p>Two.</p>');
    expect(htmlToText(saved)).toBe('One.\n\nBack\n\nTwo.');
    expect(b.querySelectorAll('.restored, img.broken')).toHaveLength(2);
  });
});

describe('rule labels', () => {
  const messages = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
  it('every rule has a label in _locales, and unknown rules are "Other"', () => {
    for (const key of [...Object.values(RULE_LABELS), 'ruleOther']) expect(messages[key]?.message, key).toBeTruthy();
    expect(messages[ruleLabelKey('comments')]?.message).toBe('Comments');
    expect(messages[ruleLabelKey('consent')]?.message).toBe('Cookie banner');
    expect(ruleLabelKey('something-new')).toBe('ruleOther');
    expect(ruleLabelKey('constructor')).toBe('ruleOther');
  });
  it('groups by rule in a fixed order, unknown rules last, items in page order', () => {
    const groups = groupByRule([{ rule: 'comments' }, { rule: 'x-new' }, { rule: 'share-bar' }, { rule: 'comments' }]);
    expect(groups).toEqual([['share-bar', [2]], ['comments', [0, 3]], ['x-new', [1]]]);
  });
});

describe('on real removals', () => {
  const SAMPLE_URL = 'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html';
  const sample = extract(new JSDOM(readFileSync('samples/telesur-iraq-drone.html'), { url: SAMPLE_URL }).window.document, SAMPLE_URL);
  const rendered = (html: string) => {
    const b = doc.createElement('div');
    b.append(sanitizeToFragment(win, html));
    return b;
  };

  it('the sample: "Post with no comments." goes back right after the first story paragraph', () => {
    const b = rendered(sample.html);
    const i = sample.removed.findIndex((r) => r.text === 'Post with no comments.');
    expect(i).toBeGreaterThanOrEqual(0);
    const node = restore(b, sample.removed, i);
    expect(node.previousElementSibling?.textContent).toMatch(/^The U\.S\. drone strike in Baghdad/);
    expect(htmlToText(bodyForSaving(b))).toContain('on Wednesday evening pushed the Iraqi government more than ever to end the mission of the U.S.-led coalition forces.\n\nPost with no comments.\n\nThe drone bombarded');
  });

  const fixtures = readdirSync('tests/fixtures').filter((n) => existsSync(join('tests/fixtures', n, 'expected.json')));
  it.each(fixtures)('%s: every anchored removal finds its place, and restoring all in any order gives one result', (name) => {
    const expected = JSON.parse(readFileSync(join('tests/fixtures', name, 'expected.json'), 'utf8')) as { url: string; page?: string };
    const page = expected.page ?? join('tests/fixtures', name, 'page.html');
    const a = extract(new JSDOM(readFileSync(page), { url: expected.url }).window.document, expected.url);
    const restorable = a.removed.map((r, i) => (r.html === null ? -1 : i)).filter((i) => i >= 0);
    const b = rendered(a.html);
    for (const i of restorable) expect(insertionPoint(b, a.removed, i).found, `${a.removed[i]!.rule}: ${a.removed[i]!.text.slice(0, 50)}`).toBe(true);
    const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const results = [restorable, [...restorable].reverse()].map((order) => {
      const c = rendered(a.html);
      for (const i of order) restore(c, a.removed, i);
      return bodyForSaving(c);
    });
    expect(results[1]!.innerHTML).toBe(results[0]!.innerHTML);
    const text = squash(results[0]!.textContent);
    for (const i of restorable) expect(text).toContain(squash(sanitizeToFragment(win, a.removed[i]!.html!).textContent));
  });
});
