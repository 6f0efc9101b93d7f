// Finishes the builds that `vite build` wrote to dist/<browser>/:
//  - copies _locales/ (the one source of UI strings) into each build, and the licence of the bundled font
//    (Atkinson Hyperlegible, SIL OFL 1.1, which asks that the licence travel with the font files);
//  - drops any web_accessible_resources entry a bundler adds (crxjs adds one for a script imported with
//    `?script`; Lectern builds its on-click content script itself, scripts/content-script-build.ts, so none is
//    expected). Lectern injects it with scripting.executeScript, which needs no web-accessible file; listing it
//    would let any page probe chrome-extension://<id>/… and fingerprint users who have Lectern installed. The
//    built-manifest snapshot test (tests/build/manifest.test.ts) fails on any web_accessible_resources anyway;
//  - prints the size of the injected content script and of the popup, and fails the build when the content
//    script is over its gzip budget (scripts/bundle-size.mjs).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CONTENT_SCRIPT, CONTENT_SCRIPT_GZIP_BUDGET, describe, fileSize, kib, pageFiles, totalSize } from './bundle-size.mjs';

let overBudget = false;

for (const target of ['chrome', 'firefox']) {
  const dir = `dist/${target}`;
  if (!existsSync(`${dir}/manifest.json`)) continue;
  cpSync('_locales', `${dir}/_locales`, { recursive: true });
  cpSync('node_modules/@fontsource/atkinson-hyperlegible/LICENSE', `${dir}/licenses/atkinson-hyperlegible-OFL.txt`);
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  if (manifest.web_accessible_resources) {
    console.log(`post-build: ${target}: removed web_accessible_resources ${JSON.stringify(manifest.web_accessible_resources.flatMap((w) => w.resources))}`);
    delete manifest.web_accessible_resources;
  }
  writeFileSync(`${dir}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);

  if (!existsSync(`${dir}/${CONTENT_SCRIPT}`)) {
    console.error(`post-build: ${target}: ${CONTENT_SCRIPT} is missing: the injected content script moved; update scripts/bundle-size.mjs`);
    process.exit(1);
  }
  const content = fileSize(`${dir}/${CONTENT_SCRIPT}`);
  console.log(`post-build: ${target}: content script ${CONTENT_SCRIPT}: ${describe(content)}; budget ${kib(CONTENT_SCRIPT_GZIP_BUDGET)} gzip`);
  // Firefox names the popup in its manifest; Chrome's worker opens it (src/popup/page.ts, src/background/action.ts).
  const popupFiles = pageFiles(dir, manifest.action.default_popup ?? 'src/popup/index.html');
  console.log(`post-build: ${target}: popup (${popupFiles.length} files): ${describe(totalSize(dir, popupFiles))}`);
  if (content.gzip > CONTENT_SCRIPT_GZIP_BUDGET) {
    console.error(
      `post-build: ${target}: FAILED: the injected content script is ${kib(content.gzip)} gzip (${content.gzip} B), over its budget of ` +
        `${kib(CONTENT_SCRIPT_GZIP_BUDGET)} (${CONTENT_SCRIPT_GZIP_BUDGET} B) by ${content.gzip - CONTENT_SCRIPT_GZIP_BUDGET} B. It runs in every page ` +
        'Lectern reads: keep view code, extension APIs and libraries the extraction does not need out of src/content/ and src/core/.',
    );
    overBudget = true;
  }
}
if (overBudget) process.exit(1);
