/**
 * Read aloud (src/reader/speech.ts) against a fake speechSynthesis that records what it is asked to say and
 * lets the test end or fail utterances: voice choice per language, sentence chunks, paragraph order,
 * highlight, pause/resume, skip, stop, and that events of cancelled utterances are ignored.
 * (No real engine here: the e2e suite checks the controls in Chromium, which may have no voices.)
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pickVoice, readableBlocks, ReadAloud, speechChunks, type SpeechState, type SynthLike, type UtteranceLike, type VoiceLike } from '../../src/reader/speech.ts';

const voice = (name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({ name, lang, default: false, localService: true, ...extra });

class FakeSynth implements SynthLike {
  spoken: UtteranceLike[] = [];
  cancels = 0;
  constructor(public voices: VoiceLike[] = []) {}
  speak(u: UtteranceLike): void {
    this.spoken.push(u);
  }
  cancel(): void {
    this.cancels++;
    // Like Chromium: the utterance being spoken gets an "interrupted" error.
    this.current?.onerror?.({ error: 'interrupted' });
  }
  getVoices(): VoiceLike[] {
    return this.voices;
  }
  get current(): UtteranceLike | undefined {
    return this.spoken.at(-1);
  }
  finish(): void {
    this.current?.onend?.({});
  }
}

function setup(html: string, lang: string | null = 'en', voices: VoiceLike[] = []) {
  const { document } = new JSDOM(`<!doctype html><article>${html}</article>`).window;
  const blocks = readableBlocks(document.querySelector('article')!);
  const synth = new FakeSynth(voices);
  const states: Array<[SpeechState, number]> = [];
  const errors: string[] = [];
  const reader = new ReadAloud({
    synth,
    makeUtterance: (text) => ({ text, lang: '', voice: null, onend: null, onerror: null }),
    blocks,
    lang,
    onChange: (s, i) => states.push([s, i]),
    onError: (e) => errors.push(e),
  });
  const highlighted = () => blocks.filter((b) => b.classList.contains('speaking')).map((b) => b.textContent);
  return { blocks, synth, reader, states, errors, highlighted };
}

describe('pickVoice', () => {
  const voices = [voice('US', 'en-US', { default: true }), voice('GB', 'en-GB'), voice('Anna', 'de-DE', { localService: false }), voice('Petra', 'de_DE'), voice('Maged', 'ar-SA')];
  it('takes the exact language tag first, case and separator insensitive', () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('GB');
    expect(pickVoice(voices, 'DE-de')?.name).toBe('Petra');
  });
  it('falls back to the primary language, the default voice, then local voices first', () => {
    expect(pickVoice(voices, 'en-AU')?.name).toBe('US');
    expect(pickVoice(voices, 'de-AT')?.name).toBe('Petra');
    expect(pickVoice(voices, 'ar')?.name).toBe('Maged');
  });
  it('null when no voice speaks the language (the browser then chooses), the default voice when the article has no language', () => {
    expect(pickVoice(voices, 'ja-JP')).toBeNull();
    expect(pickVoice(voices, null)?.name).toBe('US');
    expect(pickVoice([], 'en')).toBeNull();
  });
});

describe('speechChunks', () => {
  it('keeps a short paragraph whole and splits a long one at sentence ends, under 240 characters each', () => {
    expect(speechChunks('  One  short\nparagraph. ', 'en')).toEqual(['One short paragraph.']);
    const sentence = 'This sentence is about sixty characters long, give or take. ';
    const chunks = speechChunks(sentence.repeat(10), 'en');
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(240);
      expect(c.endsWith('take.')).toBe(true);
    }
    expect(chunks.join(' ')).toBe(sentence.repeat(10).trim());
  });
  it('splits Arabic and Japanese at their own sentence marks', () => {
    const ar = 'هذه جملة عربية طويلة بعض الشيء لاختبار التقسيم؟ '.repeat(8);
    expect(speechChunks(ar, 'ar').length).toBeGreaterThan(1);
    const ja = 'これは文の区切りを確かめるための少し長めの日本語の文です。'.repeat(12);
    expect(speechChunks(ja, 'ja').every((c) => c.endsWith('。'))).toBe(true);
  });
});

describe('readableBlocks', () => {
  it('innermost text blocks in order; a <p> inside an <li> or <blockquote> counts once; empty ones are skipped', () => {
    const { blocks } = setup('<h1>Title</h1><p>One</p><ul><li><p>Two</p></li><li>Three</li></ul><blockquote><p>Four</p></blockquote><p> </p><figure><img src="x"><figcaption>Five</figcaption></figure>');
    expect(blocks.map((b) => b.textContent)).toEqual(['Title', 'One', 'Two', 'Three', 'Four', 'Five']);
  });
});

describe('ReadAloud', () => {
  const article = '<h1>Title</h1><p>First paragraph.</p><p>Second paragraph.</p><p>Third paragraph.</p>';

  it('reads the blocks in order with the article language\'s voice, highlighting the one being read, then stops', () => {
    const { synth, reader, highlighted } = setup(article, 'de-AT', [voice('US', 'en-US', { default: true }), voice('Petra', 'de-DE')]);
    reader.play();
    expect(reader.state).toBe('playing');
    expect(synth.current?.text).toBe('Title');
    expect(synth.current?.voice?.name).toBe('Petra');
    expect(synth.current?.lang).toBe('de-DE');
    expect(highlighted()).toEqual(['Title']);
    synth.finish();
    expect(synth.current?.text).toBe('First paragraph.');
    expect(highlighted()).toEqual(['First paragraph.']);
    synth.finish();
    synth.finish();
    synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Title', 'First paragraph.', 'Second paragraph.', 'Third paragraph.']);
    expect(reader.state).toBe('idle');
    expect(highlighted()).toEqual([]);
  });

  it('without a matching voice, speaks with the article language and no voice (the browser chooses)', () => {
    const { synth, reader } = setup(article, 'ar', [voice('US', 'en-US', { default: true })]);
    reader.play();
    expect(synth.current?.voice).toBeNull();
    expect(synth.current?.lang).toBe('ar');
  });

  it('speaks a long paragraph sentence by sentence, staying on it', () => {
    const long = 'A sentence that goes on for a while, to make the paragraph long. '.repeat(8);
    const { synth, reader, highlighted } = setup(`<p>${long}</p><p>After.</p>`);
    reader.play();
    const parts: string[] = [];
    while (synth.current && synth.current.text !== 'After.') {
      parts.push(synth.current.text);
      expect(highlighted()).toEqual([long]);
      synth.finish();
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(long.trim());
  });

  it('pause cancels speech and ignores the cancelled utterance\'s events; play resumes at the same block', () => {
    const { synth, reader, highlighted } = setup(article);
    reader.play();
    synth.finish(); // → "First paragraph."
    const cancelled = synth.current!;
    reader.pause();
    expect(reader.state).toBe('paused');
    expect(synth.cancels).toBe(1);
    cancelled.onend?.({}); // a late "end" of the cancelled utterance must not move on
    expect(synth.spoken.length).toBe(2);
    expect(highlighted()).toEqual(['First paragraph.']);
    reader.play();
    expect(synth.current?.text).toBe('First paragraph.');
    expect(synth.spoken.length).toBe(3);
    reader.toggle();
    expect(reader.state).toBe('paused');
    reader.toggle();
    expect(reader.state).toBe('playing');
  });

  it('next and previous move a whole paragraph, while playing or paused, and stop at the ends', () => {
    const { synth, reader, highlighted } = setup(article);
    reader.play();
    reader.next();
    expect(synth.current?.text).toBe('First paragraph.');
    reader.next();
    expect(synth.current?.text).toBe('Second paragraph.');
    reader.previous();
    expect(synth.current?.text).toBe('First paragraph.');
    reader.pause();
    reader.next();
    reader.next();
    expect(reader.state).toBe('paused');
    expect(highlighted()).toEqual(['Third paragraph.']);
    const before = synth.spoken.length;
    reader.next(); // already at the last block
    expect(reader.index).toBe(3);
    expect(synth.spoken.length).toBe(before);
    reader.play();
    expect(synth.current?.text).toBe('Third paragraph.');
  });

  it('stop clears the highlight and starts over next time', () => {
    const { synth, reader, highlighted, states } = setup(article);
    reader.play();
    synth.finish();
    reader.stop();
    expect(reader.state).toBe('idle');
    expect(highlighted()).toEqual([]);
    expect(states.at(-1)).toEqual(['idle', 0]);
    reader.play();
    expect(synth.current?.text).toBe('Title');
  });

  it('an engine error pauses and is reported; a cancel is not', () => {
    const { synth, reader, errors } = setup(article);
    reader.play();
    synth.current?.onerror?.({ error: 'synthesis-unavailable' });
    expect(reader.state).toBe('paused');
    expect(errors).toEqual(['synthesis-unavailable']);
    reader.play();
    reader.stop();
    expect(errors).toEqual(['synthesis-unavailable']);
  });
});
