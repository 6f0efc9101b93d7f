/**
 * Articles a script renders, with the text also in <noscript>: Blogger's `<div itemprop="articleBody"><script
 * type="text/template">…</script><noscript>…the post…</noscript></div>`. In a browser the script has run and
 * the live page holds the text; in a saved file or the CLI's jsdom nothing ran, and Readability drops
 * <noscript> with the text in it. Where a <noscript> holds paragraphs of prose and its parent shows next to
 * nothing else (not <body>: that is a whole no-script page), its content takes its place.
 *
 * A browser that runs scripts parses <noscript> content as one text node, which has no elements: nothing is done
 * there.
 */
import { itemsOf, textAtMost, visibleLength } from './dom.ts';

/** Prose (visible characters in <p>s) a <noscript> must hold to be the article's text, not a notice. */
const MIN_PROSE = 200;

export function unwrapNoscriptArticles(noscripts: ArrayLike<Element>): number {
  let unwrapped = 0;
  for (let i = 0; i < noscripts.length; i++) {
    const el = noscripts[i]!;
    const parent = el.parentElement;
    // A <noscript> directly in <body> is a whole no-script page (menus and all), not one container's text.
    if (!parent || parent.localName === 'body' || !el.isConnected || !el.firstElementChild) continue;
    let prose = 0;
    for (const p of itemsOf(el.getElementsByTagName('p'))) prose += visibleLength(p.textContent ?? '');
    if (prose < MIN_PROSE) continue;
    // The parent shows little besides: the <noscript> is its content, not a copy of text already on the page.
    const own = visibleLength(el.textContent ?? '');
    if (textAtMost(parent, own * 1.25) > own * 1.25) continue;
    el.replaceWith(...itemsOf(el.childNodes));
    unwrapped++;
  }
  return unwrapped;
}
