import { describe, expect, it } from 'vitest';
import { countText, readingTimeMinutes, wordCount } from '../../src/core/reading-time.ts';

describe('reading time', () => {
  it('counts words in Latin script', () => {
    expect(wordCount("It's a well-known fact, isn't it? 42 times.")).toBe(8);
  });
  it('counts CJK by characters and the rest by words', () => {
    expect(countText('東京は晴れ Tokyo is sunny')).toEqual({ words: 3, cjkChars: 5 });
  });
  it('uses the language speed: 2280 English words ≈ 10 min, German slower', () => {
    const words = Array.from({ length: 2280 }, () => 'word').join(' ');
    expect(readingTimeMinutes(words, 'en-GB')).toBe(10);
    expect(readingTimeMinutes(words, 'de')).toBe(13);
  });
  it('reads Chinese by characters (255/min)', () => {
    expect(readingTimeMinutes('字'.repeat(2550), 'zh-CN')).toBe(10);
  });
  it('is at least one minute', () => {
    expect(readingTimeMinutes('short', null)).toBe(1);
  });
});
