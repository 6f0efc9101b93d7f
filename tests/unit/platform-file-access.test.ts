/**
 * File access (src/platform/index.ts): Chrome's answer is the user's "Allow access to file URLs" switch;
 * Firefox always answers false to the same call although its activeTab reaches file:// pages, so Lectern must
 * not believe it (before, every local page in Firefox was refused with a hint about a switch Firefox lacks).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = {
  runtime: { id: 'x' } as Record<string, unknown>,
  extension: { isAllowedFileSchemeAccess: vi.fn(async () => false) },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));

const { isAllowedFileSchemeAccess } = await import('../../src/platform/index.ts');

describe('isAllowedFileSchemeAccess', () => {
  beforeEach(() => {
    delete fake.runtime.getBrowserInfo;
    fake.extension.isAllowedFileSchemeAccess.mockClear();
  });
  it("Chrome: the switch's state", async () => {
    fake.extension.isAllowedFileSchemeAccess.mockResolvedValueOnce(false);
    expect(await isAllowedFileSchemeAccess()).toBe(false);
    fake.extension.isAllowedFileSchemeAccess.mockResolvedValueOnce(true);
    expect(await isAllowedFileSchemeAccess()).toBe(true);
  });
  it('Firefox (runtime.getBrowserInfo exists): yes, without asking the API that always says no', async () => {
    fake.runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    expect(await isAllowedFileSchemeAccess()).toBe(true);
    expect(fake.extension.isAllowedFileSchemeAccess).not.toHaveBeenCalled();
  });
});
