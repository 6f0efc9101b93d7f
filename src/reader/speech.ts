/**
 * Read aloud with the browser's own speech synthesis (no network of ours, no library): one paragraph (block) at
 * a time, each spoken in sentence-sized utterances (long utterances stall in some engines), the block being read
 * highlighted by a class. Play / pause / previous / next paragraph / stop.
 *
 * Pause is "cancel and remember where": speechSynthesis.pause() is unreliable across engines and voices (some
 * never resume), so Play after Pause starts again at the sentence that was being read.
 *
 * The synthesizer and the utterance constructor are injected, so the logic is unit-tested with a fake
 * (tests/unit/speech.test.ts); the reader passes window.speechSynthesis.
 */

export interface VoiceLike {
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: { error?: string }) => void) | null;
}

export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceLike[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export type SpeechState = 'idle' | 'playing' | 'paused';

export interface ReadAloudOptions {
  synth: SynthLike;
  makeUtterance(text: string): UtteranceLike;
  /** The blocks to read, in order. */
  blocks: readonly HTMLElement[];
  /** The article's language (BCP 47), null when unknown. */
  lang: string | null;
  /** Class put on the block being read. */
  highlightClass?: string;
  /** Called after every change of state or position. */
  onChange?(state: SpeechState, index: number, voice: VoiceLike | null): void;
  /** Called for an engine error other than our own cancel. */
  onError?(error: string): void;
  /** Brings the block being read into view. */
  reveal?(block: HTMLElement): void;
}

const norm = (tag: string): string => tag.toLowerCase().replace(/_/g, '-');
const primary = (tag: string): string => norm(tag).split('-')[0] ?? '';

/**
 * The voice for a language: an exact match of the tag, else one of the same primary language (the browser's
 * default voice first, then voices on this device, which work offline), else null (the browser decides).
 */
export function pickVoice(voices: readonly VoiceLike[], lang: string | null): VoiceLike | null {
  if (!lang) return voices.find((v) => v.default) ?? null;
  const rank = (v: VoiceLike): number => (v.default ? 0 : 2) + (v.localService ? 0 : 1);
  const best = (list: VoiceLike[]): VoiceLike | null => list.sort((a, b) => rank(a) - rank(b))[0] ?? null;
  const exact = voices.filter((v) => norm(v.lang) === norm(lang));
  if (exact.length) return best(exact);
  return best(voices.filter((v) => primary(v.lang) === primary(lang)));
}

const MAX_CHUNK = 240;

/** Splits a paragraph into utterance-sized pieces at sentence ends (Intl.Segmenter), merging short sentences. */
export function speechChunks(text: string, lang: string | null): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  if (clean.length <= MAX_CHUNK) return [clean];
  let sentences: string[];
  try {
    const segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
    sentences = Array.from(segmenter.segment(clean), (s) => s.segment);
  } catch {
    sentences = clean.match(/[^.!?。！？؟]+[.!?。！？؟]*\s*/g) ?? [clean];
  }
  const chunks: string[] = [];
  for (const sentence of sentences) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + sentence.length <= MAX_CHUNK) chunks[chunks.length - 1] = last + sentence;
    else chunks.push(sentence);
  }
  return chunks.map((c) => c.trim()).filter(Boolean);
}

/** Blocks of an article worth reading aloud, in order: innermost text blocks only (a <p> in an <li>, not both). */
export function readableBlocks(root: ParentNode): HTMLElement[] {
  const selector = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, dt, dd, td, th';
  const all = Array.from(root.querySelectorAll<HTMLElement>(selector));
  return all.filter((el) => el.querySelector(selector) === null && (el.textContent ?? '').trim() !== '' && !el.closest('[hidden], .removed'));
}

export class ReadAloud {
  state: SpeechState = 'idle';
  index = 0;
  private chunk = 0;
  /** Bumped on every cancel: events of utterances from before it are ignored. */
  private generation = 0;
  private voice: VoiceLike | null = null;
  private readonly highlight: string;

  constructor(private readonly o: ReadAloudOptions) {
    this.highlight = o.highlightClass ?? 'speaking';
  }

  get blockCount(): number {
    return this.o.blocks.length;
  }

  /** Starts (or resumes) reading at the current block, or at `from`. */
  play(from?: number): void {
    if (this.o.blocks.length === 0) return;
    if (this.state === 'playing') this.cancelSpeech();
    if (from !== undefined) this.moveTo(from);
    this.state = 'playing';
    this.speakCurrent();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.cancelSpeech();
    this.state = 'paused';
    this.changed();
  }

  toggle(): void {
    if (this.state === 'playing') this.pause();
    else this.play();
  }

  next(): void {
    this.skip(1);
  }

  previous(): void {
    this.skip(-1);
  }

  stop(): void {
    this.cancelSpeech();
    this.state = 'idle';
    this.setHighlight(null);
    this.index = 0;
    this.chunk = 0;
    this.changed();
  }

  private skip(step: number): void {
    const target = this.index + step;
    if (target < 0 || target >= this.o.blocks.length) return;
    const wasPlaying = this.state === 'playing';
    this.cancelSpeech();
    this.moveTo(target);
    if (wasPlaying) this.speakCurrent();
    else {
      if (this.state === 'idle') this.state = 'paused';
      this.setHighlight(this.o.blocks[this.index] ?? null);
      this.changed();
    }
  }

  private moveTo(i: number): void {
    this.index = Math.max(0, Math.min(this.o.blocks.length - 1, i));
    this.chunk = 0;
  }

  private cancelSpeech(): void {
    this.generation++;
    this.o.synth.cancel();
  }

  private speakCurrent(): void {
    const block = this.o.blocks[this.index];
    if (!block) {
      this.stop();
      return;
    }
    this.setHighlight(block);
    this.changed();
    const chunks = speechChunks(block.textContent ?? '', this.o.lang);
    if (this.chunk >= chunks.length) {
      this.advance();
      return;
    }
    const generation = ++this.generation;
    // Voices may arrive after the page loads (Chromium fills the list asynchronously): pick per utterance.
    this.voice = pickVoice(this.o.synth.getVoices(), this.o.lang);
    const utterance = this.o.makeUtterance(chunks[this.chunk]!);
    utterance.lang = this.voice?.lang ?? this.o.lang ?? '';
    utterance.voice = this.voice;
    utterance.onend = () => {
      if (generation !== this.generation || this.state !== 'playing') return;
      this.chunk++;
      this.speakCurrent();
    };
    utterance.onerror = (event) => {
      if (generation !== this.generation) return;
      // "interrupted"/"canceled" come from a cancel (ours or the engine's); anything else is worth saying.
      if (event.error && event.error !== 'interrupted' && event.error !== 'canceled') this.o.onError?.(event.error);
      if (this.state !== 'playing') return;
      this.state = 'paused';
      this.changed();
    };
    this.o.synth.speak(utterance);
  }

  private advance(): void {
    if (this.index + 1 >= this.o.blocks.length) {
      this.stop();
      return;
    }
    this.moveTo(this.index + 1);
    this.speakCurrent();
  }

  private setHighlight(block: HTMLElement | null): void {
    for (const b of this.o.blocks) if (b !== block) b.classList.remove(this.highlight);
    if (block && !block.classList.contains(this.highlight)) {
      block.classList.add(this.highlight);
      this.o.reveal?.(block);
    }
  }

  private changed(): void {
    this.o.onChange?.(this.state, this.index, this.voice);
  }
}
