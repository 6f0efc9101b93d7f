/** Paths the e2e suite uses, all relative to the repository root (found from this file, not from the cwd). */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = path.join(ROOT, 'dist/chrome');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, 'screenshots');
export const CHROMIUM = process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium';

/** Fails with a clear message when the extension was not built: the e2e tests never build it themselves. */
export function assertBuilt(): void {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${path.relative(ROOT, EXTENSION_DIR)}/manifest.json is missing. Run \`npm run build\` first, then \`npm run test:e2e\`.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (set LECTERN_CHROMIUM to another Chromium binary).`);
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return path.join(SCREENSHOTS_DIR, name);
}
