import type { CleanupRule } from '../rule.ts';
import { signatureOf, textOf } from '../dom.ts';

// "live" as a word of its own: Livefyre is a comment platform (livefyre-commentcount).
const LIVE_COMMENTARY = /(?:^|[\s_-])live(?:$|[\s_-])|ticker|match-?comment|play-?by-?play/i;

/** Comment sections, prompts and counters: "Post with no comments.", "Comments (0)", "12 comments". */
export const comments: CleanupRule = {
  id: 'comments',
  signature: /(?:^|[\s_-])(?:comments?|comment-?(?:count|section|list|form|prompt)|disqus|respond|replies|discussion|commentary-box|coral|kommentare?|commentaires?|comentarios?|commenti|reacties|تعليقات)(?:$|[\s_-])/i,
  // Live commentary ("live-match-comment", "liveticker-comment") is the story of a live page, not readers' comments.
  confirm: (el) =>
    !LIVE_COMMENTARY.test(signatureOf(el)) && (el.getElementsByTagName('p').length < 40 || textOf(el).length < 4000),
  text: /^(?:post with no comments\.?|no comments(?: yet)?\.?|comments?\s*\(\d+\)|\(?\d+\)?\s*comments?|view comments|show comments|leave a (?:comment|reply)|add a comment|join the (?:conversation|discussion)|be the first to comment\.?|kommentare?\s*\(?\d*\)?|kommentare insgesamt: \d+|\d+\s*kommentare?|kommentieren|kommentare? (?:schreiben|verfassen|anzeigen)|commentaires?\s*\(?\d*\)?|(?:was|war) (?:this|dieser|der) (?:article|post|beitrag|artikel) (?:helpful|useful|hilfreich|nützlich)\??|(?:rate|bewerten sie) (?:this|diesen|den) (?:article|post|recipe|artikel|beitrag|rezept)|(?:hier können sie )?den (?:artikel|beitrag) bewerten|\(?noch keine bewertungen\)?|valora esta noticia|.{0,40}(?:eingeloggt sein,? um (?:einen )?kommentare?|um einen kommentar (?:zu )?(?:schreiben|hinterlassen)|logged in to (?:post a )?comment).{0,80}|\d*\s*(?:aufrufe|views)\s*:?\s*\d*)$/i,
};
