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
/**
 * Property names only Readability's own code uses: its underscore-prefixed methods and fields, and the constants
 * on its prototype. Nothing outside the IIFE reads them, no DOM or message property has these names, and no
 * code reaches them through a string (checked when this list was made: `grep` the library for each name).
 * DOMPurify's upper-case config keys are NOT here: it reads them with string literals (`'ALLOWED_TAGS' in cfg`).
 */
const READABILITY_PRIVATE =
  /^(?:_[a-zA-Z]\w*|REGEXPS|FLAG_(?:STRIP_UNLIKELYS|WEIGHT_CLASSES|CLEAN_CONDITIONALLY)|DEFAULT_(?:MAX_ELEMS_TO_PARSE|N_TOP_CANDIDATES|TAGS_TO_SCORE|CHAR_THRESHOLD)|MINIMUM_TOPCANDIDATES|UNLIKELY_ROLES|DIV_TO_P_ELEMS|ALTER_TO_DIV_EXCEPTIONS|PRESENTATIONAL_ATTRIBUTES|DEPRECATED_SIZE_ATTRIBUTE_ELEMS|PHRASING_ELEMS|CLASSES_TO_PRESERVE|HTML_ESCAPE_MAP)$/;

async function shrink(code: string): Promise<string> {
  const out = await minify(code, {
    ecma: 2020,
    // unsafe_methods / unsafe_arrows: shorter method and function syntax where no code uses them as
    // constructors or reads their `this`/`arguments` (terser checks the latter; Readability's prototype methods
    // and DOMPurify's helpers are never constructed).
    // unsafe / hoist_funs: shorter forms of the same code (`new Array` → `[]`, hoisted declarations); pure_getters is
    // not used, since reading a DOM property can matter.
    compress: { passes: 3, pure_funcs: ['this.log'], unsafe_methods: true, unsafe_arrows: true, unsafe: true, hoist_funs: true },
    mangle: { properties: { regex: READABILITY_PRIVATE } },
    format: { comments: false },
  });
  if (!out.code) throw new Error('content script: terser returned no code');
  return out.code;
}
