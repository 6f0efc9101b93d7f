import type { CleanupRule } from '../rule.ts';
import { textOf } from '../dom.ts';

/** Advertising slots and their labels: "Advertisement", "Sponsored", "Anzeige". */
export const ad: CleanupRule = {
  id: 'ad',
  signature:
    /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|advertising|ad-?(?:slot|unit|container|wrapper|label|box)|dfp|gpt-ad|googlead|adsense|sponsored|sponsor|promoted|native-?ad)(?:$|[\s_-])/i,
  confirm: (el) => textOf(el).length < 400,
  text: /^(?:\*?(?:werbung|anzeige|advertisement|sponsored|publicidad|publicité)\s*[.:\-–|]\s*.{0,200}|advertisement|advertising|advert|ad|ads|sponsored(?: content| by .{0,60})?|promoted(?: content)?|paid (?:content|post)|anzeige|werbung|publicité|publicidad|pubblicità|reklama|реклама|إعلان|scroll to continue(?: with content)?|continue reading (?:below|after advertisement)|.{0,100}\blinks?\b.{0,80}\b(?:provision|commission|vergütung)\b.{0,200}|.{0,100}\b(?:earn|receive|erhalten|erhält|bekommen) (?:\S+ ){0,3}(?:provision|commission|vergütung)\b.{0,80}\blinks?\b.{0,200}|.{0,100}\b(?:bei den|die) (?:verlinkungen|links) .{0,40}(?:handelt es sich um|sind) (?:\S+ ){0,2}affiliate[- ]links?\b.{0,150}|as an amazon associate,? (?:i|we) earn from qualifying purchases\.?.{0,100})$/i,
};
