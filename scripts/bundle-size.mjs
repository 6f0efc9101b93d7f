// Sizes of what Lectern ships, measured on a build in dist/<browser>/: the content script injected into pages
// (one IIFE file, checked against a budget) and the popup (every JS and CSS file its page loads, following
// static imports and the entry's immediate dynamic imports). Used by post-build.mjs (prints them, fails the build over budget) and by bench:ui.
// "gzip" is Node's zlib gzip at its default level (6), what `gzip file` gives.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The injected content script must stay at or under this many gzip bytes: 40 KB, counted as 40 × 1024 bytes. */
export const CONTENT_SCRIPT_GZIP_BUDGET = 40 * 1024;
/** The file scripting.executeScript injects (crxjs's IIFE build of src/content/content-script.ts). */
export const CONTENT_SCRIPT = 'src/content/content-script.js';

export function fileSize(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** JS and CSS an extension page loads: its <script src> and stylesheets, and every static import of those. */
export function pageFiles(dir, page) {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const found = new Set();
  const queue = [];
  const add = (ref, from) => {
    if (/^[a-z]+:/i.test(ref)) return;
    const file = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(from), ref);
    if (found.has(file) || !existsSync(path.join(dir, file))) return;
    found.add(file);
    if (file.endsWith('.js')) queue.push(file);
  };
  const entries = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    add(m[1], page);
    entries.add(m[1].replace(/^\//, ''));
  }
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) add(m[1], page);
  while (queue.length) {
    const file = queue.shift();
    const js = readFileSync(path.join(dir, file), 'utf8');
    for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.(?:js|css))["']/g)) add(m[1], file);
    // An entry script's dynamic imports are loaded at once too (the popup's boot.ts imports its interface right
    // away): vite lists their files, root-relative, in the entry's __vite__mapDeps. Deeper dynamic imports
    // (an export module loaded on first use) are not counted.
    if (entries.has(file)) {
      const deps = /__vite__mapDeps=[^]*?\[([^\]]*)\]/.exec(js)?.[1] ?? '';
      for (const m of deps.matchAll(/["']([^"']+\.(?:js|css))["']/g)) add(`/${m[1]}`, file);
    }
  }
  return [...found].sort();
}

export function totalSize(dir, files) {
  return files.reduce((sum, f) => {
    const s = fileSize(path.join(dir, f));
    return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
  }, { raw: 0, gzip: 0 });
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const describe = (s) => `${kib(s.raw)} raw (${s.raw} B), ${kib(s.gzip)} gzip (${s.gzip} B)`;
