/**
 * Where a tab's results live in `storage.session`: the background writes them (tab-state.ts), and
 * extension pages read and follow them there (tab-watch.ts) without a round trip to the background.
 */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;
