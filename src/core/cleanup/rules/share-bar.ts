import type { CleanupRule } from '../rule.ts';
import { elementsIn, tagIn, textOf } from '../dom.ts';

const LINK_OR_BUTTON = tagIn('a', 'button');

const SOCIAL =
  /facebook|twitter|x\.com|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|mastodon|bluesky|bsky|threads\.net|vk\.com|weibo|line\.me|google ?plus|plus\.google|mailto:|e-?mail|print|copy link|share/i;

/** True for a list/bar of 2+ links or buttons that nearly all point at social networks or share actions. */
function isSocialLinkBar(el: Element): boolean {
  // One walk rather than a selector (much faster on jsdom); only the count and the mix matter here.
  const links = elementsIn(el).filter((e) => e !== el && LINK_OR_BUTTON(e));
  if (links.length < 2 || links.length > 20) return false;
  const text = textOf(el);
  if (text.length > 160) return false;
  const social = links.filter((a) =>
    SOCIAL.test(
      [a.getAttribute('href'), a.getAttribute('title'), a.getAttribute('aria-label'), a.getAttribute('class'), a.textContent]
        .filter(Boolean)
        .join(' '),
    ),
  );
  return social.length >= 2 && social.length >= links.length * 0.6;
}

export const shareBar: CleanupRule = {
  id: 'share-bar',
  signature:
    /(?:^|[\s_-])(?:share|sharing|shares|sharebar|share-?tools|social|socials|social-?media|addthis|sharethis|a2a_kit|sharedaddy|st-btn)(?:$|[\s_-])/i,
  confirm: (el) => textOf(el).length < 300,
  structural: (el, ctx) => {
    if (el.tagName !== 'UL' && el.tagName !== 'DIV' && el.tagName !== 'NAV') return false;
    const s = ctx.stats?.get(el);
    if (s && (s.links < 2 || s.links > 20 || s.text > 200)) return false;
    return isSocialLinkBar(el);
  },
  text: /^(?:share(?: this(?: article| story| page)?)?|share on \w+|teilen|partager|compartir|condividi|tweet|email|print|(?:\d[\d,.]*\s*)?shares?)$/i,
};
