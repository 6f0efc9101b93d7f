/**
 * URL normalization for library identity: the same article reached through a tracking link, with a fragment,
 * an explicit default port or a trailing slash is one item.
 */
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|ref_url|cmpid|ocid|smid|sr_share|at_medium|at_campaign|oly_enc_id|oly_anon_id|vero_id|__twitter_impression|s_cid|wt_mc|ito)$/i;

export function normalizeUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return input.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAM.test(k));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  // AMP variants: /amp/ path segment, trailing /amp, .amp.html, ?amp (removed above when valueless? keep explicit)
  u.pathname = u.pathname.replace(/\/amp\/?$/, '/').replace(/\.amp(\.html?)$/, '$1').replace(/^\/amp\//, '/');
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.slice(0, -1);
  // https and http are the same article.
  return u.href.replace(/^http:/, 'https:');
}
