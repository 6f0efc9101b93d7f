/**
 * Files downloaded by an extension page (popup, reader tab), read back from disk. Playwright's download
 * artifacts aren't available for pages an extension opened, so the download behaviour is set on a browser CDP
 * session of its own, made after the page's connection exists (that connection sets Playwright's behaviour when
 * it attaches), as article.test.ts does for "Download text".
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Lectern } from './browser.ts';

export interface Downloaded {
  name: string;
  file: string;
  text: string;
}

export interface Downloads {
  dir: string;
  /** Runs `click` and resolves with the file it downloads, once the download completed. */
  expect(click: () => Promise<void>, timeoutMs?: number): Promise<Downloaded>;
  close(): Promise<void>;
}

export async function captureDownloads(lectern: Lectern): Promise<Downloads> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-downloads-'));
  const connection: Browser = await lectern.newConnection();
  const cdp = await connection.newBrowserCDPSession();
  // Sent again before every download: a connection that attaches later (each popup gets its own) sets
  // Playwright's behaviour for the whole browser.
  const allow = () => cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  await allow();
  const names = new Map<string, string>();
  const waiting = new Map<string, (state: string) => void>();
  const finished = new Map<string, string>();
  let onBegin: ((guid: string) => void) | null = null;
  let count = 0;
  cdp.on('Browser.downloadWillBegin', (e) => {
    names.set(e.guid, e.suggestedFilename);
    onBegin?.(e.guid);
  });
  cdp.on('Browser.downloadProgress', (e) => {
    if (e.state === 'inProgress') return;
    finished.set(e.guid, e.state);
    waiting.get(e.guid)?.(e.state);
  });
  return {
    dir,
    async expect(click, timeoutMs = 10_000) {
      const begun = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no download began within ${timeoutMs} ms`)), timeoutMs);
        onBegin = (guid) => {
          clearTimeout(timer);
          onBegin = null;
          resolve(guid);
        };
      });
      await allow();
      await click();
      const guid = await begun;
      const state = finished.get(guid) ?? (await new Promise<string>((resolve) => waiting.set(guid, resolve)));
      if (state !== 'completed') throw new Error(`download ${names.get(guid)} ended ${state}`);
      const name = names.get(guid)!;
      // The browser names a second download of the same name "name (1).ext" (it remembers this session's
      // downloads): take the one new file, and keep it under its suggested name in a folder of its own.
      const fresh = readdirSync(dir).filter((f) => !f.startsWith('kept-') && !f.endsWith('.crdownload'));
      if (fresh.length !== 1) throw new Error(`expected one new file in ${dir}, found ${JSON.stringify(fresh)}`);
      const kept = path.join(dir, `kept-${++count}`);
      mkdirSync(kept);
      const file = path.join(kept, name);
      renameSync(path.join(dir, fresh[0]!), file);
      return { name, file, text: readFileSync(file, 'utf8') };
    },
    async close() {
      await connection.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
