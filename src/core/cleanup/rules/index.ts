/** Every clean-up rule, in the order they run. Add a rule: one file in this folder, one line here. */
import type { CleanupRule } from '../rule.ts';
import { ad } from './ad.ts';
import { authorBio } from './author-bio.ts';
import { badge } from './badge.ts';
import { breadcrumb } from './breadcrumb.ts';
import { bylineLine } from './byline.ts';
import { comments } from './comments.ts';
import { consent } from './consent.ts';
import { dateline } from './dateline.ts';
import { newsletter } from './newsletter.ts';
import { promo } from './promo.ts';
import { relatedLinks } from './related-links.ts';
import { shareBar } from './share-bar.ts';
import { siteChrome } from './site-chrome.ts';
import { tags } from './tags.ts';
import { tail } from './tail.ts';

export const RULES: readonly CleanupRule[] = [
  consent, shareBar, badge, breadcrumb, newsletter, ad, comments, relatedLinks, authorBio, tags, siteChrome, dateline, bylineLine, promo, tail,
];
