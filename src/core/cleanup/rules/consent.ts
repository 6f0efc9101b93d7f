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
  // The stand-in for an embed the reader has not allowed yet ("Externer Inhalt", "Twitter freischalten", "An
  // dieser Stelle findest du einen externen Inhalt von Instagram…"): the embed itself is not in the article.
  text: /^(?:(?:empfohlener redaktioneller |externer )inhalt|(?:externe inhalte|twitter|x|instagram|youtube|facebook|tiktok|vimeo|spotify|podcast|video|inhalt) (?:freischalten|aktivieren|anzeigen|laden)|an dieser stelle (?:findet ihr|findest du|finden sie) (?:einen|ein|eine) externen? .{0,260}|ich bin damit einverstanden, dass mir externe inhalte angezeigt werden.{0,300}|wir respektieren deine privatsphäre und stellen deshalb ohne dein einverständnis keine verbindung .{0,260}|(?:this|the) (?:content|embed|post|video) is (?:hosted|provided) by (?:a )?third[- ]part(?:y|ies).{0,200}|(?:klicken sie|klicke) auf den (?:unteren |folgenden )?button, um (?:den|die) inhalte? von .{0,80} zu laden\.?.{0,120}|click (?:on )?the (?:button )?below to load the content (?:from|of) .{0,80})$/i,
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
