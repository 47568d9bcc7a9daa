#!/usr/bin/env node
/**
 * `npm start`: build the extension, then open Debian's Chromium with it loaded on a bundled demo
 * vendor page (served locally at its real host name). With no display it runs headless and writes
 * screenshots of the page, the popup and the comparison, printing their paths.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { assertChromium, CHROMIUM_PATH, chromiumArgs } from './lib/chromium.mjs';
import { startSitesServer } from './lib/sites-server.mjs';

const DEMO_URL = 'https://openai.com/api/pricing/';
const BUILD_DIR = resolve('.output/chrome-mv3');
const SHOTS_DIR = resolve('artifacts/screenshots');

function ensureChromium() {
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

async function main() {
  ensureChromium();
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  const server = await startSitesServer();
  const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1280, height: 860 },
    ignoreHTTPSErrors: true,
    args: chromiumArgs(BUILD_DIR, server.port),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_URL);

  if (!headless) {
    console.log(`Chromium is open on ${DEMO_URL} with Versus Lens loaded. Close the window to stop.`);
    await new Promise((done) => context.on('close', done));
    await server.close();
    return;
  }

  // The demo page is the active tab (the extension has no "tabs" permission to find it by URL).
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  // Wait for the scan to reach the toolbar badge: a state, not a time.
  for (let i = 0; i < 100; i++) {
    const text = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (text) break;
    await page.waitForTimeout(100);
  }
  mkdirSync(SHOTS_DIR, { recursive: true });
  const shots = [];
  const pageShot = resolve(SHOTS_DIR, 'page.png');
  await page.screenshot({ path: pageShot });
  shots.push(pageShot);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 480 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('[data-found-tool]').first().waitFor();
  const popupShot = resolve(SHOTS_DIR, 'popup.png');
  await popup.screenshot({ path: popupShot });
  shots.push(popupShot);

  const compare = await context.newPage();
  await compare.goto(`chrome-extension://${extensionId}/compare.html?a=gpt-4-1-mini&b=stable-diffusion`);
  await compare.locator('.vl-verdict').waitFor();
  const compareShot = resolve(SHOTS_DIR, 'compare.png');
  await compare.screenshot({ path: compareShot, fullPage: true });
  shots.push(compareShot);

  await context.close();
  await server.close();
  console.log('No display: ran headless and wrote screenshots:');
  for (const s of shots) console.log(`  ${s}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
