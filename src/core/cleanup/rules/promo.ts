import type { CleanupRule } from '../rule.ts';
import { textOf } from '../dom.ts';

const NETWORK = /\b(?:twitter|x\.com|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|threads|bluesky|mastodon|google news|app store|google play|ios|android|podcast|newsletter|apps?)\b/i;
const CALL =
  /(?<!\p{L})(?:follow|join|download|subscribe|sign(?:ing)? up|get our|get the latest|find us|like us|folge[n]?|folgen sie|abonniere[n]?|lade[n]?|síguenos|sigue(?:nos)?|únete|suscríbete|descarga|mira lo|suivez|rejoignez|téléchargez|seguici|scarica)(?!\p{L})/iu;

const SELF = /(?<!\p{L})(?:us|our|we have|uns|unsere[mnrs]?|haben wir|nuestr[oa]s?|tenemos|nos|nous|notre|nos)(?!\p{L})/iu;
/** A news site's pitch for its own channel: "For the latest stories… download the Nationnews apps". */
const PITCH = /\b(?:for|get) the latest (?:news|stories|updates|headlines)\b|\bnever miss\b|\bstay (?:up to date|informed)\b/i;

/**
 * Self-promotion in the text: "Follow The Gleaner on Twitter and Instagram", "Download our app for iOS and
 * Android", "¿Ya sabías que tenemos canal de Telegram? Únete…". A short block that names a network or app store
 * and asks the reader to act. Structural (network + call), so it works across languages and sites.
 */
export const promo: CleanupRule = {
  id: 'promo',
  structural: (el, ctx, given) => {
    if (ctx.phase !== 'content' || !/^(?:P|DIV|LI|SPAN|STRONG|EM|H3|H4|H5|H6|ASIDE)$/.test(el.tagName)) return false;
    const text = given ?? textOf(el);
    if (!text || text.length > 250 || !NETWORK.test(text)) return false;
    // The call must be made to the reader: an imperative opening the block, or the site speaking of itself.
    const opening = CALL.exec(text);
    return opening !== null && (opening.index <= 3 || SELF.test(text) || PITCH.test(text));
  },
};
