/** The background's answer to each message, built from the services it owns. */
import type { CatalogService } from '../catalog/service';
import type { CatalogUpdates } from '../catalog/updates';
import type { DetectionIndex } from '../detect/detection-index';
import type { FramePolicies } from '../tabs/frame-policies';
import type { TabStates } from '../tabs/tab-state';
import type { Handlers } from './server';
import { loadSettings, saveSettings } from '../settings/store';

export interface BackgroundDeps {
  catalog: () => Promise<CatalogService>;
  index: () => Promise<DetectionIndex | undefined>;
  tabs: TabStates;
  frames: FramePolicies;
  scanTab: (tabId: number) => Promise<void>;
  updates: CatalogUpdates;
  openTab: (path: string) => Promise<void>;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers {
  return {
    async 'page:report'(report, sender) {
      const tabId = sender.tab!.id!;
      await deps.tabs.putFrame(tabId, sender.frameId ?? 0, report, await deps.index(), sender.documentId);
      return { accepted: true };
    },
    'tab:get': ({ tabId }) => deps.tabs.get(tabId),
    async 'tab:scan'({ tabId }) {
      try {
        await deps.scanTab(tabId);
        return { started: true };
      } catch (e) {
        return { started: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    async 'catalog:tools'({ ids }) {
      return (await deps.catalog()).store.getTools(ids);
    },
    async 'catalog:category'({ category }) {
      return (await deps.catalog()).store.byCategory(category);
    },
    'settings:get': () => loadSettings(),
    async 'frame:wasm'(_payload, sender) {
      const tabId = sender.tab?.id;
      return { allowed: tabId !== undefined && sender.url !== undefined && deps.frames.allowsWasm(tabId, sender.frameId ?? 0, sender.url) };
    },
    async 'settings:turn-off-site'({ host }) {
      const settings = await loadSettings();
      const offSites = [...new Set([...settings.offSites, host.replace(/^www\./, '')])].sort();
      await saveSettings({ ...settings, offSites });
      return { offSites };
    },
    async 'compare:open'({ a, b }) {
      await deps.openTab(`/compare.html?a=${a}${b ? `&b=${b}` : ''}`);
      return { opened: true };
    },
    async 'catalog:status'() {
      const service = await deps.catalog();
      return {
        meta: await service.store.meta(),
        storage: service.store.kind,
        storageProblem: service.storageProblem,
        toolCount: (await service.store.allTools()).length,
        feed: await deps.updates.feedStatus(),
      };
    },
    'feed:update-now': () => deps.updates.updateFromFeed(),
    'catalog:import': ({ text }) => deps.updates.importText(text),
    'catalog:reset': () => deps.updates.resetToBundled(),
  };
}
