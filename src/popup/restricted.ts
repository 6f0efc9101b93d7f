/**
 * Pages the browser does not let extensions read, recognised from the tab URL before trying, so the popup can
 * say why instead of failing silently. Returns the _locales key of the explanation, or null when the page may
 * be readable.
 */
export type RestrictedReason =
  | 'cantReadBrowserPage'
  | 'cantReadExtensionPage'
  | 'cantReadViewSource'
  | 'cantReadStore'
  | 'cantReadFile'
  | 'cantReadPdf'
  | 'cantReadOther'
  | 'cantReadNoTab';

const STORES = [
  /^https:\/\/chromewebstore\.google\.com(?:\/|$)/i,
  /^https:\/\/chrome\.google\.com\/webstore(?:\/|$)/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons(?:\/|$)/i,
  /^https:\/\/addons\.mozilla\.org(?:\/|$)/i,
];

export function restrictedReason(url: string | undefined, fileAccess: boolean): RestrictedReason | null {
  if (!url) return 'cantReadNoTab';
  if (/^view-source:/i.test(url)) return 'cantReadViewSource';
  if (/^(?:chrome|edge|brave|opera|vivaldi|about|devtools|chrome-search|chrome-untrusted):/i.test(url)) return 'cantReadBrowserPage';
  if (/^(?:chrome-extension|moz-extension|extension|safari-web-extension):/i.test(url)) return 'cantReadExtensionPage';
  if (STORES.some((re) => re.test(url))) return 'cantReadStore';
  if (/^file:/i.test(url)) {
    if (!fileAccess) return 'cantReadFile';
    return /\.pdf$/i.test(new URL(url).pathname) ? 'cantReadPdf' : null;
  }
  if (!/^https?:/i.test(url)) return 'cantReadOther';
  return null;
}

/** Maps an executeScript failure to an explanation (the URL check above can't see everything, e.g. PDFs). */
export function reasonFromInjectionError(url: string | undefined, message: string): RestrictedReason {
  if (url && /\.pdf(?:$|[?#])/i.test(url)) return 'cantReadPdf';
  if (/gallery|web ?store/i.test(message)) return 'cantReadStore';
  if (/chrome:\/\/|about:/i.test(message)) return 'cantReadBrowserPage';
  if (/file/i.test(message)) return 'cantReadFile';
  return 'cantReadOther';
}
