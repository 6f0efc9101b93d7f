/**
 * Looking at raw page bytes before parsing: is this an HTML page at all (not binary, not plain text), and which
 * charset should jsdom be told about? Decoding itself is jsdom's (BOM, transport charset, <meta charset>,
 * windows-1252 default, like a browser); `charsetHint` only supplies what a browser would know and jsdom cannot:
 * the HTTP Content-Type charset, a <meta> declared after the first 1024 bytes, or "this undeclared file is valid
 * UTF-8".
 */
import { InputError } from './input.ts';

/** How far into the bytes to look for signs of HTML and for a late <meta charset>. */
const SNIFF_BYTES = 64 * 1024;
const MAGIC: Array<[RegExp, string]> = [
  [/^%PDF-/, 'a PDF file'],
  [/^\x89PNG\r\n\x1a\n/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^\xff\xd8\xff/, 'a JPEG image'],
  [/^RIFF....WEBP/s, 'a WebP image'],
  [/^PK\x03\x04/, 'a ZIP archive'],
  [/^\x1f\x8b/, 'gzip-compressed data'],
  [/^\x7fELF/, 'an executable'],
];

function bomEncoding(bytes: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The first SNIFF_BYTES as text, good enough to look for ASCII markup (latin1 keeps one char per byte). */
function headText(bytes: Buffer): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const bom = bomEncoding(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return new TextDecoder(bom).decode(head);
  return head.toString('latin1');
}

const TAG = /<(?:!doctype\s|!--|\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>)/i;

/** Throws an InputError when the bytes are clearly not an HTML page (binary, or text without any tag). */
export function assertLooksLikeHtml(bytes: Buffer): void {
  if (bytes.length === 0) throw new InputError('empty file');
  const bom = bomEncoding(bytes);
  if (bom !== 'utf-16le' && bom !== 'utf-16be') {
    const first = bytes.subarray(0, 8192);
    const latin = first.subarray(0, 16).toString('latin1');
    for (const [re, what] of MAGIC) {
      if (re.test(latin)) throw new InputError(`binary file (${what}), not an HTML page`);
    }
    let control = 0;
    for (const b of first) {
      if (b === 0) throw new InputError('binary file, not an HTML page');
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control += 1;
    }
    if (control > first.length / 100 + 2) throw new InputError('binary file, not an HTML page');
  }
  const text = headText(bytes);
  if (!text.trim()) throw new InputError('empty file (only whitespace)');
  if (!TAG.test(text)) throw new InputError('not an HTML page (plain text without any tag)');
}

/**
 * The charset to hand jsdom as a "transport" label, or null to let jsdom sniff on its own. jsdom already handles
 * a BOM (which wins over everything) and a <meta> in the first 1024 bytes; this adds what browsers also do:
 * the HTTP charset, a <meta> declared later in the head, and UTF-8 for undeclared files that decode as UTF-8.
 */
export function charsetHint(bytes: Buffer, transportCharset: string | null): string | null {
  if (bomEncoding(bytes)) return null;
  const label = transportCharset ?? metaCharset(bytes);
  if (label) return /^utf-?16/i.test(label) && !transportCharset ? 'utf-8' : label;
  return isUtf8(bytes) ? 'utf-8' : null;
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

function metaCharset(bytes: Buffer): string | null {
  const text = bytes.subarray(0, SNIFF_BYTES).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  const m = META_CHARSET.exec(text);
  if (!m?.[1]) return null;
  const label = m[1].toLowerCase();
  return label === 'x-user-defined' ? 'windows-1252' : label;
}

function isUtf8(bytes: Buffer): boolean {
  let ascii = true;
  for (let i = 0; i < bytes.length; i += 1) {
    if ((bytes[i] as number) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A safe Content-Type for jsdom: only a plain charset token is passed on. */
export function contentTypeFor(charset: string | null): string {
  return charset && /^[A-Za-z0-9._:-]{1,40}$/.test(charset) ? `text/html; charset=${charset}` : 'text/html';
}

/** The same bytes with every <style> element removed (for jsdom builds that choke on some stylesheets). */
export function stripStyles(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const stripped = text.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '').replace(/<style\b[^>]*>[\s\S]*$/i, '');
  return Buffer.from(stripped, 'latin1');
}
