import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanContent, cleanPage, type Removal } from '../../src/core/cleanup/index.ts';

const URL_ = 'https://news.example.com/world/2024/story.html';
const story = '<p>' + 'The council voted on the budget after a long debate about schools and roads. '.repeat(20) + '</p>';

function page(body: string) {
  const doc = new JSDOM(`<!doctype html><body>${body}</body>`, { url: URL_ }).window.document;
  const removals: Removal[] = [];
  cleanPage(doc, URL_, removals);
  return { doc, removals, removed: removals.map(({ rule, text }) => ({ rule, text })), text: doc.body.textContent ?? '' };
}
function content(body: string) {
  const doc = new JSDOM(`<!doctype html><body><div id="c">${body}</div></body>`, { url: URL_ }).window.document;
  const root = doc.getElementById('c')!;
  const removals: Removal[] = [];
  cleanContent(root, URL_, removals);
  return { root, removals, removed: removals.map(({ rule, text }) => ({ rule, text })), text: root.textContent ?? '' };
}

describe('clean-up, page phase', () => {
  it('removes a share bar found by class, and records it', () => {
    const r = page(`<div class="article-share"><a href="https://facebook.com/sharer">Facebook</a><a href="https://twitter.com/intent">Twitter</a></div><h1>T</h1>${story}`);
    expect(r.text).not.toContain('Facebook');
    expect(r.removed).toEqual([{ rule: 'share-bar', text: 'FacebookTwitter' }]);
  });
  it('removes a share bar found only by its links (no telling class)', () => {
    const r = page(`<ul class="x1"><li><a href="https://www.facebook.com/sharer.php?u=1">f</a></li><li><a href="https://x.com/intent/post">x</a></li><li><a href="https://wa.me/?text=1">w</a></li></ul>${story}`);
    expect(r.doc.querySelector('ul.x1')).toBeNull();
  });
  it('removes breadcrumbs, newsletter forms and cookie banners', () => {
    const r = page(`<nav class="crumbs"><a href="/">Home</a> › <a href="/world">World</a></nav>${story}<div class="box"><h4>Daily briefing</h4><form><input type="email"><button>Go</button></form></div><div class="x"><p>We use cookies to improve the site.</p><button>Accept</button></div>`);
    expect(r.removed.map((x) => x.rule).sort()).toEqual(['breadcrumb', 'consent', 'newsletter']);
    expect(r.text).toContain('council voted');
  });
  it('never removes an element holding the headline or most of the text', () => {
    const r = page(`<div class="social-wrapper"><h1>Headline</h1>${story}</div>`);
    expect(r.text).toContain('Headline');
    expect(r.text).toContain('council voted');
    const r2 = page(`<div class="comments-enabled-post">${story}${story}</div>`);
    expect(r2.text).toContain('council voted');
  });
  it('does not mistake words inside class names for clutter (shadow, address, badges in text)', () => {
    const r = page(`<div class="shadowbox">${story}</div><p class="address">1 Main St</p>`);
    expect(r.removed).toEqual([]);
  });
});

describe('clean-up, content phase', () => {
  it('removes comment prompts, badges, ad labels and datelines by their whole text', () => {
    const r = content(`<p>Post with no comments.</p><span>Audio Only</span><div>Advertisement</div><p>Published 8 February 2024</p>${story}<p>Comments (0)</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['comments', 'badge', 'ad', 'dateline', 'comments']);
    expect(r.text.trim()).toBe(story.replace(/<\/?p>/g, '').trim());
  });
  it('keeps the same words inside running text', () => {
    const r = content('<p>Watch <a href="https://news.example.com/live">live</a> coverage as it happens.</p><p>An advertisement ran in 1984.</p>');
    expect(r.removed).toEqual([]);
  });
  it('removes "Read more:" paragraphs and link-only teasers to other stories of the site', () => {
    const r = content(`${story}<p>Read more: <a href="https://news.example.com/other">Other story</a></p><p><a href="https://news.example.com/world/iraq-syria">Iraq and Syria: Dozens Killed After US Attacks</a></p>${story}`);
    expect(r.removed.map((x) => x.rule)).toEqual(['related-links', 'related-links']);
  });
  it('keeps a link-only sentence and links to other sites', () => {
    const r = content(`<p><a href="https://news.example.com/report">Read the full report here.</a></p><p><a href="https://other.example.org/paper">The original paper</a></p>`);
    expect(r.removed).toEqual([]);
  });
  it('removes "Follow her on X" and "Reuse this content"', () => {
    const r = content(`${story}<p>Follow her on X @jdoe</p><p>Reuse this content</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['author-bio', 'site-chrome']);
  });
});

describe('what the clean-up records for Restore', () => {
  it('anchors a content-phase removal to the block after it (or before it at the end)', () => {
    const r = content(`<p>First paragraph of the story.</p><p>Advertisement</p><p>Second paragraph of the story.</p><p>Comments (0)</p>`);
    expect(r.removals.map((x) => x.at)).toEqual([{ before: 'Second paragraph of the story.' }, { after: 'Second paragraph of the story.' }]);
  });
  it('puts page widgets above the headline at the start, the others at the end', () => {
    const r = page(`<nav class="breadcrumb"><a href="/">Home</a> › <a href="/w">World</a></nav><h1>T</h1>${story}<div class="newsletter"><p>Sign up</p></div>`);
    expect(r.removals.map((x) => [x.rule, x.at])).toEqual([['breadcrumb', 'start'], ['newsletter', 'end']]);
  });
});
