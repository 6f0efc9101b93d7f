/** The two development corpora (see ../shared/corpus/README.md), loaded as a list of pages with ground truth. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { htmlToText } from '../../src/core/text.ts';
import { JSDOM, VirtualConsole } from 'jsdom';
import { charsetHint, contentTypeFor, stripStyles } from '../../src/cli/sniff.ts';

export interface Page {
  id: string;
  path: string;
  url: string;
  truth: { with: string[]; without: string[] } | { text: string };
}
export interface Dataset {
  kind: 'trafilatura' | 'readability';
  name: string;
  pages: Page[];
}

export function readBytes(path: string): Buffer {
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf) : buf;
}
const orGz = (p: string) => (existsSync(p) ? p : `${p}.gz`);

export function loadDataset(dir: string): Dataset {
  const name = dir.replace(/\/+$/, '').split('/').pop() ?? dir;
  if (existsSync(join(dir, 'evaldata.json'))) {
    const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
    const pages: Page[] = [];
    for (const url of Object.keys(data).sort()) {
      const it = data[url]!;
      const path = [join(dir, 'cache', it.file), join(dir, 'eval', it.file)].map(orGz).find(existsSync);
      if (path) pages.push({ id: it.file, path, url, truth: { with: it.with ?? [], without: it.without ?? [] } });
    }
    return { kind: 'trafilatura', name, pages };
  }
  const pages: Page[] = [];
  for (const id of readdirSync(dir).sort()) {
    const source = orGz(join(dir, id, 'source.html'));
    if (!existsSync(source)) continue;
    const expected = readBytes(orGz(join(dir, id, 'expected.html'))).toString('utf8');
    const body = new JSDOM(`<!doctype html><body>${expected}</body>`).window.document.body;
    pages.push({ id, path: source, url: 'http://fakehost/test/page.html', truth: { text: htmlToText(body) } });
  }
  if (!pages.length) throw new Error(`${dir}: neither a trafilatura-eval folder (evaldata.json) nor Readability test pages`);
  return { kind: 'readability', name, pages };
}

/** A corpus page as jsdom parses it for the benchmarks, the charset sniffed as the CLI does (src/cli/sniff.ts). */
export function pageDom(bytes: Buffer, url: string): JSDOM {
  const vc = new VirtualConsole();
  const contentType = contentTypeFor(charsetHint(bytes, null));
  try {
    return new JSDOM(bytes, { url, contentType, virtualConsole: vc });
  } catch {
    return new JSDOM(stripStyles(bytes), { url, contentType, virtualConsole: vc });
  }
}
