/**
 * The "Read aloud" bar: the toolbar button opens it and starts reading; Previous / Play-Pause / Next paragraph /
 * Stop; a status line names the voice (or says none speaks the article's language). Escape inside the bar, and
 * Stop, stop reading and close it, returning focus to "Read aloud".
 */
import { t } from '../platform/index.ts';
import { icon } from '../ui/icons.ts';
import { readableBlocks, ReadAloud, type SpeechState, type SynthLike, type UtteranceLike, type VoiceLike } from './speech.ts';

export interface SpeechBar {
  /** Stops reading (the article is being replaced, or the page is hidden). */
  stop(): void;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export function setupSpeechBar(article: HTMLElement, lang: string | null): SpeechBar | null {
  const toggle = $<HTMLButtonElement>('listen');
  const bar = $<HTMLElement>('speech');
  const play = $<HTMLButtonElement>('speech-play');
  const previous = $<HTMLButtonElement>('speech-previous');
  const next = $<HTMLButtonElement>('speech-next');
  const stopButton = $<HTMLButtonElement>('speech-stop');
  const status = $<HTMLElement>('speech-status');
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
    toggle.hidden = true;
    return null;
  }
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let engineError: string | null = null;

  const describe = (state: SpeechState, voice: VoiceLike | null): string => {
    if (engineError) return t('speechError', engineError);
    if (state === 'idle') return '';
    if (voice) return t('speechVoice', voice.name);
    return lang ? t('speechNoVoice', languageName(lang)) : '';
  };

  const reader = new ReadAloud({
    synth: synth as unknown as SynthLike,
    makeUtterance: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
    blocks: readableBlocks(article),
    lang,
    reveal(block) {
      const r = block.getBoundingClientRect();
      if (r.top < 60 || r.bottom > window.innerHeight - 80) {
        block.scrollIntoView({ block: 'center', behavior: reduceMotion.matches ? 'instant' : 'smooth' });
      }
    },
    onError(error) {
      engineError = error;
    },
    onChange(state, _index, voice) {
      const playing = state === 'playing';
      play.replaceChildren(icon(playing ? 'pause' : 'play'));
      play.setAttribute('aria-label', t(playing ? 'speechPause' : 'speechPlay'));
      previous.disabled = reader.index <= 0;
      next.disabled = reader.index >= reader.blockCount - 1;
      status.textContent = describe(state, voice);
    },
  });

  const open = (): void => {
    bar.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    engineError = null;
    reader.play();
    play.focus();
  };
  const close = (): void => {
    reader.stop();
    bar.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  };

  toggle.disabled = reader.blockCount === 0;
  toggle.addEventListener('click', () => (bar.hidden ? open() : close()));
  play.addEventListener('click', () => {
    engineError = null;
    reader.toggle();
  });
  previous.addEventListener('click', () => reader.previous());
  next.addEventListener('click', () => reader.next());
  stopButton.addEventListener('click', close);
  bar.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  });
  // Speech outlives the page otherwise (Chromium keeps talking after the tab closes or navigates).
  window.addEventListener('pagehide', () => reader.stop());
  return { stop: () => reader.stop() };
}
