/**
 * A large Pocket CSV imported end to end through the Library page in real Chromium, exactly as a user does it:
 * the file picker, "Import", the parse and row checks in the page, the parts sent to the service worker, the
 * one-transaction commit into IndexedDB, the list reloaded. Run (after `npm run build`):
 *
 *   npx tsx scripts/bench/import-browser.ts [--mb 100] [--timeout-min 20]
 *
 * The file is generated into the temp folder (not kept): the same rows as scripts/bench/import.ts (about 140
 * bytes a row, 500 sites, a third archived). Reports, as JSON: the time from the click to each status the page
 * shows (reading → importing n of N → imported, or the failure) and until the list shows its first page, the longest
 * stall of the page's main thread over all of it (a 50 ms heartbeat run in the page), the peak resident memory of all Chromium processes together (/proc), the
 * items in IndexedDB afterwards, and the final status text.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Lectern } from '../../tests/e2e/support/browser.ts';
import { longestStall, startHeartbeat } from '../../tests/e2e/support/heartbeat.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const MB = Number(opt('mb', '100'));
const TIMEOUT_MS = Number(opt('timeout-min', '20')) * 60_000;

function pocketCsv(mb: number): { text: string; rows: number } {
  const lines = ['title,url,time_added,tags,status'];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1024 * 1024; i++) {
    const line = `"Article number ${i}, about things",https://news${i % 500}.example.com/section/story-${i}?utm_source=pocket,${1600000000 + i},news|long reads,${i % 3 ? 'unread' : 'archive'}`;
    lines.push(line);
    bytes += line.length + 2;
  }
  return { text: lines.join('\r\n'), rows: lines.length - 1 };
}

/** Resident memory (MB) of every process whose command line names this profile (the browser and its children). */
function chromiumRssMb(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(profile) && !isChildOf(pid, profile)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}
const browserPids = new Set<string>();
function isChildOf(pid: string, profile: string): boolean {
  try {
    const ppid = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (!ppid) return false;
    if (browserPids.has(ppid)) return true;
    const parentCmd = readFileSync(`/proc/${ppid}/cmdline`, 'utf8');
    if (parentCmd.includes(profile)) {
      browserPids.add(ppid);
      return true;
    }
    return isChildOf(ppid, profile);
  } catch {
    return false;
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'lectern-bench-import-'));
const { text, rows } = pocketCsv(MB);
const file = path.join(work, `pocket-${MB}mb.csv`);
writeFileSync(file, text);
const fileMb = +(Buffer.byteLength(text) / 1024 / 1024).toFixed(1);

const lectern = await Lectern.launch();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, chromiumRssMb(lectern.userDataDir))), 500);
try {
  const page = await lectern.context.newPage();
  await page.goto(`${lectern.origin}/src/library-page/index.html`);
  await page.getByRole('heading', { name: 'Lectern library', level: 1 }).waitFor();
  await page.getByLabel('File to import').setInputFiles(file);
  const baseRss = chromiumRssMb(lectern.userDataDir);
  // The page's own heartbeat: the longest gap between two 50 ms ticks is the longest the page was frozen.
  await startHeartbeat(page);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const seen: Array<{ ms: number; status: string }> = [];
  let last = '';
  let done = false;
  while (!done && Date.now() - t0 < TIMEOUT_MS) {
    const status = await page.locator('#import-status').innerText({ timeout: TIMEOUT_MS }).catch((e: Error) => `(page unreachable: ${e.message})`);
    const phase = status.replace(/\d[\d,]* of \d[\d,]*/, 'n of N');
    if (phase !== last) {
      seen.push({ ms: Date.now() - t0, status: status.slice(0, 300) });
      last = phase;
    }
    if (status.startsWith('Importing:')) seen.at(-1)!.status = status; // the latest count
    done = /^(Imported|The import failed|Nothing to import)|Nothing was imported|could not be read/.test(status);
    if (!done) await new Promise((r) => setTimeout(r, 250));
  }
  const totalMs = Date.now() - t0;
  // After an import the page lists the library again: time until its first page (200 items) is shown.
  let listedMs: number | null = null;
  if (last.startsWith('Imported')) {
    const want = Number(/^Imported (\d+)/.exec(last)?.[1] ?? 0);
    const until = Date.now() + 300_000;
    while (Date.now() < until) {
      if ((await page.locator('#items > li').count()) >= Math.min(want, 200)) { // the first page of the list
        listedMs = Date.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const maxGapMs = Math.round(await longestStall(page));
  const stored = await lectern.serviceWorker.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('lectern');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => { const c = open.result.transaction('items').objectStore('items').count(); c.onsuccess = () => resolve(c.result); c.onerror = () => reject(c.error); };
  })`);
  const listed = await page.getByRole('list', { name: 'Saved articles' }).locator('li').count();
  console.log(
    JSON.stringify(
      { fileMb, rows, done, totalMs, listedMs, phases: seen, pageMaxStallMs: maxGapMs, chromiumRssMb: { beforeImport: baseRss, peak: peakRss }, itemsInIndexedDb: stored, itemsListed: listed, chromium: lectern.context.browser()?.version() },
      null,
      2,
    ),
  );
} finally {
  clearInterval(sampler);
  await lectern.close();
  rmSync(work, { recursive: true, force: true });
}
