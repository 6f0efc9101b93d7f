/**
 * Reading the active tab starts before the popup's interface has loaded: the popup's first script
 * (`boot.ts`) starts it, and the interface (`main.ts`, loaded meanwhile) takes the result. The page is read
 * while the rest of the popup's code is fetched and evaluated, instead of after it.
 */
import { readTab, type TabRead } from '../messaging/read-tab.ts';
import { activeTab, type Tabs } from '../platform/index.ts';

export interface EarlyRead {
  tab: Tabs.Tab | undefined;
  /** The tab's article (or why not); null when there is no tab to read. */
  result: TabRead | null;
}

let reading: Promise<EarlyRead> | null = null;

async function read(): Promise<EarlyRead> {
  const tab = await activeTab();
  if (tab?.id === undefined) return { tab, result: null };
  // Marks for bench:ui (what the time from click to article goes to); harmless otherwise.
  performance.mark('lectern:read-start');
  const result = await readTab(tab.id, tab.url);
  performance.mark('lectern:read-end');
  // Whether the worker had started cleaning the page at the click (bench:ui and the e2e suite read this).
  if (result.ok && result.prefetched) performance.mark('lectern:prefetched');
  return { tab, result };
}

/** Starts reading the active tab (once). */
export function startReading(): Promise<EarlyRead> {
  reading ??= read();
  return reading;
}
