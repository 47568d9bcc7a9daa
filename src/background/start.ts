/** Wiring the background's services to browser events. The entrypoint calls this and nothing else. */
import { browser } from 'wxt/browser';
import { DETECTION_INDEX_KEY, loadBundledDocument, startCatalogService, type CatalogService } from '../catalog/service';
import { vendorMatchPatterns } from '../catalog/vendor-matches';
import type { DetectionIndex } from '../detect/detection-index';
import { createBackgroundHandlers } from '../messaging/background-handlers';
import { createMessageListener } from '../messaging/server';
import { CONTENT_SCRIPT_FILE, CONTENT_STYLE_FILE, syncAllSitesScript } from '../tabs/all-sites';
import { createFramePolicies } from '../tabs/frame-policies';
import { createTabStates } from '../tabs/tab-state';
import { debugLog } from '../debug-log';
import { createCatalogUpdates } from '../catalog/updates';
import { loadSettings } from '../settings/store';

const FEED_ALARM = 'catalog-feed';

export function startBackground(): void {
  let bundled: ReturnType<typeof loadBundledDocument> | undefined;
  const getBundled = () => (bundled ??= loadBundledDocument(async () => (await fetch(browser.runtime.getURL('/catalog.json'))).text()));
  let catalog: Promise<CatalogService> | undefined;
  const getCatalog = () => (catalog ??= getBundled().then((doc) => startCatalogService(doc, browser.storage.local)));
  const updates = createCatalogUpdates({
    catalog: getCatalog,
    bundled: getBundled,
    feedUrl: async () => (await loadSettings()).feedUrl,
    local: browser.storage.local,
  });

  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const tabs = createTabStates(browser.storage.session, {
    setText: (tabId, text) => action.setBadgeText({ tabId, text }).catch(() => {}), // the tab may be gone
  });

  const getIndex = async () => {
    await getCatalog();
    return (await browser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY] as DetectionIndex | undefined;
  };

  const syncAllSites = async () => {
    const index = await getIndex();
    await syncAllSitesScript(browser, vendorMatchPatterns(index?.tools.flatMap((t) => t.domains) ?? []));
  };

  // Which documents' policies let our content script compile WebAssembly: read from the response
  // headers of the frames we have host access to (frame-policies.ts).
  const frames = createFramePolicies();
  browser.webRequest?.onHeadersReceived.addListener((details) => void frames.onHeaders(details), { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame'] }, [
    'responseHeaders',
  ]);

  const handlers = createBackgroundHandlers({
    catalog: getCatalog,
    index: getIndex,
    tabs,
    frames,
    updates,
    openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/compare.html') })),
    scanTab: async (tabId) => {
      await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: [CONTENT_STYLE_FILE] });
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [`/${CONTENT_SCRIPT_FILE}`] });
    },
  });
  browser.runtime.onMessage.addListener(createMessageListener(handlers, browser.runtime.getURL('/'), debugLog));

  // Installed or updated: publish the index and its matcher again, compiled by this version's code
  // (the matcher's tables and context words can change with the code while the catalog does not).
  browser.runtime.onInstalled.addListener(
    () =>
      void getCatalog()
        .then((catalog) => catalog.publishIndex())
        .then(syncAllSites)
        .catch(debugLog),
  );
  browser.runtime.onStartup.addListener(() => void syncAllSites().catch(debugLog));
  browser.permissions.onAdded.addListener(() => void syncAllSites().catch(debugLog));
  browser.permissions.onRemoved.addListener(() => void syncAllSites().catch(debugLog));

  // The feed, if the user set one: daily, and once soon after the browser starts.
  void browser.alarms.get(FEED_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(FEED_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void updates.updateFromFeed().catch(debugLog);
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void tabs.navigated(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.clear(tabId);
    frames.forgetTab(tabId);
  });

  void getCatalog().then(syncAllSites).catch(debugLog);
}
