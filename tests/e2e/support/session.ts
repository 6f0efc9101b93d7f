/**
 * The setup most e2e suites share: the fixture server, Chromium with Lectern (optionally on its own profile
 * directory, removed afterwards) and one open tab, started before the suite's tests and closed after them.
 *
 *   let server: FixtureServer; let lectern: Lectern; let tab: Page;
 *   withLectern((s) => ({ server, lectern, tab } = s));
 *
 * A suite that relaunches the browser (to test persistence) hands the new instance back with `session.replace`
 * so that the one running at the end is the one closed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern, type LaunchOptions } from './browser.ts';
import { startServer, type FixtureServer } from './server.ts';

export interface Session {
  server: FixtureServer;
  lectern: Lectern;
  tab: Page;
  /** The profile directory, when the suite asked for its own. */
  profile: string | null;
  /** The browser the suite relaunched: closed at the end instead of the first one. */
  replace(lectern: Lectern): void;
}

export interface SessionOptions extends Omit<LaunchOptions, 'userDataDir'> {
  /** A profile directory of the suite's own (kept across relaunches, removed at the end). */
  ownProfile?: string;
}

export function withLectern(ready: (session: Session) => unknown, options: SessionOptions = {}): void {
  let current: Lectern | undefined;
  let server: FixtureServer | undefined;
  let profile: string | null = null;
  before(async () => {
    const { ownProfile, ...launch } = options;
    server = await startServer();
    if (ownProfile) profile = mkdtempSync(path.join(tmpdir(), `lectern-e2e-${ownProfile}-`));
    current = await Lectern.launch({ ...launch, ...(profile ? { userDataDir: profile } : {}) });
    const tab = await current.tab();
    await ready({ server, lectern: current, tab, profile, replace: (l) => void (current = l) });
  });
  after(async () => {
    await current?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
}
