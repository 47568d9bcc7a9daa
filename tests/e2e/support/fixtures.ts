/**
 * The extension under test: the fresh build, copied (with all-sites permission added to its manifest
 * when a test asks, since headless Chromium cannot answer a permission prompt), loaded into Debian's
 * Chromium in a persistent context, with every host mapped to our https fixture server.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, chromiumArgs } from '../../../scripts/lib/chromium.mjs';
import { startSitesServer, type SitesServer } from '../../../scripts/lib/sites-server.mjs';

export const BUILD_DIR = resolve('.output/chrome-mv3');

export function prepareExtension(options: { allSites: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'vl-ext-'));
  cpSync(BUILD_DIR, dir, { recursive: true });
  if (options.allSites) {
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
    manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), 'http://*/*', 'https://*/*'])];
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  return dir;
}

export async function launchWithExtension(extensionDir: string, port: number, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: [...chromiumArgs(extensionDir, port), ...extraArgs],
  });
}

export class ExtensionHandle {
  constructor(
    readonly context: BrowserContext,
    readonly id: string,
  ) {}

  /** The service worker, fetched anew: a handle goes stale when the extension restarts. */
  async worker(): Promise<Worker> {
    const found = this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${this.id}/`));
    return found ?? this.context.waitForEvent('serviceworker');
  }

  /** Installed and settled: the detection index published and, with all-sites access, the scan registered. */
  async ready(allSites: boolean): Promise<void> {
    await expect
      .poll(async () => {
        const sw = await this.worker();
        return sw.evaluate(async (wantAllSites) => {
          const index = (await chrome.storage.local.get('detectionIndex')).detectionIndex;
          const registered = await chrome.scripting.getRegisteredContentScripts();
          return Boolean(index) && (!wantAllSites || registered.length > 0);
        }, allSites);
      }, { message: 'extension ready' })
      .toBe(true);
  }

  url(path: string): string {
    return `chrome-extension://${this.id}/${path.replace(/^\//, '')}`;
  }

  /**
   * The tab id Chromium gave the tab showing `page`: bring it to the front and ask for the active tab
   * (the extension has no "tabs" permission, so it cannot look tabs up by URL, and we do not add one).
   */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const sw = await this.worker();
    const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (id === undefined) throw new Error(`no active tab for ${page.url()}`);
    return id;
  }

  async badge(tabId: number): Promise<string> {
    const sw = await this.worker();
    return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** Wait until the toolbar badge of `page`'s tab reads `expected` (a state, not a time). */
  async expectBadge(page: Page, expected: string | RegExp): Promise<void> {
    const tabId = await this.tabIdOf(page);
    await expect.poll(() => this.badge(tabId), { message: `badge of ${page.url()}` }).toMatch(expected instanceof RegExp ? expected : new RegExp(`^${expected}$`));
  }

  async openPopup(tabId: number): Promise<Page> {
    const popup = await this.context.newPage();
    await popup.goto(this.url(`popup.html?tab=${tabId}`));
    return popup;
  }
}

interface Fixtures {
  allSites: boolean;
  extension: ExtensionHandle;
}

interface WorkerFixtures {
  server: SitesServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  allSites: [false, { option: true }],
  server: [
    async ({}, use) => {
      const server = await startSitesServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extension: async ({ allSites, server }, use) => {
    const dir = prepareExtension({ allSites });
    const context = await launchWithExtension(dir, server.port);
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const handle = new ExtensionHandle(context, new URL(sw.url()).host);
    await handle.ready(allSites);
    await use(handle);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
