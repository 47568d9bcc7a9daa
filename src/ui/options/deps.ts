/** The options page's browser-facing dependencies, apart from its components. */
import { browser } from 'wxt/browser';
import { openPageCatalog } from '../../catalog/page-catalog';
import type { Tool } from '../../catalog/schema';
import { send } from '../../messaging/client';
import type { CatalogStatus, FeedStatus } from '../../messaging/responses';
import type { UpdateOutcome } from '../../catalog/update';
import type { Settings } from '../../settings/schema';
import { loadSettings, saveSettings } from '../../settings/store';
import { ALL_SITES, hasAllSites } from '../../tabs/all-sites';

export interface OptionsDeps {
  loadSettings: () => Promise<Settings>;
  saveSettings: (s: Settings) => Promise<{ synced: boolean; error?: string }>;
  allTools: () => Promise<Tool[]>;
  catalogStatus: () => Promise<CatalogStatus>;
  updateNow: () => Promise<FeedStatus>;
  importText: (text: string) => Promise<UpdateOutcome>;
  exportText: () => Promise<string>;
  reset: () => Promise<UpdateOutcome>;
  hasAllSites: () => Promise<boolean>;
  /** Must run inside the user's click: browsers only show the prompt for a gesture. */
  requestAllSites: () => Promise<boolean>;
  removeAllSites: () => Promise<boolean>;
  scoringUrl: string;
}

export function optionsDeps(): OptionsDeps {
  const catalog = openPageCatalog();
  return {
    loadSettings: () => loadSettings(),
    saveSettings: (s) => saveSettings(s),
    allTools: async () => (await catalog).allTools(),
    catalogStatus: () => send('catalog:status', {}),
    updateNow: () => send('feed:update-now', {}),
    importText: (text) => send('catalog:import', { text }),
    exportText: async () => {
      // Read fresh: an import or feed update may have replaced the catalog since the page opened.
      const store = await openPageCatalog();
      return `${JSON.stringify(await store.exportDocument(), null, 2)}\n`;
    },
    reset: () => send('catalog:reset', {}),
    hasAllSites: () => hasAllSites(browser),
    requestAllSites: () => browser.permissions.request({ origins: ALL_SITES }),
    removeAllSites: () => browser.permissions.remove({ origins: ALL_SITES }),
    scoringUrl: browser.runtime.getURL('/scoring.html'),
  };
}
