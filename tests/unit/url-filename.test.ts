import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/filename.ts';
import { normalizeUrl } from '../../src/core/url.ts';

describe('normalizeUrl', () => {
  it('drops tracking parameters, fragments, default ports and trailing slashes', () => {
    expect(normalizeUrl('https://Example.com:443/news/story/?utm_source=x&fbclid=1&id=7#comments')).toBe('https://example.com/news/story?id=7');
  });
  it('treats http and https as one article and sorts the remaining query', () => {
    expect(normalizeUrl('http://example.com/a?b=2&a=1')).toBe('https://example.com/a?a=1&b=2');
  });
  it('folds AMP variants', () => {
    expect(normalizeUrl('https://example.com/amp/news/story')).toBe('https://example.com/news/story');
    expect(normalizeUrl('https://example.com/news/story/amp')).toBe('https://example.com/news/story');
    expect(normalizeUrl('https://example.com/news/story.amp.html')).toBe('https://example.com/news/story.html');
  });
  it('keeps the root path and non-http URLs as they are', () => {
    expect(normalizeUrl('https://example.com/')).toBe('https://example.com/');
    expect(normalizeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
  });
});

describe('slugify', () => {
  it('makes a readable, lowercase, hyphenated slug', () => {
    expect(slugify('Drone Strike Pushes Iraq to End US-Led Coalition Mission')).toBe('drone-strike-pushes-iraq-to-end-us-led-coalition-mission');
  });
  it('strips accents and characters unsafe on Windows', () => {
    expect(slugify('Café: "Crème" <brûlée> / a|b?*')).toBe('cafe-creme-brulee-a-b');
  });
  it('keeps non-Latin letters and caps the length at a word-ish boundary', () => {
    expect(slugify('مقتل قائد في بغداد')).toBe('مقتل-قائد-في-بغداد');
    expect(slugify('a'.repeat(200)).length).toBe(80);
  });
  it('never returns an empty or reserved name', () => {
    expect(slugify('!!!')).toBe('article');
    expect(slugify('CON')).toBe('con-article');
  });
});
