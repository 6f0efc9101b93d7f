import type { CleanupRule } from '../rule.ts';

/** Media and live badges above or inside a story: "Live", "Audio Only", "Listen to this article", "Watch". */
export const badge: CleanupRule = {
  id: 'badge',
  signature: /(?:^|[\s_-])(?:badge|live-?badge|audio-?player|listen-?(?:button|to-article)|text-to-speech|tts)(?:$|[\s_-])/i,
  confirm: (el) => (el.textContent ?? '').trim().length < 80,
  text: /^(?:live|live now|audio only|audio|video|watch|watch live|listen|listen now|listen to (?:this|the) (?:article|story)(?:\s*\d+\s*min(?:utes?)?)?|\d+\s*min(?:ute)?s? listen|breaking|breaking news|exclusive|play video|jetzt anhören|artikel anhören|écouter l'article)$/i,
};
