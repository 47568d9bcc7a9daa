/**
 * The demo: the real build loaded into Debian's Chromium on a bundled vendor page served at its real
 * host name. Used by `npm start` (a window, or headless screenshots) and `npm run screenshots`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { assertChromium, CHROMIUM_PATH, chromiumArgs } from './chromium.mjs';
import { startSitesServer } from './sites-server.mjs';

export const DEMO_URL = 'https://openai.com/api/pricing/';
const BUILD_DIR = resolve('.output/chrome-mv3');

/** Install Debian's Chromium when missing and we may (root with apt); otherwise fail with the command to run. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian’s chromium package…');
    spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium openssl >/dev/null'], {
      stdio: 'inherit',
    });
  }
  assertChromium();
}

export function build() {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}

/** Launch Chromium with the build on the demo page; returns what callers need and a stop(). */
export async function launchDemo({ headless }) {
  const server = await startSitesServer();
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1280, height: 860 },
    ignoreHTTPSErrors: true,
    args: chromiumArgs(BUILD_DIR, server.port),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Wait until the background has published its index: a state, not a time.
  for (let i = 0; i < 100; i++) {
    if (await worker.evaluate(async () => Boolean((await chrome.storage.local.get('detectionIndex')).detectionIndex))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_URL);
  return {
    context,
    page,
    worker,
    extensionId,
    stop: async () => {
      await context.close();
      await server.close();
    },
  };
}

/** Screenshots of the page with its marks, the open panel, the popup, the comparison and the options. */
export async function captureScreenshots(demo, outDir, { colorScheme = 'light' } = {}) {
  const { context, page, worker, extensionId } = demo;
  mkdirSync(outDir, { recursive: true });
  const url = (p) => `chrome-extension://${extensionId}/${p}`;
  await page.emulateMedia({ colorScheme });
  await page.bringToFront();
  // The demo page is the active tab (the extension has no "tabs" permission to find it by URL).
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  for (let i = 0; i < 100; i++) {
    if (await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) break;
    await page.waitForTimeout(100);
  }
  await page.locator('versus-lens-overlay [data-chip-tool]').first().waitFor();
  const shots = [];
  const shot = async (target, name, options = {}) => {
    const path = resolve(outDir, `${name}.png`);
    await target.screenshot({ path, ...options });
    shots.push(path);
  };
  await shot(page, 'page');
  await page.locator('versus-lens-overlay [data-launcher]').click();
  await page.locator('versus-lens-overlay [data-panel-verdict], versus-lens-overlay .vl-panel-detail').first().waitFor();
  await shot(page, 'panel');
  await page.keyboard.press('Escape');

  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(url(`popup.html?tab=${tabId}`));
  await popup.locator('[data-found-tool]').first().waitFor();
  await shot(popup, 'popup');

  const compare = await context.newPage();
  await compare.emulateMedia({ colorScheme });
  await compare.goto(url('compare.html?a=gpt-4-1-mini&b=stable-diffusion'));
  await compare.locator('.vl-verdict').waitFor();
  await shot(compare, 'compare', { fullPage: true });

  const options = await context.newPage();
  await options.emulateMedia({ colorScheme });
  await options.goto(url('options.html'));
  await options.locator('[data-catalog-version]').waitFor();
  await shot(options, 'options', { fullPage: true });
  return shots;
}
