/**
 * A tiny static server for the e2e tests, bound to 127.0.0.1 on a free port. Nothing here ever talks to
 * another host; the fixtures' absolute image URLs simply fail to load, which is fine.
 *
 *   /fixtures/<name>/          tests/fixtures/<name>/page.html (or the file named by expected.json "page"),
 *                              with <base href="<expected.json url>"> added (see withBase)
 *   /fixtures/<name>/<file>    other files of that fixture
 *   /samples/<file>            samples/<file>
 *   /generated/tiny.pdf        a minimal valid one-page PDF, made in memory
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

export interface FixtureServer {
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

/** A minimal, valid PDF (one page, "Hello from Lectern"), with a correct xref table. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 18 Tf 20 70 Td (Hello from Lectern) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A fixture is a page captured at its real address (expected.json "url"); extract() is specified against that
 * address. Served from 127.0.0.1, its root-relative URLs (the teleSUR lead image "/__export/…/drone.jpg", links)
 * would resolve to 127.0.0.1 and no longer match what the page's own metadata says (og:image is absolute on the
 * real host). A <base href> restores the page's real URL resolution; location.href stays on 127.0.0.1. Nothing
 * is fetched from the real host: the browser resolves every other host to nothing (--host-resolver-rules).
 */
export function withBase(html: string, url: string): string {
  if (/<base\b[^>]*\bhref=/i.test(html)) return html;
  const tag = `<base href="${url.replace(/"/g, '&quot;')}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) return `${tag}${html}`;
  const at = head.index + head[0].length;
  // Keep <meta charset> first if it is there.
  const charset = /^\s*<meta\s+charset=[^>]*>/i.exec(html.slice(at));
  const insertAt = charset ? at + charset[0].length : at;
  return `${html.slice(0, insertAt)}${tag}${html.slice(insertAt)}`;
}

/** Resolves `rel` inside `base`, refusing anything that escapes it. */
function inside(base: string, rel: string): string | null {
  const full = path.resolve(base, `.${path.sep}${rel}`);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

interface Resolved {
  file: string;
  /** expected.json "url", for a fixture's page */
  pageUrl?: string;
}

function resolveFile(pathname: string): Resolved | null {
  const found = resolvePath(pathname);
  return typeof found === 'string' ? { file: found } : found;
}

function resolvePath(pathname: string): string | Resolved | null {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [root, ...rest] = parts;
  if (root === 'samples') return inside(path.join(ROOT, 'samples'), rest.join('/'));
  if (root === 'fixtures' && rest.length >= 1) {
    const fixtures = path.join(ROOT, 'tests/fixtures');
    const dir = path.resolve(fixtures, rest[0] ?? '');
    if (path.dirname(dir) !== fixtures) return null;
    if (rest.length === 1) {
      const expectedFile = inside(dir, 'expected.json');
      const expected = expectedFile ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as { page?: string; url?: string }) : {};
      const file = inside(dir, 'page.html') ?? (expected.page ? inside(ROOT, expected.page) : null);
      return file ? { file, pageUrl: expected.url } : null;
    }
    return inside(dir, rest.slice(1).join('/'));
  }
  return null;
}

export async function startServer(): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (pathname === '/generated/tiny.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' }).end(tinyPdf());
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    // A fixture directory URL without its trailing slash: redirect so relative URLs resolve inside it.
    if (/^\/fixtures\/[^/]+$/.test(pathname)) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    let found: Resolved | null = null;
    try {
      found = resolveFile(pathname);
    } catch {
      found = null;
    }
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`);
      return;
    }
    const { file, pageUrl } = found;
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = pageUrl ? Buffer.from(withBase(readFileSync(file, 'utf8'), pageUrl), 'utf8') : readFileSync(file);
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
