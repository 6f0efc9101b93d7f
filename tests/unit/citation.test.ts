import { describe, expect, it } from 'vitest';
import { articleToPlainText } from '../../src/core/export/text.ts';

describe('plain-text export', () => {
  const a = { title: 'T', byline: 'Jane Doe', siteName: 'Site', publishedTime: '2024-02-08T15:22:00.000Z', url: 'https://e.com/a?x=1', canonicalUrl: 'https://e.com/a', text: 'P1\n\nP2' };
  it('starts with a citation header, then the paragraphs', () => {
    expect(articleToPlainText(a, new Date('2026-11-27T01:00:00Z'))).toBe(
      'T\nBy Jane Doe\nSite\nPublished: 2024-02-08\nURL: https://e.com/a\nCaptured: 2026-11-27T01:00:00.000Z\n\nP1\n\nP2\n',
    );
  });
  it('leaves out unknown fields instead of printing null', () => {
    const out = articleToPlainText({ ...a, byline: null, siteName: null, publishedTime: null, canonicalUrl: null }, new Date(0));
    expect(out).not.toMatch(/null|undefined|By |Published/);
    expect(out).toContain('URL: https://e.com/a?x=1');
  });
});
