/**
 * Loading an input (an HTML file or an http(s) URL) as raw bytes, plus the page URL and the HTTP charset; the
 * EXTRACT_EVAL_URLS map. The bytes are checked and decoded later (sniff.ts, then jsdom).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isHttpUrl } from './args.ts';

/** Largest HTTP body Lectern downloads. */
export const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

/** An input that cannot be loaded or is not an HTML page; the message is shown as is, on one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface LoadedPage {
  bytes: Buffer;
  /** The page URL: --url, the eval map, the final URL after redirects, or file:// + absolute path. */
  url: string;
  /** Charset label from the HTTP Content-Type header (URL inputs only). */
  transportCharset: string | null;
}

export interface LoadOptions {
  /** Page URL to use for a file input instead of its file:// URL. */
  pageUrl?: string | null;
  /** Timeout for a URL input, whole response included. */
  timeoutMs?: number;
  /** Byte cap for a file input (checked before reading) or a download. */
  maxBytes?: number;
}

const MB = 1024 * 1024;
export const formatMB = (n: number): string => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

export function isUrlInput(input: string): boolean {
  return isHttpUrl(input);
}

export async function loadInput(input: string, options: LoadOptions = {}): Promise<LoadedPage> {
  if (isUrlInput(input)) return loadUrl(input, options);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) && !/^file:/i.test(input)) {
    throw new InputError(`unsupported URL scheme (only http, https and files are supported)`);
  }
  return loadFile(input, options);
}

// ---------------------------------------------------------------------------------------------------------------
// Files

export async function loadFile(input: string, options: LoadOptions = {}): Promise<LoadedPage> {
  let path: string;
  try {
    path = /^file:/i.test(input) ? fileURLToPath(input) : resolve(input);
  } catch {
    throw new InputError('not a valid file URL');
  }
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError('is a directory, not an HTML file');
    if (!info.isFile()) throw new InputError('not a regular file');
    size = info.size;
  } catch (err) {
    throw fileError(err);
  }
  if (size === 0) throw new InputError('empty file');
  const maxBytes = options.maxBytes ?? Infinity;
  if (size > maxBytes) throw tooLarge(size, maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw fileError(err);
  }
  if (bytes.length === 0) throw new InputError('empty file');
  return { bytes, url: options.pageUrl ?? pathToFileURL(path).href, transportCharset: null };
}

function fileError(err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new InputError('no such file');
    case 'ENOTDIR':
      return new InputError('no such file (a parent is not a directory)');
    case 'EISDIR':
      return new InputError('is a directory, not an HTML file');
    case 'EACCES':
    case 'EPERM':
      return new InputError('permission denied');
    case 'ELOOP':
      return new InputError('too many levels of symbolic links');
    case 'ENAMETOOLONG':
      return new InputError('file name too long');
    default:
      return new InputError(`cannot read file: ${oneLine(err)}`);
  }
}

export function tooLarge(size: number, max: number): InputError {
  return new InputError(`too large to clean (${formatMB(size)}; the limit is ${formatMB(max)})`);
}

// ---------------------------------------------------------------------------------------------------------------
// URLs

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const USER_AGENT = 'Mozilla/5.0 (compatible; Lectern/0.1; reader-mode CLI)';

export async function loadUrl(input: string, options: LoadOptions = {}): Promise<LoadedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = Math.min(options.maxBytes ?? MAX_DOWNLOAD_BYTES, MAX_DOWNLOAD_BYTES);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(input, {
      redirect: 'follow',
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'accept-language': 'en;q=0.9,*;q=0.5',
      },
    });
  } catch (err) {
    throw fetchError(err, timeoutMs);
  }

  try {
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new InputError(`HTTP ${status}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
    if (essence && !HTML_TYPES.has(essence)) {
      throw new InputError(`not an HTML page (Content-Type: ${essence})`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);

    const bytes = await readBody(response, maxBytes);
    if (bytes.length === 0) throw new InputError('empty response');
    return {
      bytes,
      url: response.url || input,
      transportCharset: charsetParam(contentType),
    };
  } catch (err) {
    if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
    if (err instanceof InputError) throw err;
    throw fetchError(err, timeoutMs);
  }
}

async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  const body = response.body;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InputError(`too large to clean (over ${formatMB(maxBytes)})`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function fetchError(err: unknown, timeoutMs: number): InputError {
  if (err instanceof InputError) return err;
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') {
    return new InputError(`timed out after ${Math.round(timeoutMs / 100) / 10} s`);
  }
  if (e?.name === 'AbortError') return new InputError('request aborted');
  const cause = e?.cause;
  const code = cause?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new InputError('unreachable: host not found');
    case 'ECONNREFUSED':
      return new InputError('unreachable: connection refused');
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new InputError('unreachable: connection reset');
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new InputError('unreachable: connection timed out');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new InputError('unreachable: no route to host');
    default:
      break;
  }
  if (code && /CERT|SSL|TLS/i.test(code)) return new InputError(`TLS error: ${oneLine(cause)}`);
  const detail = cause?.message ?? e?.message ?? String(err);
  if (/redirect/i.test(detail)) return new InputError(`too many redirects`);
  return new InputError(`could not fetch: ${oneLine(detail)}`);
}

function charsetParam(contentType: string): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m?.[1] ? m[1] : null;
}

// ---------------------------------------------------------------------------------------------------------------
// EXTRACT_EVAL_URLS

/** Input path → page URL, from the JSON file named by EXTRACT_EVAL_URLS. */
export class EvalUrls {
  private readonly byPath = new Map<string, string>();

  /** Keys match as given, relative to the current directory, or relative to `mapDir` (the map file's folder). */
  constructor(map: Record<string, unknown>, mapDir: string | null = null) {
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== 'string' || !isHttpUrl(value)) continue;
      this.byPath.set(key, value);
      for (const abs of [resolve(key), mapDir ? resolve(mapDir, key) : null]) {
        if (abs && !this.byPath.has(abs)) this.byPath.set(abs, value);
      }
    }
  }

  get size(): number {
    return this.byPath.size;
  }

  lookup(input: string): string | null {
    return this.byPath.get(input) ?? this.byPath.get(resolve(input)) ?? null;
  }

  static async load(file: string): Promise<EvalUrls> {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read ${file}: ${fileError(err).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new InputError(`${file} is not valid JSON`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new InputError(`${file} must hold a JSON object mapping input paths to URLs`);
    }
    return new EvalUrls(parsed as Record<string, unknown>, dirname(resolve(file)));
  }
}

export function oneLine(value: unknown): string {
  const s = value instanceof Error ? value.message : typeof value === 'object' && value && 'message' in value
    ? String((value as { message: unknown }).message)
    : String(value);
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line || 'unknown error';
}
