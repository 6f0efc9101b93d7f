import type { CleanupRule } from '../rule.ts';
import { textOf } from '../dom.ts';

/** Cookie and consent banners. */
export const consent: CleanupRule = {
  id: 'consent',
  signature: /(?:^|[\s_-])(?:cookies?|cookie-?(?:banner|notice|consent|bar)|consent|gdpr|cmp|onetrust|didomi|usercentrics|privacy-?banner|sp_message)(?:$|[\s_-])/i,
  confirm: (el) => textOf(el).length < 1500,
  structural: (el, ctx) => {
    if (!/^(?:DIV|SECTION|ASIDE|DIALOG|FOOTER)$/.test(el.tagName)) return false;
    const s = ctx.stats?.get(el);
    if (s && (s.text < 20 || s.text > 800)) return false;
    const text = textOf(el);
    return text.length < 800 && /\bcookies?\b/i.test(text) && /\b(?:accept|agree|consent|reject|manage)\b/i.test(text) && el.querySelector('button, a') !== null;
  },
};
