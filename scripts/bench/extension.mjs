/**
 * The benches that need the built extension loaded in Chromium, as tests/e2e/support/fixtures.ts
 * loads it: a copy of .output/chrome-mv3 (plus two bench pages of our own, so nothing in the build is
 * changed), a persistent context, every host mapped to the https fixture server.
 *
 * - Catalog lookups (issue 4): real IndexedDB on an extension page.
 * - Popup readiness: popup.html?tab=<id> opened again and again, timed from navigation start to the
 *   first `[data-found-tool]` entry visible, beside a blank extension page timed the same way.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs } from '../lib/chromium.mjs';
import { startSitesServer } from '../lib/sites-server.mjs';
import { median, round } from './stats.mjs';
import { syntheticDocument } from './synthetic-catalog.mjs';

export const VENDOR_PAGE = 'https://openai.com/api/pricing/';

/**
 * Runs in every document before its own scripts: notes when the first found-tool entry (or the blank
 * page's marker) is in the DOM and rendered, in ms since the navigation started.
 */
const READY_PROBE = `(() => {
  const selector = '[data-found-tool], [data-bench-ready]';
  const check = () => {
    const el = document.querySelector(selector);
    if (!el || (el.checkVisibility && !el.checkVisibility())) return;
    window.__vlVisibleAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function poll(fn, what, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * @param {{ buildDir: string, catalogHarness: string, log: (s: string) => void, opens?: number, catalogTools?: number }} options
 */
export async function benchExtension({ buildDir, catalogHarness, log, opens = 15, catalogTools = 1_000 }) {
  const dir = mkdtempSync(join(tmpdir(), 'vl-bench-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><p data-bench-ready>Blank</p></body></html>');
  writeFileSync(join(dir, 'bench-catalog.js'), readFileSync(catalogHarness));
  writeFileSync(join(dir, 'bench-catalog.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Catalog bench</title><script src="bench-catalog.js"></script></head><body></body></html>');

  const server = await startSitesServer();
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: chromiumArgs(dir, server.port),
  });
  try {
    const worker = async () => {
      const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      return found ?? context.waitForEvent('serviceworker');
    };
    const id = new URL((await worker()).url()).host;
    const url = (path) => `chrome-extension://${id}/${path}`;
    await poll(async () => (await worker()).evaluate(async () => Boolean((await chrome.storage.local.get('detectionIndex')).detectionIndex)), 'the detection index');

    // Catalog lookups.
    const catalogPage = await context.newPage();
    await catalogPage.goto(url('bench-catalog.html'));
    const doc = syntheticDocument(catalogTools);
    const catalog = await catalogPage.evaluate((d) => globalThis.__vlCatalogBench(d), doc);
    // What a page load reads from storage.local: the index alone (before the packed matcher), and
    // the index with the packed matcher, alternating, in batches (an extension page's clock is coarse).
    const published = await catalogPage.evaluate(async () => {
      const keys = { index: ['detectionIndex'], both: ['detectionIndex', 'detectionMatcher'] };
      const stored = await chrome.storage.local.get(keys.both);
      const times = { index: [], both: [] };
      for (let round = 0; round < 15; round++) {
        for (const which of round % 2 ? ['both', 'index'] : ['index', 'both']) {
          const t0 = performance.now();
          for (let i = 0; i < 10; i++) await chrome.storage.local.get(keys[which]);
          times[which].push((performance.now() - t0) / 10);
        }
      }
      const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      return {
        indexChars: JSON.stringify(stored.detectionIndex).length,
        matcherChars: JSON.stringify(stored.detectionMatcher).length,
        indexReadMs: median(times.index),
        bothReadMs: median(times.both),
      };
    });
    await catalogPage.close();
    log(`  catalog: getTool ${round(catalog.idbById.medianUs, 1)} µs, byAlias ${round(catalog.idbByAlias.medianUs, 1)} µs per lookup (IndexedDB)`);
    log(`  published: index ${round(published.indexChars / 1024, 1)} K chars read in ${round(published.indexReadMs, 2)} ms; with the packed matcher (${round(published.matcherChars / 1024, 1)} K) ${round(published.bothReadMs, 2)} ms`);

    // Popup readiness: a vendor page scanned, its badge set, then the popup for its tab.
    const vendor = await context.newPage();
    await vendor.goto(VENDOR_PAGE);
    await vendor.bringToFront();
    const tabId = await (await worker()).evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (tabId === undefined) throw new Error('no tab id for the vendor page');
    const badge = await poll(async () => (await worker()).evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tabId), 'the toolbar badge');

    await context.addInitScript(READY_PROBE);
    const timeTo = async (path) => {
      const page = await context.newPage();
      await page.goto(url(path));
      await page.waitForFunction(() => globalThis.__vlVisibleAt !== undefined, undefined, { timeout: 10_000 });
      const ms = await page.evaluate(() => globalThis.__vlVisibleAt);
      await page.close();
      return ms;
    };
    const popupPath = `popup.html?tab=${tabId}`;
    await timeTo(popupPath); // first open: compiles the popup's code; not counted
    await timeTo('bench-blank.html');
    const popupMs = [];
    const blankMs = [];
    for (let i = 0; i < opens; i++) {
      // Alternate which goes first, so drift hits both alike.
      if (i % 2) {
        blankMs.push(await timeTo('bench-blank.html'));
        popupMs.push(await timeTo(popupPath));
      } else {
        popupMs.push(await timeTo(popupPath));
        blankMs.push(await timeTo('bench-blank.html'));
      }
    }
    const popup = {
      page: VENDOR_PAGE,
      badge,
      opens,
      popupMedianMs: round(median(popupMs)),
      popupWorstMs: round(Math.max(...popupMs)),
      blankMedianMs: round(median(blankMs)),
      popupOverBlank: round(median(popupMs) / median(blankMs)),
    };
    log(`  popup: first tool visible at ${popup.popupMedianMs} ms (blank page ${popup.blankMedianMs} ms)`);
    return { catalog: { where: 'real IndexedDB, Chromium extension page', ...catalog }, published, popup };
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
