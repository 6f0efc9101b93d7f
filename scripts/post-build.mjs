// Finishes the builds that `vite build` wrote to dist/<browser>/:
//  - copies _locales/ (the one source of UI strings) into each build;
//  - drops any web_accessible_resources entry a bundler adds (crxjs adds one for a script imported with
//    `?script`; Lectern builds its on-click content script itself, scripts/content-script-build.ts, so none is
//    expected). Lectern injects it with scripting.executeScript, which needs no web-accessible file; listing it
//    would let any page probe chrome-extension://<id>/… and fingerprint users who have Lectern installed. The
//    built-manifest snapshot test (tests/build/manifest.test.ts) fails on any web_accessible_resources anyway.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

for (const target of ['chrome', 'firefox']) {
  const dir = `dist/${target}`;
  if (!existsSync(`${dir}/manifest.json`)) continue;
  cpSync('_locales', `${dir}/_locales`, { recursive: true });
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  if (manifest.web_accessible_resources) {
    console.log(`post-build: ${target}: removed web_accessible_resources ${JSON.stringify(manifest.web_accessible_resources.flatMap((w) => w.resources))}`);
    delete manifest.web_accessible_resources;
  }
  writeFileSync(`${dir}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}
