/**
 * Build-time patches to the bundled libraries. Three statements that write HTML with `innerHTML` are replaced by
 * DOM-only equivalents, so the built extension contains no dynamic `innerHTML` assignment (addons.mozilla.org's
 * linter, `web-ext lint`, warns on every one and ignores eslint-disable comments; the libraries carry such
 * comments). The speed patches compute the same answers as Readability with less work (the unit tests compare the
 * shipped Readability with the installed one). The others cut code Lectern never runs, for the content script's
 * size budget (each says why).
 *
 * Each patch must match exactly once in the installed library, or the build fails: an upgrade that changes the
 * code gets looked at instead of silently shipping unpatched. The unit tests run the patched libraries too
 * (vitest.config.ts uses this plugin), and so do the CLI and the benchmarks (Node module hooks,
 * scripts/vendor-hooks.ts, registered by scripts/shipped-libraries.ts).
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
  /**
   * Set on a patch the extension needs but Node should not run (the CLI and the benchmarks, on jsdom): why not.
   * scripts/vendor-hooks.ts leaves it out; the builds and the unit tests apply it.
   */
  notInNode?: string;
}

/** Why the two page-cache patches are left out in Node (measured by `npx tsx scripts/bench/page-cache.ts`). */
const JSDOM_CLONES_SLOWLY =
  "on jsdom, cloneNode(true) of the Readability test pages' bodies takes 7.6x as long as serializing them, and every " +
  "parse makes the copy while few retry: in Node, Readability keeps its HTML cache as installed (the lint concern is the extension's)";

