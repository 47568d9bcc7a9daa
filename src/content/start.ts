/** The content script's wiring: settings and index in, scan, mark, overlay, report; stop quietly when invalidated. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DETECTION_INDEX_KEY, type DetectionIndex } from '../detect/detection-index';
import { send } from '../messaging/client';
import type { Settings } from '../settings/schema';
import { SETTINGS_KEY } from '../settings/keys';
import { createOverlayController } from './overlay-controller';
import { startScanner } from './scanner';

async function readIndex(ctx: ContentScriptContext): Promise<DetectionIndex> {
  const stored = (await browser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY] as DetectionIndex | undefined;
  if (stored) return stored;
  // First run right after install: the background is still publishing the index.
  return new Promise<DetectionIndex>((resolve) => {
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      const next = changes[DETECTION_INDEX_KEY]?.newValue as DetectionIndex | undefined;
      if (next) {
        browser.storage.local.onChanged.removeListener(listener);
        resolve(next);
      }
    };
    browser.storage.local.onChanged.addListener(listener);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(listener));
  });
}

const siteOf = (hostname: string) => hostname.toLowerCase().replace(/^www\./, '');
const isOff = (settings: Settings, hostname: string) => settings.offSites.some((s) => siteOf(hostname) === s || siteOf(hostname).endsWith(`.${s}`));

export async function startContentScript(ctx: ContentScriptContext): Promise<void> {
  const [index, initial] = await Promise.all([readIndex(ctx), send('settings:get', {})]);
  if (ctx.isInvalid) return;
  let settings = initial;
  if (isOff(settings, location.hostname)) return;

  // Everything this page run owns stops with `run` (dismiss) or with the script (update, reload).
  const run = new AbortController();
  ctx.onInvalidated(() => run.abort());

  const overlay = createOverlayController(window, {
    index,
    signal: run.signal,
    settings: () => settings,
    actions: {
      source: {
        tools: (ids) => send('catalog:tools', { ids }),
        category: (category) => send('catalog:category', { category }),
      },
      openCompare: (a, b) => void send('compare:open', b ? { a, b } : { a }),
      dismissPage: () => run.abort(),
      turnOffSite: () => void send('settings:turn-off-site', { host: siteOf(location.hostname) }).then(() => run.abort()),
      viewport: () => ({ width: window.innerWidth, height: window.innerHeight }),
    },
  });

  const scanner = startScanner(window, {
    index,
    signal: run.signal,
    ownHost: overlay.host,
    highlight: () => settings.display !== 'off',
    report: async (report) => {
      if (ctx.isInvalid) return;
      await send('page:report', report);
    },
    onScan: (_detection, marks, report) => overlay.update(marks, report),
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescanNow());

  // Settings changed in the options page reach this tab at once.
  const onSettings = (changes: Record<string, unknown>) => {
    if (!(SETTINGS_KEY in changes)) return;
    void send('settings:get', {}).then((next) => {
      settings = next;
      if (isOff(settings, location.hostname)) run.abort();
      else scanner.rescanNow();
    });
  };
  browser.storage.onChanged.addListener(onSettings);
  run.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onSettings));
}
