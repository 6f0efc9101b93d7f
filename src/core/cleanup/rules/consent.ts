import type { CleanupRule } from '../rule.ts';
import { firstBelow, tagIn, textOf } from '../dom.ts';

const CONTROL = tagIn('button', 'a');

/**
 * What a consent banner talks about, in the languages the rules cover. A box whose class says "consent" but
 * whose text mentions none of this is something else (Adobe Experience Manager names every component
 * "cmp-…": cmp-text, cmp-container, cmp-image hold the article itself).
 */
export const CONSENT_TEXT =
  /cookie|consent|privacy|tracking|gdpr|dsgvo|rgpd|datenschutz|einwillig|zustimm|consentement|confidentialit|consentimiento|privacidad|consenso|toestemming|ciasteczk|zgod|partner|vendor|anbieter/i;

/** Cookie and consent banners. */
export const consent: CleanupRule = {
  id: 'consent',
  // "cmp" (consent management platform) only alone or as the CMP widgets name their boxes, not "cmp-text".
  signature:
    /(?:^|[\s_-])(?:cookies?|cookie-?(?:banner|notice|consent|bar)|consent|gdpr|cmp(?=$|\s|[_-]?(?:box|wrapper|banner|dialog|modal|layer|popup|overlay|consent|root|app|ui)\b)|onetrust|didomi|usercentrics|privacy-?(?:banner|popup|settings|center|centre|modal|overlay)|dsgvo|sp_message)(?:$|[\s_-])/i,
  confirm: (el) => {
    const text = textOf(el);
    if (text.length < 20) return true;
    // A consent dialog that lists every vendor and purpose runs long; it then says so all along.
    const mentions = text.match(new RegExp(CONSENT_TEXT.source, 'gi'))?.length ?? 0;
    return mentions > 0 && (text.length < 1500 || (text.length < 10000 && mentions * 400 >= text.length));
  },
  structural: (el, ctx) => {
    if (!/^(?:DIV|SECTION|ASIDE|DIALOG|FOOTER)$/.test(el.tagName)) return false;
    const s = ctx.stats?.get(el);
    if (s && (s.text < 20 || s.text > 800)) return false;
    // The word first, on the raw text (collapsing whitespace moves no word boundary): most boxes are not banners.
    if (!/\bcookies?\b/i.test(el.textContent ?? '')) return false;
    const text = textOf(el);
    return text.length < 800 && /\b(?:accept|agree|consent|reject|manage)\b/i.test(text) && firstBelow(el, CONTROL) !== null;
  },
};
