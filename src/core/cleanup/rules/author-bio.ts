import type { CleanupRule } from '../rule.ts';
import { textOf } from '../dom.ts';

/** Author bio boxes and "Follow her on X" lines. */
export const authorBio: CleanupRule = {
  id: 'author-bio',
  signature: /(?:^|[\s_-])(?:author-?(?:bio|box|info|card|profile|about)|about-?(?:the-)?author|bio-?box|contributor-?bio)(?:$|[\s_-])/i,
  confirm: (el) => textOf(el).length < 800,
  text: /^(?:follow (?:him|her|them|me|us|the author|\S+) on (?:x|twitter|facebook|instagram|threads|bluesky|mastodon|linkedin)(?: (?:at |@)\S+)?\.?|(?:folgen sie|follow) .{1,40} (?:auf|on) (?:x|twitter)\.?)$/i,
};
