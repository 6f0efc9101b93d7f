// Finishes the builds that `vite build` wrote to dist/<browser>/:
//  - copies _locales/ (the one source of UI strings) into each build;
//  - drops the web_accessible_resources entries crxjs adds for the on-click content script. Lectern injects it
//    with scripting.executeScript, which needs no web-accessible file; listing it would let any page probe
//    chrome-extension://<id>/… and fingerprint users who have Lectern installed.
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
