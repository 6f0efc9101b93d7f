import type { CleanupRule } from '../rule.ts';
import { textOf } from '../dom.ts';

const BY = /^(?:by|von|par|por|di|door|av|de|بقلم|كتب)\s*:?\s+/i;

/**
 * A byline line in the body ("By Jane Doe", "Von Lena Hofmann 24.09.2025, 14:05 Uhr"): the Source line already
 * shows the byline and the date from the metadata. Only a short block naming the known author is removed.
 */
export const bylineLine: CleanupRule = {
  id: 'byline',
  structural: (el, ctx, given) => {
    if (ctx.phase !== 'content' || !ctx.byline) return false;
    if (!/^(?:P|DIV|SPAN|ADDRESS|SECTION|HEADER|UL|LI)$/.test(el.tagName)) return false;
    const text = given ?? textOf(el);
    if (text.length > 160) return false;
    const firstAuthor = ctx.byline.split(/,| and | und | et | y /)[0]?.trim().toLowerCase();
    if (!firstAuthor) return false;
    const lower = text.toLowerCase();
    return lower === ctx.byline.toLowerCase() || (BY.test(text) && lower.includes(firstAuthor));
  },
};
