import type { CleanupRule } from '../rule.ts';
import { linkDensity, textOf } from '../dom.ts';

/** Topic/tag lists under a story. */
export const tags: CleanupRule = {
  id: 'tags',
  signature: /(?:^|[\s_-])(?:tags|tag-?list|taglist|post-?tags|article-?tags|topics|topic-?list|keywords|subjects)(?:$|[\s_-])/i,
  confirm: (el) => linkDensity(el) > 0.5 && textOf(el).length < 500,
  text: /^(?:tags?|topics?|schlagworte|themen)\s*:.{0,300}$/i,
};
