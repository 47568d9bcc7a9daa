/**
 * Scanning every http(s) page while the extension holds host permission for all sites — however it
 * was granted (our options toggle, the browser's extension settings, or at install) — by registering
 * the content script at run time. The vendors' hosts are covered by the manifest's own entry.
 */
import type { WxtBrowser } from 'wxt/browser';

export const ALL_SITES = ['http://*/*', 'https://*/*'];
export const ALL_SITES_SCRIPT_ID = 'versus-lens-all-sites';
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
export const CONTENT_STYLE_FILE = 'content-scripts/content.css';

type Api = Pick<WxtBrowser, 'permissions' | 'scripting' | 'tabs'>;

export async function hasAllSites(api: Pick<Api, 'permissions'>): Promise<boolean> {
  return api.permissions.contains({ origins: ALL_SITES });
}

/** Make the run-time registration match the permission; returns whether all-sites scanning is on. */
export async function syncAllSitesScript(api: Api, vendorMatches: string[]): Promise<boolean> {
  const granted = await hasAllSites(api);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  if (granted && registered.length === 0) {
    await api.scripting.registerContentScripts([
      {
        id: ALL_SITES_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        css: [CONTENT_STYLE_FILE],
        matches: ALL_SITES,
        excludeMatches: vendorMatches,
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
    // Pages already open when access was granted get their scan now, not at their next load.
    const tabs = await api.tabs.query({ url: ALL_SITES });
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : Promise.all([
              api.scripting.insertCSS({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_STYLE_FILE] }),
              api.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [`/${CONTENT_SCRIPT_FILE}`] }),
            ]).catch(() => undefined),
      ),
    );
  } else if (!granted && registered.length > 0) {
    await api.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  }
  return granted;
}
