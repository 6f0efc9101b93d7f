/** The line under the saved list: whether the browser keeps the library through storage pressure, and its size. */
import { t, uiLanguage } from '../platform/index.ts';

function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export async function showStorageStatus(target: HTMLElement): Promise<void> {
  const storage = navigator.storage;
  if (!storage?.persisted || !storage.estimate) return;
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
  target.textContent = t(persisted ? 'storagePersistent' : 'storageBestEffort', formatBytes(estimate.usage ?? 0));
}
