import { describe, expect, it } from 'vitest';
import { reasonFromInjectionError, restrictedReason } from '../../src/popup/restricted.ts';

describe('pages the browser forbids', () => {
  it.each([
    ['chrome://extensions', 'cantReadBrowserPage'],
    ['about:blank', 'cantReadBrowserPage'],
    ['edge://settings', 'cantReadBrowserPage'],
    ['chrome-extension://abc/popup.html', 'cantReadExtensionPage'],
    ['view-source:https://example.com/', 'cantReadViewSource'],
    ['https://chromewebstore.google.com/detail/x', 'cantReadStore'],
    ['https://chrome.google.com/webstore/category/extensions', 'cantReadStore'],
    ['https://addons.mozilla.org/en-US/firefox/', 'cantReadStore'],
    ['data:text/html,hi', 'cantReadOther'],
    [undefined, 'cantReadNoTab'],
  ] as const)('%s → %s', (url, reason) => {
    expect(restrictedReason(url, true)).toBe(reason);
  });
  it('file:// needs file access; PDFs are the viewer', () => {
    expect(restrictedReason('file:///home/a/page.html', false)).toBe('cantReadFile');
    expect(restrictedReason('file:///home/a/page.html', true)).toBeNull();
    expect(restrictedReason('file:///home/a/doc.pdf', true)).toBe('cantReadPdf');
  });
  it('lets ordinary web pages through', () => {
    expect(restrictedReason('https://news.example.com/a', false)).toBeNull();
    expect(restrictedReason('https://chromewebstore.google.com.evil.example/', false)).toBeNull();
  });
  it('explains injection failures', () => {
    expect(reasonFromInjectionError('https://e.com/report.pdf', 'Cannot access contents')).toBe('cantReadPdf');
    expect(reasonFromInjectionError('https://e.com/', 'The extensions gallery cannot be scripted.')).toBe('cantReadStore');
    expect(reasonFromInjectionError('https://e.com/', 'Frame with ID 0 is showing error page')).toBe('cantReadOther');
  });
});
