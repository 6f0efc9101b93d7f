/**
 * Three statements in bundled libraries that write HTML with `innerHTML`, replaced at build time by DOM-only
 * equivalents, so the built extension contains no dynamic `innerHTML` assignment (addons.mozilla.org's linter,
 * `web-ext lint`, warns on every one and ignores eslint-disable comments; the libraries carry such comments).
 *
 * Each patch must match exactly once in the installed library, or the build fails: an upgrade that changes the
 * code gets looked at instead of silently shipping unpatched. The unit tests run the patched libraries too
 * (vitest.config.ts uses this plugin); the CLI (tsx) runs them as installed, where the difference is only
 * re-parsing vs cloning the same nodes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface VendorPatch {
  /** Path suffix of the library file the patch applies to. */
  file: string;
  /** Exact text (must occur exactly once), or a global pattern (must match exactly `count` times). */
  find: string | RegExp;
  /** With a pattern: how many matches the installed library has. */
  count?: number;
  /** When set, the patch replaces everything from `find` up to (not including) the next `until`. */
  until?: string;
  replace: string;
  why: string;
}

export const VENDOR_PATCHES: VendorPatch[] = [
  {
    file: '/@mozilla/readability/Readability.js',
    find: 'var pageCacheHtml = page.innerHTML;',
    replace: 'var pageCacheHtml = page.cloneNode(true);',
    why: 'Readability keeps a copy of the page to retry with looser rules: keep the nodes, not their HTML',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: 'page.innerHTML = pageCacheHtml;',
    replace: 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);',
    why: 'restore that copy by cloning it (it may be needed again), instead of re-parsing its HTML',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: 'tmp.innerHTML = noscript.innerHTML;',
    replace: 'tmp.append(...noscript.cloneNode(true).childNodes);',
    why: "a <noscript> lead image: only reached when the <noscript>'s children are elements, so clone them",
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '  _getJSONLD(doc) {\n',
    until: '  /**\n   * Attempts to get excerpt and byline metadata for the article.',
    replace: '  _getJSONLD() {\n    return {}; /* Lectern: see scripts/vendor-patches.ts */\n  },\n\n',
    why:
      "Readability's own JSON-LD reader (125 lines): Lectern reads JSON-LD in src/core/metadata and runs Readability " +
      'with disableJSONLD, so it is never called; dropping it keeps the content script within its 40 KiB gzip budget',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '  _getAllNodesWithTag(node, tagNames) {\n',
    until: '  /**\n   * Removes the class=""',
    replace: '  _getAllNodesWithTag() {\n    throw new Error("Lectern: see src/core/readability.ts");\n  },\n\n',
    why:
      'Lectern runs Readability only through src/core/readability.ts, which gives each instance its own tag lookup ' +
      '(a codebase rule keeps it the only place): the original is never called, and its bytes count against the budget',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: /errs\.push\(\s*`[^`]*`\s*\)/g,
    count: 8,
    replace: 'errs.push(0)',
    why:
      "_cleanConditionally's reasons for removing a node are collected only for its debug log (their number decides, " +
      'not their text): the eight message templates become a 0 each, for the content script\'s size budget',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tDOMPurify.setConfig = function() {',
    until: '\tDOMPurify.addHook = function(entryPoint, hookFunction) {',
    replace: '\t/* Lectern: setConfig, clearConfig, isValidAttribute removed, see scripts/vendor-patches.ts */\n',
    why:
      'API Lectern never calls (it passes its config to every sanitize call and adds its hooks once): less to ' +
      "ship in the content script, nothing in what sanitize() does changes",
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const svg = freeze([\n',
    until: 'const MUSTACHE_EXPR = ',
    replace: 'const svg = [], mathMl = [], xml = []; /* Lectern: see scripts/vendor-patches.ts */\n',
    why:
      'the SVG, MathML and XML attribute allow-lists (about 350 names) are read only for configs without ' +
      'USE_PROFILES or with its svg/mathMl profiles; every Lectern sanitize call passes USE_PROFILES: { html: true } ' +
      '(src/core/sanitize.ts), so they are never used. Emptying them could only allow less. The tag lists stay: ' +
      'the namespace checks read them',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tvar _ref3 = _slicedToArray(_ref2, 2);\n\t\tconst property = _ref3[0];\n\t\tconst value = _ref3[1];\n',
    replace: '\t\tconst property = _ref2[0];\n\t\tconst value = _ref2[1];\n',
    why:
      "clone()'s only use of Babel's destructuring helper: each `_ref2` is an [key, value] array from Object.entries, " +
      'which _slicedToArray returns as it is (its first test, Array.isArray), so reading [0] and [1] directly is the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'function _OverloadYield(e, d) {\n',
    until: 'const entries = Object.entries;\n',
    replace: '/* Lectern: unused Babel helpers removed, see scripts/vendor-patches.ts */\n',
    why:
      "the bundled Babel helpers: the destructuring ones are unused once clone() reads its pairs directly (above), and " +
      'AsyncGenerator is never used by DOMPurify at all, but its prototype set-up kept it in the bundle (about 1.7 KB minified)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tDOMPurify.removeHook = function(entryPoint, hookFunction) {',
    until: '\treturn DOMPurify;\n}',
    replace: '\t/* Lectern: removeHook, removeHooks, removeAllHooks removed, see scripts/vendor-patches.ts */\n',
    why: 'the same: Lectern never removes a hook',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: /if \(this\._debug\) \{/g,
    count: 4,
    replace: 'if (false) {',
    why:
      'Lectern never creates Readability with debug: true, so its console logger and the three debug dumps of the ' +
      "article's HTML are dead code; the minifier drops them from the content script",
  },
  {
    file: '/@mozilla/readability/index.js',
    find: 'var isProbablyReaderable = require("./Readability-readerable");',
    replace: 'var isProbablyReaderable = undefined; /* Lectern: see scripts/vendor-patches.ts */',
    why:
      'Lectern computes the readerable check from its own walk of the page (src/core/readerable.ts, tested against ' +
      "this function); the package's CommonJS index would otherwise bundle the unused copy into the content script",
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'doc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;',
    replace: 'void 0; /* Lectern: no innerHTML fallback parse, see scripts/vendor-patches.ts */',
    why:
      'the fallback for when DOMParser is missing or fails, or for a non-HTML NAMESPACE; Lectern sanitizes HTML ' +
      'with DOMParser in every context (browser, jsdom), so it is unused: without it DOMPurify returns nothing (fails closed)',
  },
  // Trusted Types. Lectern passes neither TRUSTED_TYPES_POLICY nor RETURN_TRUSTED_TYPE, so the only policy DOMPurify
  // ever used was its default one, made where the window has `trustedTypes` (Chromium): its createHTML and
  // createScriptURL return their input, so wrapping the parser's input or an attribute value in it handed the DOM
  // the same string, and sanitize() returned plain strings. Without it the DOM gets that string directly. Where a
  // Trusted Types CSP were enforced the parser would then throw and sanitize() return nothing (fails closed); no
  // Lectern page enforces one (manifest.config.ts), and the content script sanitizes in place, parsing nothing.
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '/**\n* Creates a no-op policy for internal use only.',
    until: 'const _createHooksMap = ',
    replace: '/* Lectern: no Trusted Types policy, see scripts/vendor-patches.ts */\n',
    why: "DOMPurify's default Trusted Types policy (an identity policy): Lectern does without it, see the comment above",
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tconst currentScript = originalDocument.currentScript;\n',
    replace: '',
    why: 'read only to name the default Trusted Types policy',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: ', DOMParser = window.DOMParser, trustedTypes = window.trustedTypes;',
    replace: ', DOMParser = window.DOMParser;',
    why: 'the Trusted Types factory, no longer used',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tlet trustedTypesPolicy;\n',
    until: '\tconst _document = document, implementation',
    replace: '',
    why: 'the Trusted Types wrappers (identity with the default policy) and the output signing (only for RETURN_TRUSTED_TYPE)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tlet RETURN_TRUSTED_TYPE = false;\n',
    replace: '',
    why: 'RETURN_TRUSTED_TYPE: Lectern never asks for TrustedHTML output',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tRETURN_TRUSTED_TYPE = cfg.RETURN_TRUSTED_TYPE || false;\n',
    replace: '',
    why: 'the same option, no longer read',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (cfg.TRUSTED_TYPES_POLICY) {\n',
    until: '\t\tCONFIG = freeze(cfg);',
    replace: '',
    why: 'TRUSTED_TYPES_POLICY (never passed) and the default policy set-up',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const dirtyPayload = trustedTypesPolicy ? _createTrustedHTML(dirty) : dirty;',
    replace: 'const dirtyPayload = dirty;',
    why: 'the parser gets the string itself, which is what the identity policy gave it',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t/**\n\t* Wrap an attribute value in the matching Trusted Types object',
    until: '\t/**\n\t* Writes a changed attribute value back.',
    replace: '',
    why: 'attribute values wrapped by the identity policy: the same string is set without it',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\t\tvalue = _applyTrustedTypesToAttribute(lcTag, lcName, namespaceURI, value);\n',
    replace: '',
    why: 'its call',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'dirty.indexOf("<") === -1) return _signOutput(dirty);',
    replace: 'dirty.indexOf("<") === -1) return dirty;',
    why: 'sanitize() returns strings (signing applied only with RETURN_TRUSTED_TYPE)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'if (!body) return RETURN_DOM ? null : RETURN_TRUSTED_TYPE ? emptyHTML : "";',
    replace: 'if (!body) return RETURN_DOM ? null : "";',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\treturn _signOutput(serializedHTML);',
    replace: '\t\treturn serializedHTML;',
    why: 'the same',
  },
  // Readability: patterns it never reads, and code for options and environments Lectern never has.
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    extraneous:\n      /print|archive|comment|discuss|e[\\-]?mail|share|reply|all|login|sign|single|utility/i,\n',
    replace: '',
    why: 'a pattern Readability 0.6 never reads',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    replaceFonts: /<(\\/?)font[^>]*>/gi,\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    nextLink: ',
    until: '    tokenize: /\\W+/g,',
    replace: '',
    why: 'the same (nextLink, prevLink)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    // See: https://schema.org/Article\n    jsonLdArticleTypes:\n',
    until: '    // used to see if a node\'s content matches words',
    replace: '',
    why: 'read only by _getJSONLD, which is cut above',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '  this._docJSDOMParser = this._doc.firstChild.__JSDOMParser__;\n',
    replace: '',
    why: 'Mozilla\'s own JSDOMParser marks its documents with this expando; Lectern parses with a browser\'s DOM or jsdom, whose documents never carry it (a page script cannot set it on the copy Lectern parses: expandos are not cloned, and the content script does not see the page\'s JavaScript objects), so the three branches below never ran',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    if (this._docJSDOMParser && nodeList._isLiveNodeList) {\n      throw new Error("Do not pass live node lists to _removeNodes");\n    }\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    if (this._docJSDOMParser && nodeList._isLiveNodeList) {\n      throw new Error("Do not pass live node lists to _replaceNodeTags");\n    }\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    if (this._docJSDOMParser) {\n      node.localName = tag.toLowerCase();\n      node.tagName = tag.toUpperCase();\n      return node;\n    }\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '  if (options && options.documentElement) {\n    doc = options;\n    options = arguments[2];\n  } else if (!doc || !doc.documentElement) {',
    replace: '  if (!doc || !doc.documentElement) {',
    why: 'the constructor\'s support for an old argument order (a URI first): Lectern\'s options (src/core/extract.ts) are never a document',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    if (this._maxElemsToParse > 0) {\n',
    until: '    // Unwrap image from noscript',
    replace: '',
    why: 'Lectern never passes maxElemsToParse, so it is 0 and this check never ran (extract() bounds the page size itself)',
  },
  // Inputs other than strings and nodes; helpers left unused by the cuts above.
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '/**\n* Convert non-node values into strings',
    until: '/**\n* This method automatically checks if the prop is function or getter',
    replace: '',
    why: 'stringifyValue: turns a non-string, non-node input into a string (see the next patch)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const numberToString = unapply(Number.prototype.toString);\n',
    until: 'const objectHasOwnProperty = ',
    replace: '',
    why: 'used only by stringifyValue',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const objectToString = unapply(Object.prototype.toString);\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (typeof dirty !== "string" && !_isNode(dirty)) {\n\t\t\tdirty = stringifyValue(dirty);\n\t\t\tif (typeof dirty !== "string") throw typeErrorCreate("dirty is not a string, aborting");\n\t\t}\n',
    replace: '\t\tif (typeof dirty !== "string" && !_isNode(dirty)) throw typeErrorCreate("dirty is not a string, aborting");\n',
    why: 'Lectern sanitizes only strings and nodes (src/core/sanitize.ts takes `string | Node`; an empty input is still handled as before): anything else now throws instead of being stringified, which can only refuse more (fails closed)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const arrayLastIndexOf = unapply(Array.prototype.lastIndexOf);\n',
    replace: '',
    why: 'used only by removeHook, cut above',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const arraySplice = unapply(Array.prototype.splice);\n',
    replace: '',
    why: 'the same',
  },
  // Babel's ES5 down-levelling, undone: the bundle's target is ES2022.
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'if (!freeze) freeze = function freeze(x) {\n',
    until: 'const arrayForEach = ',
    replace: '',
    why: 'fallbacks for runtimes without Object.freeze/seal or Reflect.apply/construct (ES5): every runtime that can run the bundle (ES2022 syntax) has them',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\treturn function(thisArg) {\n\t\tfor (var _len3 = arguments.length, args = new Array(_len3 > 1 ? _len3 - 1 : 0), _key3 = 1; _key3 < _len3; _key3++) args[_key3 - 1] = arguments[_key3];\n',
    replace: '\treturn function(thisArg, ...args) {\n',
    why: 'Babel\'s transpiled rest parameters, written as rest parameters again (the same array of the remaining arguments)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\treturn function() {\n\t\tfor (var _len4 = arguments.length, args = new Array(_len4), _key4 = 0; _key4 < _len4; _key4++) args[_key4] = arguments[_key4];\n',
    replace: '\treturn function(...args) {\n',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'function addToSet(set, array) {\n\tlet transformCaseFunc = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : stringToLowerCase;\n',
    replace: 'function addToSet(set, array, transformCaseFunc = stringToLowerCase) {\n',
    why: 'Babel\'s transpiled default parameters, written as default parameters again (used when the argument is missing or undefined, as before)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'function createDOMPurify() {\n\tlet window = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : getGlobal();\n',
    replace: 'function createDOMPurify(window = getGlobal()) {\n',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const _walkTree = function _walkTree(root, visit) {\n\t\tlet intoShadow = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : false;\n',
    replace: 'const _walkTree = function _walkTree(root, visit, intoShadow = false) {\n',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const _createNodeIterator = function _createNodeIterator(root) {\n\t\tlet characterDataOnly = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : false;\n',
    replace: 'const _createNodeIterator = function _createNodeIterator(root, characterDataOnly = false) {\n',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'DOMPurify.sanitize = function(dirty) {\n\t\tlet cfg = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : {};\n',
    replace: 'DOMPurify.sanitize = function(dirty, cfg = {}) {\n',
    why: 'the same',
  },
];

/** Applies every patch for `id` to `code`; throws unless each matches exactly once. Null: not a patched file. */
export function applyVendorPatches(id: string, code: string): string | null {
  const path = id.split('?')[0]!.replace(/\\/g, '/');
  const patches = VENDOR_PATCHES.filter((p) => path.endsWith(p.file));
  if (!patches.length) return null;
  let out = code;
  for (const p of patches) {
    if (p.find instanceof RegExp) {
      const count = out.match(p.find)?.length ?? 0;
      if (count !== p.count) throw new Error(`vendor patch for ${p.file} (${p.why}): expected ${p.count} matches of ${p.find}, found ${count}`);
      out = out.replace(p.find, () => p.replace);
      continue;
    }
    const find = p.find;
    for (const marker of p.until === undefined ? [find] : [find, p.until]) {
      const count = out.split(marker).length - 1;
      if (count !== 1) throw new Error(`vendor patch for ${p.file} (${p.why}): expected 1 match of ${JSON.stringify(marker)}, found ${count}`);
    }
    if (p.until === undefined) {
      out = out.replace(find, () => p.replace);
    } else {
      const start = out.indexOf(find);
      const end = out.indexOf(p.until);
      if (end < start) throw new Error(`vendor patch for ${p.file} (${p.why}): ${JSON.stringify(p.until)} comes before ${JSON.stringify(find)}`);
      out = out.slice(0, start) + p.replace + out.slice(end);
    }
  }
  return out;
}

/** Vite plugin: the patches above, for the extension builds and the unit tests. */
export function vendorPatches(): Plugin {
  return {
    name: 'lectern:vendor-patches',
    enforce: 'pre',
    transform(code, id) {
      const out = applyVendorPatches(id, code);
      return out === null ? null : { code: out, map: null };
    },
  };
}

/**
 * For the unit tests only: vitest hands CommonJS packages to Node, which would load Readability unpatched.
 * This serves `@mozilla/readability` as one ES module built from its two files, patched like the build does.
 */
export function readabilityForTests(): Plugin {
  const ID = '\0lectern:readability';
  const dir = fileURLToPath(new URL('../node_modules/@mozilla/readability/', import.meta.url));
  const cjs = (file: string) => {
    const path = join(dir, file);
    const code = readFileSync(path, 'utf8');
    return `((module) => {\n${applyVendorPatches(path, code) ?? code}\nreturn module.exports;\n})({ exports: {} })`;
  };
  return {
    name: 'lectern:readability-for-tests',
    enforce: 'pre',
    resolveId: (id) => (id === '@mozilla/readability' ? ID : null),
    load(id) {
      if (id !== ID) return null;
      return [
        `export const Readability = ${cjs('Readability.js')};`,
        `export const isProbablyReaderable = ${cjs('Readability-readerable.js')};`,
        'export default { Readability, isProbablyReaderable };',
      ].join('\n');
    },
  };
}
