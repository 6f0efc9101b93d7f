/**
 * Node module hooks (registered by scripts/shipped-libraries.ts): code under src/ gets Readability and DOMPurify
 * patched as the extension ships them (scripts/vendor-patches.ts; less the patches marked `notInNode`), so the
 * CLI and the benchmarks run the same library code as the content script and the unit tests. Anything outside
 * src/ (the benchmark's plain-Readability baseline) still gets the libraries as installed.
 */
import { readFileSync } from 'node:fs';
import type { LoadHook, ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';
import { applyVendorPatches, readabilityModuleSource } from './vendor-patches.ts';

const SRC = new URL('../src/', import.meta.url).href;
const PATCHED = '?lectern-shipped';
const LIBRARIES = new Set(['@mozilla/readability', 'dompurify']);

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  if (!LIBRARIES.has(specifier) || !context.parentURL?.startsWith(SRC)) return resolved;
  return { ...resolved, format: 'module', url: resolved.url + PATCHED, shortCircuit: true };
};

export const load: LoadHook = async (url, context, nextLoad) => {
  if (!url.endsWith(PATCHED)) return nextLoad(url, context);
  const path = fileURLToPath(url.slice(0, -PATCHED.length));
  const source = path.replace(/\\/g, '/').includes('/@mozilla/readability/')
    ? readabilityModuleSource('node')
    : applyVendorPatches(path, readFileSync(path, 'utf8'), 'node');
  if (source === null) throw new Error(`scripts/vendor-hooks.ts: no patches for ${path}`);
  return { format: 'module', source, shortCircuit: true };
};