export const VENDOR_PATCHES: VendorPatch[] = [
  {
    file: '/@mozilla/readability/Readability.js',
    find: 'var pageCacheHtml = page.innerHTML;',
    replace: 'var pageCacheHtml = page.cloneNode(true);',
    why: 'Readability keeps a copy of the page to retry with looser rules: keep the nodes, not their HTML',
    notInNode: JSDOM_CLONES_SLOWLY,
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: 'page.innerHTML = pageCacheHtml;',
    replace: 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);',
    why: 'restore that copy by cloning it (it may be needed again), instead of re-parsing its HTML',
    notInNode: JSDOM_CLONES_SLOWLY,
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
  // Speed: the same answers, computed with less work (tests/unit/readability.test.ts compares the shipped
  // Readability with the installed one on every page the repository has, one page per patched branch, and
  // generated pages).
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    var bylineLength = node.textContent.trim().length;\n\n    return (\n      (rel === "author" ||\n        (itemprop && itemprop.includes("author")) ||\n        this.REGEXPS.byline.test(matchString)) &&\n      !!bylineLength &&\n      bylineLength < 100\n    );\n',
    replace:
      '    if (!(rel === "author" || (itemprop && itemprop.includes("author")) || this.REGEXPS.byline.test(matchString))) {\n' +
      '      return false;\n' +
      '    }\n' +
      '    var bylineLength = node.textContent.trim().length;\n' +
      '    return !!bylineLength && bylineLength < 100;\n',
    why:
      "_isValidByline, asked of every element until a byline is found, built each one's whole textContent before " +
      'the cheap tests that almost always fail (rel, itemprop, the class/id pattern): test those first',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '      !node.textContent.trim().length &&\n      (!node.children.length ||',
    replace: '      !this._hasTextInside(node) &&\n      (!node.children.length ||',
    why:
      '_isElementWithoutContent, asked of every <div>, <section>, <header> and heading, built its whole textContent ' +
      'to see whether any of it is not whitespace: stop at the first text that is not (see _hasTextInside)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '  _isElementWithoutContent(node) {\n',
    replace:
      '  // Lectern (scripts/vendor-patches.ts): node.textContent.trim() !== "", reading text only up to the first\n' +
      '  // that is not all whitespace (trim() and \\s agree on what whitespace is).\n' +
      '  _hasTextInside(node) {\n' +
      '    var n = node.firstChild;\n' +
      '    while (n) {\n' +
      '      if (n.nodeType === this.TEXT_NODE || n.nodeType === 4) {\n' +
      '        if (/\\S/.test(n.data)) return true;\n' +
      '      } else if (n.nodeType === this.ELEMENT_NODE && n.firstChild) {\n' +
      '        n = n.firstChild;\n' +
      '        continue;\n' +
      '      }\n' +
      '      while (!n.nextSibling && n.parentNode !== node) n = n.parentNode;\n' +
      '      n = n.nextSibling;\n' +
      '    }\n' +
      '    return false;\n' +
      '  },\n' +
      '  _isElementWithoutContent(node) {\n',
    why: 'the walk that patch uses, in document order over the text nodes (CDATA sections included, as textContent does)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '    // Remove `style` and deprecated presentational attributes\n',
    until: '    var cur = e.firstElementChild;\n',
    replace:
      '    // Remove `style` and deprecated presentational attributes (Lectern: only from an element that has attributes)\n' +
      '    if (e.hasAttributes()) {\n' +
      '      for (var i = 0; i < this.PRESENTATIONAL_ATTRIBUTES.length; i++) {\n' +
      '        e.removeAttribute(this.PRESENTATIONAL_ATTRIBUTES[i]);\n' +
      '      }\n' +
      '      if (this.DEPRECATED_SIZE_ATTRIBUTE_ELEMS.includes(e.tagName)) {\n' +
      '        e.removeAttribute("width");\n' +
      '        e.removeAttribute("height");\n' +
      '      }\n' +
      '    }\n\n',
    why:
      '_cleanStyles made 13 to 15 removeAttribute calls on every element of the article, most of which have no ' +
      'attributes at all (removing an absent attribute does nothing): skip those elements',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '      (!node.style || node.style.display != "none") &&\n      (!node.style || node.style.visibility != "hidden") &&\n',
    replace:
      '      (!node.hasAttribute("style") ||\n' +
      '        ((!node.style || node.style.display != "none") &&\n' +
      '          (!node.style || node.style.visibility != "hidden"))) &&\n',
    why:
      "_isProbablyVisible read every element's inline style, which jsdom builds on first use; without a style " +
      'attribute there is no inline display or visibility to read',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find:
      '      var isList = tag === "ul" || tag === "ol";\n      if (!isList) {\n        var listLength = 0;\n' +
      '        var listNodes = this._getAllNodesWithTag(node, ["ul", "ol"]);\n        this._forEachNode(\n' +
      '          listNodes,\n          list => (listLength += this._getInnerText(list).length)\n        );\n' +
      '        isList = listLength / this._getInnerText(node).length > 0.9;\n      }\n\n',
    replace: '',
    why:
      "_cleanConditionally measured every node's share of list text (its whole inner text and each list's) before " +
      'the checks that settle most nodes (data table, class weight, ten commas): measured where it is used (below)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '      if (this._getCharCount(node, ",") < 10) {\n',
    replace:
      '      var innerText = this._getInnerText(node);\n' +
      '      if (innerText.split(",").length - 1 < 10) {\n' +
      '        var isList = tag === "ul" || tag === "ol";\n        if (!isList) {\n          var listLength = 0;\n' +
      '          var listNodes = this._getAllNodesWithTag(node, ["ul", "ol"]);\n          this._forEachNode(\n' +
      '            listNodes,\n            list => (listLength += this._getInnerText(list).length)\n          );\n' +
      '          isList = listLength / innerText.length > 0.9;\n        }\n',
    why:
      'the list share, now only for the nodes that reach the checks using it; and the node\'s inner text read once ' +
      'for the comma count, the list share, the text checks and the link density (four reads of the same text before)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '        var innerText = this._getInnerText(node);\n',
    replace: '',
    why: 'read above now (nothing changes the node in between)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '        var linkDensity = this._getLinkDensity(node);\n',
    replace: '        var linkDensity = this._getLinkDensity(node, contentLength);\n',
    why: 'the link density, given the inner text length already read',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '  _getLinkDensity(element) {\n    var textLength = this._getInnerText(element).length;\n',
    replace: '  _getLinkDensity(element, textLength = this._getInnerText(element).length) {\n',
    why: 'which reads it itself when not given (the other callers)',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '        var headingDensity = this._getTextDensity(node, [\n          "h1",\n          "h2",\n          "h3",\n          "h4",\n          "h5",\n          "h6",\n        ]);\n',
    replace: '        var headingDensity = () => this._getTextDensity(node, ["h1", "h2", "h3", "h4", "h5", "h6"]);\n',
    why: "the heading density (six subtree lookups) is needed by one check only: computed there, when that check's cheap conditions hold",
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '            !isFigureChild &&\n            headingDensity < 0.9 &&\n            contentLength < 25 &&\n            (img === 0 || img > 2) &&\n            linkDensity > 0\n',
    replace: '            !isFigureChild &&\n            contentLength < 25 &&\n            (img === 0 || img > 2) &&\n            linkDensity > 0 &&\n            headingDensity() < 0.9\n',
    why: 'that check, with the heading density last',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '        var textDensity = this._getTextDensity(node, textishTags);\n',
    replace: '        var textDensity = () => this._getTextDensity(node, textishTags);\n',
    why:
      'the text density (twelve subtree lookups) is needed by the last check only, which matters only when no check ' +
      'before it failed (any failure removes the node): computed there, then',
  },
  {
    file: '/@mozilla/readability/Readability.js',
    find: '          if (img === 0 && textDensity === 0) {\n',
    replace: '          if (img === 0 && !errs.length && textDensity() === 0) {\n',
    why: 'that check',
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
  // Options. Lectern's every sanitize call passes SANITIZE_CONFIG (src/core/sanitize.ts), plus RETURN_DOM_FRAGMENT or
  // IN_PLACE (tests/unit/vendor-patches.test.ts checks both). DOMPurify's code for every other option (SAFE_FOR_TEMPLATES,
  // WHOLE_DOCUMENT, PARSER_MEDIA_TYPE, FORCE_BODY, CUSTOM_ELEMENT_HANDLING, ADD_TAGS/ADD_ATTR, ALLOWED_TAGS/ATTR, ...) only
  // runs when that option is passed: with the options fixed at their defaults it is unreachable, and is cut.
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tconst isRegexOrFunction = function isRegexOrFunction(testValue) {\n',
    until: '\tconst ALL_SVG_TAGS = addToSet({}, [\n',
    replace: '\t/* Lectern: only the options Lectern passes are read (SANITIZE_CONFIG in src/core/sanitize.ts, with RETURN_DOM_FRAGMENT\n\tor IN_PLACE), and NAMESPACE; every other option keeps its default. See scripts/vendor-patches.ts */\n\tconst _parseConfig = function _parseConfig(cfg) {\n\t\tif (!cfg || typeof cfg !== "object") cfg = {};\n\t\tcfg = clone(cfg);\n\t\tALLOWED_TAGS = DEFAULT_ALLOWED_TAGS;\n\t\tALLOWED_ATTR = DEFAULT_ALLOWED_ATTR;\n\t\tALLOWED_NAMESPACES = DEFAULT_ALLOWED_NAMESPACES;\n\t\tURI_SAFE_ATTRIBUTES = DEFAULT_URI_SAFE_ATTRIBUTES;\n\t\tDATA_URI_TAGS = DEFAULT_DATA_URI_TAGS;\n\t\tFORBID_CONTENTS = DEFAULT_FORBID_CONTENTS;\n\t\tMATHML_TEXT_INTEGRATION_POINTS = DEFAULT_MATHML_TEXT_INTEGRATION_POINTS;\n\t\tHTML_INTEGRATION_POINTS = DEFAULT_HTML_INTEGRATION_POINTS;\n\t\tFORBID_TAGS = _resolveSetOption(cfg, "FORBID_TAGS", create(null), { transform: transformCaseFunc });\n\t\tFORBID_ATTR = _resolveSetOption(cfg, "FORBID_ATTR", create(null), { transform: transformCaseFunc });\n\t\tUSE_PROFILES = objectHasOwnProperty(cfg, "USE_PROFILES") ? cfg.USE_PROFILES && typeof cfg.USE_PROFILES === "object" ? clone(cfg.USE_PROFILES) : cfg.USE_PROFILES : false;\n\t\tALLOW_DATA_ATTR = cfg.ALLOW_DATA_ATTR !== false;\n\t\tRETURN_DOM_FRAGMENT = cfg.RETURN_DOM_FRAGMENT || false;\n\t\tRETURN_DOM = RETURN_DOM_FRAGMENT;\n\t\tSANITIZE_NAMED_PROPS = cfg.SANITIZE_NAMED_PROPS || false;\n\t\tKEEP_CONTENT = cfg.KEEP_CONTENT !== false;\n\t\tIN_PLACE = cfg.IN_PLACE || false;\n\t\tIS_ALLOWED_URI$1 = isRegex(cfg.ALLOWED_URI_REGEXP) ? cfg.ALLOWED_URI_REGEXP : IS_ALLOWED_URI;\n\t\tNAMESPACE = typeof cfg.NAMESPACE === "string" ? cfg.NAMESPACE : HTML_NAMESPACE;\n\t\tif (USE_PROFILES) {\n\t\t\tALLOWED_TAGS = addToSet({}, text);\n\t\t\tALLOWED_ATTR = create(null);\n\t\t\tif (USE_PROFILES.html === true) {\n\t\t\t\taddToSet(ALLOWED_TAGS, html$1);\n\t\t\t\taddToSet(ALLOWED_ATTR, html);\n\t\t\t}\n\t\t}\n\t\tif (KEEP_CONTENT) ALLOWED_TAGS["#text"] = true;\n\t\tif (ALLOWED_TAGS.table) {\n\t\t\tALLOWED_TAGS.tbody = true;\n\t\t\tdelete FORBID_TAGS.tbody;\n\t\t}\n\t\tCONFIG = freeze(cfg);\n\t};\n',
    why: '_parseConfig reads the options Lectern passes (and NAMESPACE), nothing else: ALLOWED_TAGS/ATTR, ADD_*, FORBID_CONTENTS, ALLOWED_NAMESPACES, the integration points and CUSTOM_ELEMENT_HANDLING take their defaults, and the SVG/MathML profiles (which could only allow more) are not read',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tlet CUSTOM_ELEMENT_HANDLING = null;\n',
    until: '\tlet FORBID_CONTENTS = null;\n',
    replace: '\tlet FORBID_TAGS = null;\n\tlet FORBID_ATTR = null;\n\t/* Lectern: options Lectern never passes are fixed at their defaults, see scripts/vendor-patches.ts */\n\tconst ALLOW_ARIA_ATTR = true;\n\tlet ALLOW_DATA_ATTR = true;\n\tconst SAFE_FOR_XML = true;\n\tconst SET_CONFIG_ALLOWED_TAGS = null;\n\tconst SET_CONFIG_ALLOWED_ATTR = null;\n\tlet RETURN_DOM = false;\n\tlet RETURN_DOM_FRAGMENT = false;\n\tconst SANITIZE_DOM = true;\n\tlet SANITIZE_NAMED_PROPS = false;\n\tconst SANITIZE_NAMED_PROPS_PREFIX = "user-content-";\n\tlet KEEP_CONTENT = true;\n\tlet IN_PLACE = false;\n\tlet IN_PLACE_VISITED = null;\n\tlet USE_PROFILES = false;\n',
    why: 'the flags of options Lectern never passes become constants at their defaults (ALLOW_ARIA_ATTR, SAFE_FOR_XML and SANITIZE_DOM on; SAFE_FOR_TEMPLATES, WHOLE_DOCUMENT, FORCE_BODY, ALLOW_UNKNOWN_PROTOCOLS, setConfig off: their code is cut below)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tconst DEFAULT_CUSTOM_ELEMENT_HANDLING = freeze(create(null));\n',
    replace: '',
    why: 'CUSTOM_ELEMENT_HANDLING is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tlet PARSER_MEDIA_TYPE = null;\n',
    until: '\tlet CONFIG = null;\n',
    replace: '\tconst transformCaseFunc = stringToLowerCase;\n',
    why: 'PARSER_MEDIA_TYPE is never passed: always text/html, so names are always lower-cased',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'doc = new DOMParser().parseFromString(dirtyPayload, PARSER_MEDIA_TYPE);',
    replace: 'doc = new DOMParser().parseFromString(dirtyPayload, "text/html");',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\treturn PARSER_MEDIA_TYPE === "application/xhtml+xml";\n\t};',
    replace: '\t\treturn false;\n\t};',
    why: 'the same: no XHTML parsing',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (FORCE_BODY) dirty = "<remove></remove>" + dirty;\n\t\telse {\n\t\t\tconst matches = stringMatch(dirty, LEADING_WHITESPACE);\n\t\t\tleadingWhitespace = matches && matches[0];\n\t\t}\n\t\tif (PARSER_MEDIA_TYPE === "application/xhtml+xml" && NAMESPACE === HTML_NAMESPACE) dirty = "<html xmlns=\\"http://www.w3.org/1999/xhtml\\"><head></head><body>" + dirty + "</body></html>";\n',
    replace: '\t\tconst matches = stringMatch(dirty, LEADING_WHITESPACE);\n\t\tleadingWhitespace = matches && matches[0];\n',
    why: 'FORCE_BODY and the XHTML wrapper: neither option is passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'getElementsByTagName.call(doc, WHOLE_DOCUMENT ? "html" : "body")[0];\n\t\treturn WHOLE_DOCUMENT ? doc.documentElement : body;',
    replace: 'getElementsByTagName.call(doc, "body")[0];\n\t\treturn body;',
    why: 'WHOLE_DOCUMENT is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (SET_CONFIG) {\n\t\t\tALLOWED_TAGS = SET_CONFIG_ALLOWED_TAGS;\n\t\t\tALLOWED_ATTR = SET_CONFIG_ALLOWED_ATTR;\n\t\t} else _parseConfig(cfg);',
    replace: '\t\t_parseConfig(cfg);',
    why: 'setConfig() is cut (above), so every call parses its own config',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'if (!RETURN_DOM && !SAFE_FOR_TEMPLATES && !WHOLE_DOCUMENT && dirty.indexOf("<") === -1) return dirty;',
    replace: 'if (!RETURN_DOM && dirty.indexOf("<") === -1) return dirty;',
    why: 'SAFE_FOR_TEMPLATES and WHOLE_DOCUMENT are never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (body && FORCE_BODY) _forceRemove(body.firstChild);\n',
    replace: '',
    why: 'FORCE_BODY is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\t\tif (SAFE_FOR_TEMPLATES) _scrubTemplateExpressions2(dirty);\n',
    replace: '',
    why: 'SAFE_FOR_TEMPLATES is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\t\tif (SAFE_FOR_TEMPLATES) _scrubTemplateExpressions2(body);\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tconst serialize = () => WHOLE_DOCUMENT ? body.outerHTML : body.innerHTML;\n',
    until: '\t\treturn serializedHTML;',
    replace: '\t\tconst serializedHTML = body.innerHTML;\n',
    why: 'the same, and WHOLE_DOCUMENT (its outerHTML and <!DOCTYPE>)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (SAFE_FOR_TEMPLATES && nodeType === NODE_TYPE.text) {\n',
    until: '\t\t_executeHooks(hooks.afterSanitizeElements, currentNode, null);\n\t\treturn _handleHookDetachedNode(currentNode, root);',
    replace: '',
    why: 'SAFE_FOR_TEMPLATES is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\t\tif (!ALLOW_SELF_CLOSE_IN_ATTR && regExpTest(SELF_CLOSING_TAG, value)) {\n\t\t\t\t_removeAttribute(name, currentNode, attr);\n\t\t\t\tcontinue;\n\t\t\t}\n\t\t\tif (SAFE_FOR_TEMPLATES) value = _stripTemplateExpressions(value);\n',
    replace: '',
    why: 'ALLOW_SELF_CLOSE_IN_ATTR (default true: the check never ran) and SAFE_FOR_TEMPLATES are never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (SAFE_FOR_TEMPLATES) _scrubOwnCharacterData(fragment);\n',
    replace: '',
    why: 'SAFE_FOR_TEMPLATES is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t/**\n\t* Replace template expression syntax',
    until: '\t/**\n\t* Detects DOM clobbering on a form',
    replace: '',
    why: 'SAFE_FOR_TEMPLATES\' scrubbers, no longer called',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'if (FORBID_TAGS[tagName] || !(EXTRA_ELEMENT_HANDLING.tagCheck instanceof Function && EXTRA_ELEMENT_HANDLING.tagCheck(tagName)) && !ALLOWED_TAGS[tagName]) {\n\t\t\tconst removed = _sanitizeDisallowedNode(currentNode, tagName, root);\n\t\t\tif (removed === false) {\n\t\t\t\t_executeHooks(hooks.afterSanitizeElements, currentNode, null);\n\t\t\t\tif (_handleHookDetachedNode(currentNode, root)) return true;\n\t\t\t}\n\t\t\treturn removed;\n\t\t}',
    replace: 'if (FORBID_TAGS[tagName] || !ALLOWED_TAGS[tagName]) return _sanitizeDisallowedNode(currentNode, tagName, root);',
    why: 'ADD_TAGS is never passed (no tag check), and a disallowed node is always removed: it was kept only for CUSTOM_ELEMENT_HANDLING',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (!FORBID_TAGS[tagName] && _isBasicCustomElement(tagName) && _matchesNameCheck(CUSTOM_ELEMENT_HANDLING.tagNameCheck, tagName)) return false;\n',
    replace: '',
    why: 'CUSTOM_ELEMENT_HANDLING is never passed: its tagNameCheck is unset, so this never returned',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const nameIsPermitted = ALLOWED_ATTR[lcName] || EXTRA_ELEMENT_HANDLING.attributeCheck instanceof Function && EXTRA_ELEMENT_HANDLING.attributeCheck(lcName, lcTag);',
    replace: 'const nameIsPermitted = ALLOWED_ATTR[lcName];',
    why: 'ADD_ATTR is never passed (no attribute check)',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (!nameIsPermitted) return _isBasicCustomElement(lcTag) &&',
    until: '\t\tif (URI_SAFE_ATTRIBUTES[lcName]) return true;',
    replace: '\t\tif (!nameIsPermitted) return false;\n',
    why: 'CUSTOM_ELEMENT_HANDLING is never passed: its checks are unset, so this returned false (or undefined), never true',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\tif (ALLOW_UNKNOWN_PROTOCOLS && !regExpTest(IS_SCRIPT_OR_DATA$1, compactValue)) return true;\n',
    replace: '',
    why: 'ALLOW_UNKNOWN_PROTOCOLS is never passed',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t/**\n\t* Evaluate a CUSTOM_ELEMENT_HANDLING check',
    until: '\t/**\n\t* Handles a node whose tag is forbidden',
    replace: '',
    why: 'the custom-element helpers, no longer called',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tconst RESERVED_CUSTOM_ELEMENT_NAMES = addToSet({}, [\n',
    until: '\t/**\n\t* Writes a changed attribute value back.',
    replace: '',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const MUSTACHE_EXPR = seal(',
    until: 'const DATA_ATTR = seal(',
    replace: '',
    why: 'the patterns of the options cut above',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const IS_SCRIPT_OR_DATA = seal(/^(?:\\w+script|data):/i);\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const DOCTYPE_NAME = seal(/^html$/i);\nconst CUSTOM_ELEMENT = seal(/^[a-z][.\\w]*(-[.\\w]+)+$/i);\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const SELF_CLOSING_TAG = seal(/\\/>/i);\n',
    replace: '',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: 'const MUSTACHE_EXPR$1 = MUSTACHE_EXPR, ERB_EXPR$1 = ERB_EXPR, TMPLIT_EXPR$1 = TMPLIT_EXPR, DATA_ATTR$1 = DATA_ATTR, ARIA_ATTR$1 = ARIA_ATTR, IS_SCRIPT_OR_DATA$1 = IS_SCRIPT_OR_DATA, ATTR_WHITESPACE$1 = ATTR_WHITESPACE, CUSTOM_ELEMENT$1 = CUSTOM_ELEMENT;',
    replace: 'const DATA_ATTR$1 = DATA_ATTR, ARIA_ATTR$1 = ARIA_ATTR, ATTR_WHITESPACE$1 = ATTR_WHITESPACE;',
    why: 'the same',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '/**\n* Resolve an object-valued configuration option.',
    until: 'function createDOMPurify() {',
    replace: '',
    why: 'used only for the options cut above',
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
  // Speed. The in-place sanitize walks the tree five times besides its main walk (_collectLiveNodes, the patch-link
  // sweep, the shadow-root sweep, the unvisited-node and discarded-node checks). Each walk listed a node's children
  // as `childNodes[i]`, from last to first; on jsdom (the CLI) a NodeList is a Proxy, and its index and length
  // reads were 6% of Lectern's extraction time on the Readability test pages (CPU profile of
  // scripts/bench/profile-middle.ts). Reading lastChild, then previousSibling, lists the same children in the same
  // order at the same moment (nothing runs in between), through getters looked up from the prototype as
  // DOMPurify looks up childNodes (a clobbered property cannot answer).
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\tconst getChildNodes = lookupGetter(ElementPrototype, "childNodes");\n',
    replace:
      '\tconst getChildNodes = lookupGetter(ElementPrototype, "childNodes");\n' +
      '\tconst getLastChild = lookupGetter(ElementPrototype, "lastChild");\n' +
      '\tconst getPreviousSibling = lookupGetter(ElementPrototype, "previousSibling");\n',
    why: 'the prototype getters for the walks below, looked up like the others',
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\t\tconst childNodes = getChildNodes(node);\n\t\t\tif (childNodes) for (let i = childNodes.length - 1; i >= 0; --i) stack.push(childNodes[i]);\n',
    replace: '\t\t\tfor (let child = getLastChild(node); child; child = getPreviousSibling(child)) stack.push(child);\n',
    why: "_walkTree pushes a node's children last to first (so they are visited first to last) by sibling links instead of NodeList indexes",
  },
  {
    file: '/dompurify/dist/purify.es.mjs',
    find: '\t\t\tconst childNodes = getChildNodes(node);\n\t\t\tif (childNodes) for (let i = childNodes.length - 1; i >= 0; --i) stack.push({\n\t\t\t\tnode: childNodes[i],\n',
    replace: '\t\t\tfor (let child = getLastChild(node); child; child = getPreviousSibling(child)) stack.push({\n\t\t\t\tnode: child,\n',
    why: 'the same in the shadow-root sweep',
  },
];

/**
 * Applies every patch for `id` to `code` (for Node: all but the `notInNode` ones); throws unless each matches
 * exactly once. Null: not a patched file.
 */
export function applyVendorPatches(id: string, code: string, target: 'extension' | 'node' = 'extension'): string | null {
  const path = id.split('?')[0]!.replace(/\\/g, '/');
  const patches = VENDOR_PATCHES.filter((p) => path.endsWith(p.file) && !(target === 'node' && p.notInNode));
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

/** `@mozilla/readability` as one ES module built from its two CommonJS files, Readability.js patched like the build. */
export function readabilityModuleSource(target: 'extension' | 'node'): string {
  const dir = fileURLToPath(new URL('../node_modules/@mozilla/readability/', import.meta.url));
  const cjs = (file: string) => {
    const path = join(dir, file);
    const code = readFileSync(path, 'utf8');
    return `((module) => {\n${applyVendorPatches(path, code, target) ?? code}\nreturn module.exports;\n})({ exports: {} })`;
  };
  return [
    `export const Readability = ${cjs('Readability.js')};`,
    `export const isProbablyReaderable = ${cjs('Readability-readerable.js')};`,
    'export default { Readability, isProbablyReaderable };',
  ].join('\n');
}

/**
 * For the unit tests only: vitest hands CommonJS packages to Node, which would load Readability unpatched.
 * This serves `@mozilla/readability` as one ES module built from its two files, patched like the build does.
 */
export function readabilityForTests(): Plugin {
  const ID = '\0lectern:readability';
  return {
    name: 'lectern:readability-for-tests',
    enforce: 'pre',
    resolveId: (id) => (id === '@mozilla/readability' ? ID : null),
    load: (id) => (id === ID ? readabilityModuleSource('extension') : null),
  };
}
