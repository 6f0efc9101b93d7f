/**
 * Builds src/content/content-script.ts into <outDir>/src/content/content-script.js: one self-contained IIFE
 * for scripting.executeScript, with the vendor patches applied (crxjs's own `?script&iife` build runs no user
 * plugins, and it also left an unreferenced ES-module copy of the script in assets/).
 */
import { minify } from 'terser';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { CONTENT_SCRIPT_FILE } from '../src/content/file.ts';
import { vendorPatches } from './vendor-patches.ts';

export const CONTENT_SCRIPT_ENTRY = 'src/content/content-script.ts';

export function contentScriptIife(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lectern:content-script-iife',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const result = await build({
        configFile: false,
        root: config.root,
        mode: config.mode,
        logLevel: 'warn',
        plugins: [vendorPatches()],
        build: {
          write: false,
          emptyOutDir: false,
          target: config.build.target,
          minify: config.build.minify,
          sourcemap: false,
          lib: { entry: CONTENT_SCRIPT_ENTRY, formats: ['iife'], name: 'lecternContentScript', fileName: () => CONTENT_SCRIPT_FILE },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
      const chunks = outputs.flatMap((o) => o.output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`content script: expected one IIFE chunk, got ${chunks.length}`);
      this.emitFile({ type: 'asset', fileName: CONTENT_SCRIPT_FILE, source: await shrink(chunks[0]!.code) });
    },
  };
}

/**
 * The content script runs in every page Lectern reads and has a 40 KB gzip budget (scripts/bundle-size.mjs):
 * a second minification pass with terser (two compress passes) after the bundler's, which also
 *  - drops Readability's debug-log calls (`this.log(...)`: no-ops unless Readability is created with
 *    `debug: true`, which Lectern never does), and
 *  - shortens underscore-prefixed property names (`_grabArticle`, `_doc`…: Readability's private methods and
 *    fields, about 600 B gzip). The script is one closed IIFE: nothing outside it reads these names, no DOM or
 *    message property starts with a single underscore, and `__proto__`-style names are left alone.
 * Measured on this build: ~850 B gzip less than the bundler's minifier alone, ~600 B more for the names.
 */
async function shrink(code: string): Promise<string> {
  const out = await minify(code, {
    ecma: 2020,
    compress: { passes: 2, pure_funcs: ['this.log'] },
    mangle: { properties: { regex: /^_[a-zA-Z]/ } },
    format: { comments: false },
  });
  if (!out.code) throw new Error('content script: terser returned no code');
  return out.code;
}
