/** Extension pages reading and following one tab's results where the background writes them. */
import { browser } from 'wxt/browser';
import type { TabState } from '../messaging/responses';
import { tabStateKey } from './tab-state-key';

/**
 * The tab's results as the background last stored them, read here: asking the background instead
 * cost the popup a round trip to the service worker (13-73 ms in Chromium) before its first tool.
 */
export async function readTabState(tabId: number): Promise<TabState | null> {
  const key = tabStateKey(tabId);
  return ((await browser.storage.session.get(key))[key] as TabState | undefined) ?? null;
}

export function watchTabState(tabId: number, onChange: (state: TabState | null) => void): () => void {
  const key = tabStateKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key in changes) onChange((changes[key]?.newValue as TabState | undefined) ?? null);
  };
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}
