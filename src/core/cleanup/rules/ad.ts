import type { CleanupRule } from '../rule.ts';
import { textOf } from '../dom.ts';

/** Advertising slots and their labels: "Advertisement", "Sponsored", "Anzeige". */
export const ad: CleanupRule = {
  id: 'ad',
  signature:
    /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|advertising|ad-?(?:slot|unit|container|wrapper|label|box)|dfp|gpt-ad|googlead|adsense|sponsored|sponsor|promoted|native-?ad)(?:$|[\s_-])/i,
  confirm: (el) => textOf(el).length < 400,
  text: /^(?:\*?(?:werbung|anzeige|advertisement|sponsored|publicidad|publicité)\s*[.:\-–|]\s*.{0,200}|advertisement|advertising|advert|ad|ads|sponsored(?: content| by .{0,60})?|promoted(?: content)?|paid (?:content|post)|anzeige|werbung|publicité|publicidad|pubblicità|reklama|реклама|إعلان|scroll to continue(?: with content)?|continue reading (?:below|after advertisement))$/i,
};
