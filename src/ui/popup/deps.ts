/** The popup's browser-facing dependencies, kept apart so the component can be tested with fakes. */
import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import { readTabState, watchTabState } from '../../tabs/tab-watch';
import { DETECTION_INDEX_KEY, type DetectionIndex } from '../../detect/detection-index';
import type { PopupDeps } from './PopupApp';

/** `popup.html?tab=<id>` shows that tab (contract); otherwise the active tab of this window. */
export async function resolveTabId(search: string): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export async function popupDeps(search = location.search): Promise<PopupDeps> {
  const tabId = await resolveTabId(search);
  // The tab's results are asked for now, so the read overlaps loading and the first render instead
  // of starting after it. The first call for this tab gets this read; later calls read afresh.
  let early = tabId === undefined ? undefined : readTabState(tabId);
  return {
    tabId,
    getState: (id) => {
      const first = id === tabId ? early : undefined;
      if (!first) return readTabState(id);
      early = undefined;
      return first;
    },
    watch: watchTabState,
    scan: (tabId) => send('tab:scan', { tabId }),
    index: async () => (await browser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY] as DetectionIndex | undefined,
    optionsUrl: browser.runtime.getURL('/options.html'),
    compareUrl: (a, b) => `${browser.runtime.getURL('/compare.html')}?a=${encodeURIComponent(a)}${b ? `&b=${encodeURIComponent(b)}` : ''}`,
  };
}
