import type { CleanupRule } from '../rule.ts';
import { linkDensity, tagIn, firstBelow, textOf } from '../dom.ts';

const isA = tagIn('a');

const CRUMB_TRAIL = /^[^>›»/|]{1,40}(?:\s*[>›»/|]\s*[^>›»/|]{1,40}){1,5}$/;

/** Breadcrumb trails: "News > Iraq", schema.org BreadcrumbList, aria-label="Breadcrumb". */
export const breadcrumb: CleanupRule = {
  id: 'breadcrumb',
  signature: /bread-?crumbs?|BreadcrumbList/i,
  confirm: (el) => textOf(el).length < 200,
  structural: (el, ctx, given) => {
    if (!/^(?:NAV|OL|UL|DIV|P)$/.test(el.tagName)) return false;
    const s = ctx.stats?.get(el);
    if (s && (s.links < 1 || s.text > 150)) return false;
    const text = given ?? textOf(el);
    return text.length < 120 && CRUMB_TRAIL.test(text) && firstBelow(el, isA) !== null && linkDensity(el) > 0.5;
  },
};
