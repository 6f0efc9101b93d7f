/**
 * A logging HTTP proxy for the security tests: Chromium is launched with --proxy-server pointing here, so every
 * request any context makes (the tab, the content script, the popup, the worker) arrives here first, whatever
 * its host, and is logged before it is answered. Nothing is ever forwarded anywhere.
 *
 *   http://news.test/security/<page>.html   a hostile page of tests/security/pages
 *   http://news.test/security/img/<any>     a small valid SVG image (the pages' article images)
 *   http://news.test/generated/<name>       a page made by a generator registered with `generate` (large pages)
 *   http://attacker.test/…                  204 No Content (a 204 also cancels a navigation: the tab stays put)
 *   CONNECT host:443 (https)                logged and refused
 *   anything else                           404
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CORPUS_DIR } from '../../security/corpus.ts';

export interface LoggedRequest {
  /** Milliseconds since the proxy started. */
  at: number;
  method: string;
  /** Absolute URL (for CONNECT: "https://host:port"). */
  url: string;
  host: string;
  /** Who asked (for diagnosis): Referer, Sec-Fetch-Dest and Sec-Fetch-Site headers. */
  from: string;
}

/**
 * Chromium's own background traffic (component and extension updates, sign-in probes), not made by a page,
 * the content script or Lectern. Logged, but not counted as a page's or Lectern's request.
 */
export const BROWSER_INTERNAL = /(?:^|\.)(?:google|googleapis|gstatic|gvt1|googleusercontent|doubleclick)\.com(?::\d+)?$/;

export interface LoggingProxy {
  /** The --proxy-server value for Chromium. */
  address: string;
  log: LoggedRequest[];
  /** Entries from index `from` on, without Chromium's own background traffic. */
  since(from: number): LoggedRequest[];
  generate(name: string, make: () => string): void;
  close(): Promise<void>;
}

const IMAGE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#8ab"/></svg>');

export async function startLoggingProxy(): Promise<LoggingProxy> {
  const started = Date.now();
  const log: LoggedRequest[] = [];
  const generators = new Map<string, () => string>();
  const cache = new Map<string, Buffer>();

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'unknown'}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const h = req.headers;
    log.push({ at: Date.now() - started, method: req.method ?? '?', url: url.href, host: url.host, from: `${h.referer ?? '-'} ${h['sec-fetch-dest'] ?? '-'} ${h['sec-fetch-site'] ?? '-'}` });
    // Fetched resources are cacheable: Chromium drops no-store images from memory when the tab's renderer is
    // busy (Lectern's extraction allocates), and the page asks for them again on its next re-render (when the
    // popup takes focus): the page's own request for its own resource, Referer the page. The popup has its own
    // cache partition (its top-level site is the extension), so all it loads still comes here. Script payloads
    // (/js) and navigations (/nav) are never cached: a script that runs again always shows up.
    const cacheable = !/^\/(?:js|nav)$/.test(url.pathname);
    const send = (status: number, type?: string, body?: Buffer) => {
      res.writeHead(status, { ...(type ? { 'content-type': type } : {}), 'cache-control': cacheable ? 'max-age=3600' : 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (url.hostname !== 'news.test') return send(url.hostname === 'attacker.test' ? 204 : 404);
    const page = /^\/security\/([a-z0-9-]+)\.html$/.exec(url.pathname);
    if (page) {
      const file = path.join(CORPUS_DIR, `${page[1]}.html`);
      return existsSync(file) ? send(200, 'text/html; charset=utf-8', readFileSync(file)) : send(404);
    }
    if (url.pathname.startsWith('/security/img/') || url.pathname.startsWith('/img/')) return send(200, 'image/svg+xml', IMAGE);
    const generated = /^\/generated\/([a-z0-9-]+)$/.exec(url.pathname);
    if (generated) {
      const name = generated[1]!;
      const make = generators.get(name);
      if (!make) return send(404);
      if (!cache.has(name)) cache.set(name, Buffer.from(make(), 'utf8'));
      return send(200, 'text/html; charset=utf-8', cache.get(name));
    }
    if (url.pathname === '/favicon.ico') return send(204);
    return send(404);
  });
  server.on('connect', (req, socket) => {
    const host = req.url ?? '?';
    log.push({ at: Date.now() - started, method: 'CONNECT', url: `https://${host}`, host, from: '-' });
    // The browser may reset a refused tunnel before the answer is written (seen once as an uncaught ECONNRESET
    // after a suite had passed): a reset client socket is not a test failure.
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    log,
    since: (from) => log.slice(from).filter((r) => !BROWSER_INTERNAL.test(r.host)),
    generate: (name, make) => void generators.set(name, make),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Chromium switches: every request through the proxy (loopback included), no DNS of its own. */
export function proxyArgs(proxy: LoggingProxy): string[] {
  return [`--proxy-server=${proxy.address}`, '--proxy-bypass-list=<-loopback>', '--no-pings', '--disable-domain-reliability'];
}
