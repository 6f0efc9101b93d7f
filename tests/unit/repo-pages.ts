/** Every real page the repository has (fixtures, the sample, the hostile corpus), as [name, html], for tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function repoPages(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of readdirSync(path.join(root, 'tests/fixtures'), { withFileTypes: true })) {
    if (dir.isDirectory()) {
      try {
        out.push([dir.name, readFileSync(path.join(root, 'tests/fixtures', dir.name, 'page.html'), 'utf8')]);
      } catch {
        /* a fixture that points at the sample */
      }
    }
  }
  for (const f of readdirSync(path.join(root, 'samples'))) if (f.endsWith('.html')) out.push([f, readFileSync(path.join(root, 'samples', f), 'utf8')]);
  for (const f of readdirSync(path.join(root, 'tests/security/pages'))) out.push([f, readFileSync(path.join(root, 'tests/security/pages', f), 'utf8')]);
  return out;
}
