import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '../messaging/responses';
import { createTabStates } from './tab-state';
import { readTabState, watchTabState } from './tab-watch';
import { pricingTabState } from './test-tab-state';

const state: TabState = pricingTabState(7);

describe('reading a tab’s results where the background stores them', () => {
  beforeEach(() => fakeBrowser.reset());
  // The background's own store, as it writes them: the popup must read the same key.
  const background = () => createTabStates(fakeBrowser.storage.session, { setText: async () => {} });

  it('reads what the background stored for that tab, and null for a tab it has nothing for', async () => {
    await background().put(state);
    expect(await readTabState(7)).toEqual(state);
    expect(await readTabState(8)).toBeNull();
  });

  it('follows the tab’s changes, and stops when told', async () => {
    const seen: (TabState | null)[] = [];
    const stop = watchTabState(7, (s) => seen.push(s));
    await background().put(state);
    await background().clear(7);
    stop();
    await background().put(state);
    expect(seen).toEqual([state, null]);
  });
});
