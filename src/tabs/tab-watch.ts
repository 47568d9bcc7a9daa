/** Extension pages following one tab's results as the background writes them. */
import { browser } from 'wxt/browser';
import type { TabState } from '../messaging/responses';

export function watchTabState(tabId: number, onChange: (state: TabState | null) => void): () => void {
  const key = `tab:${tabId}`;
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key in changes) onChange((changes[key]?.newValue as TabState | undefined) ?? null);
  };
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}
