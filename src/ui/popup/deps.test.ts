import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTabStates } from '../../tabs/tab-state';
import { pricingTabState } from '../../tabs/test-tab-state';
import { popupDeps, resolveTabId } from './deps';

describe('the popup’s dependencies', () => {
  beforeEach(() => fakeBrowser.reset());
  const background = () => createTabStates(fakeBrowser.storage.session, { setText: async () => {} });

  it('takes the tab from ?tab=<id>, and refuses anything but digits', async () => {
    expect(await resolveTabId('?tab=42')).toBe(42);
    const [active] = await fakeBrowser.tabs.query({ active: true, currentWindow: true });
    expect(await resolveTabId('?tab=4x2')).toBe(active?.id);
  });

  it('reads the tab’s results before the first render, and afresh after that first read', async () => {
    await background().put(pricingTabState(7));
    const deps = await popupDeps('?tab=7');
    // Cleared after popupDeps started its read: the first call still gets what was stored then.
    await background().clear(7);
    expect(await deps.getState(7)).toEqual(pricingTabState(7));
    expect(await deps.getState(7)).toBeNull();
  });

  it('reads another tab afresh and keeps the early read for its own tab', async () => {
    await background().put(pricingTabState(7));
    await background().put(pricingTabState(8));
    const deps = await popupDeps('?tab=7');
    await background().clear(7);
    expect(await deps.getState(8)).toEqual(pricingTabState(8));
    expect(await deps.getState(7)).toEqual(pricingTabState(7));
  });
});
