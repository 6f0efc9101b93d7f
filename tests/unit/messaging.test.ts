import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { parseBackgroundRequest } from '../../src/messaging/schema.ts';

const url = 'https://www.telesurenglish.net/news/drone.html';
const article = extract(new JSDOM(readFileSync('samples/telesur-iraq-drone.html'), { url }).window.document, url);

describe('background request validation', () => {
  it('accepts a real extracted article for library/save', () => {
    expect(parseBackgroundRequest({ type: 'library/save', article })?.type).toBe('library/save');
  });
  it('accepts list/get/lookup with valid payloads', () => {
    expect(parseBackgroundRequest({ type: 'library/list', limit: 20 })).not.toBeNull();
    expect(parseBackgroundRequest({ type: 'library/get', id: 'https://a.example/x' })).not.toBeNull();
    expect(parseBackgroundRequest({ type: 'library/lookup', url: 'https://a.example/x', canonicalUrl: null, tabId: 3 })).not.toBeNull();
  });
  it.each([
    ['not an object', 'library/list'],
    ['unknown type', { type: 'library/drop-all' }],
    ['missing article', { type: 'library/save' }],
    ['javascript: URL', { type: 'library/save', article: { ...article, url: 'javascript:alert(1)' } }],
    ['wrong field type', { type: 'library/save', article: { ...article, wordCount: '12' } }],
    ['negative limit', { type: 'library/list', limit: -1 }],
    ['empty id', { type: 'library/get', id: '' }],
    ['lookup of a non-http URL', { type: 'library/lookup', url: 'file:///etc/passwd' }],
    ['null', null],
  ])('refuses %s', (_name, message) => {
    expect(parseBackgroundRequest(message)).toBeNull();
  });
});
