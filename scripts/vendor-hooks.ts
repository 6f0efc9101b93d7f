/**
 * Node module hooks (registered by scripts/shipped-libraries.ts): code under src/ gets Readability and DOMPurify
 * patched as the extension ships them (scripts/vendor-patches.ts; less the patches marked `notInNode`), so the
 * CLI and the benchmarks run the same library code as the content script and the unit tests. Anything outside
 * src/ (the benchmark's plain-Readability baseline) still gets the libraries as installed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyVendorPatches, readabilityModuleSource } from './vendor-patches.ts';

const SRC = new URL('../src/', import.meta.url).href;
const PATCHED = '?lectern-shipped';
const LIBRARIES = new Set(['@mozilla/readability', 'dompurify']);

interface ResolveContext {
  parentURL?: string;
}
interface Resolved {
  url: string;
  format?: string | null;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<Resolved>;
type NextLoad = (url: string, context: object) => Promise<object>;

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!LIBRARIES.has(specifier) || !context.parentURL?.startsWith(SRC)) return resolved;
  return { ...resolved, format: 'module', url: resolved.url + PATCHED, shortCircuit: true };
}

export async function load(url: string, context: object, nextLoad: NextLoad) {
  if (!url.endsWith(PATCHED)) return nextLoad(url, context);
  const path = fileURLToPath(url.slice(0, -PATCHED.length));
  const source = path.replace(/\\/g, '/').includes('/@mozilla/readability/')
    ? readabilityModuleSource('node')
    : applyVendorPatches(path, readFileSync(path, 'utf8'), 'node');
  if (source === null) throw new Error(`scripts/vendor-hooks.ts: no patches for ${path}`);
  return { format: 'module', source, shortCircuit: true };
}
