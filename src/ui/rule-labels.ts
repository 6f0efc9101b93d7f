/** The human label (a _locales key) of each clean-up rule, in the order the "Removed" panel lists them. */
import type { RuleId } from '../core/cleanup/rule.ts';

export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'share-bar': 'ruleShareBar',
  badge: 'ruleBadge',
  breadcrumb: 'ruleBreadcrumb',
  'related-links': 'ruleRelatedLinks',
  newsletter: 'ruleNewsletter',
  comments: 'ruleComments',
  consent: 'ruleConsent',
  ad: 'ruleAd',
  'author-bio': 'ruleAuthorBio',
  tags: 'ruleTags',
  'site-chrome': 'ruleSiteChrome',
  dateline: 'ruleDateline',
  byline: 'ruleByline',
  promo: 'rulePromo',
  tail: 'ruleTail',
};

/** Label key for a rule id from an Article (a rule this build doesn't know, e.g. from newer saved data: "Other"). */
export function ruleLabelKey(rule: string): string {
  return Object.hasOwn(RULE_LABELS, rule) ? RULE_LABELS[rule as RuleId] : 'ruleOther';
}

/** Groups item indices by rule: known rules in RULE_LABELS order, then unknown ones in order of appearance. */
export function groupByRule(items: ReadonlyArray<{ rule: string }>): Array<[rule: string, indices: number[]]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const group = groups.get(item.rule);
    if (group) group.push(i);
    else groups.set(item.rule, [i]);
  });
  const order = Object.keys(RULE_LABELS);
  const rank = (rule: string) => (order.includes(rule) ? order.indexOf(rule) : order.length);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
}
