/** The content script's wiring: settings and index in, scan, mark, overlay, report; stop quietly when invalidated. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CompiledMatcher } from '../detect/compiled-matcher';
import { DETECTION_INDEX_KEY, type DetectionIndex } from '../detect/detection-index';
import { DETECTION_MATCHER_KEY, unpackMatcher } from '../detect/packed-matcher';
import { policiesAllowWasm } from '../detect/wasm/policy-allows-wasm';
import { compileTextScanModule } from '../detect/wasm/wasm-text-scanner';
import { send } from '../messaging/client';
import type { Settings } from '../settings/schema';
import { SETTINGS_KEY } from '../settings/keys';
import { createOverlayController } from './overlay-controller';
import { startScanner } from './scanner';
import { debugLog } from '../debug-log';

interface Published {
  index: DetectionIndex;
  /** The background's compiled matcher for this index, or undefined (then the scanner compiles). */
  matcher?: CompiledMatcher;
}

const published = (items: Record<string, unknown>): Published | undefined => {
  const index = items[DETECTION_INDEX_KEY] as DetectionIndex | undefined;
  return index && { index, matcher: unpackMatcher(items[DETECTION_MATCHER_KEY], index) };
};

async function readIndex(ctx: ContentScriptContext): Promise<Published> {
  const stored = published(await browser.storage.local.get([DETECTION_INDEX_KEY, DETECTION_MATCHER_KEY]));
  if (stored) return stored;
  // First run right after install: the background is still publishing the index.
  return new Promise<Published>((resolve) => {
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      const next = published({
        [DETECTION_INDEX_KEY]: changes[DETECTION_INDEX_KEY]?.newValue,
        [DETECTION_MATCHER_KEY]: changes[DETECTION_MATCHER_KEY]?.newValue,
      });
      if (next) {
        browser.storage.local.onChanged.removeListener(listener);
        resolve(next);
      }
    };
    browser.storage.local.onChanged.addListener(listener);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(listener));
  });
}

/**
 * The WebAssembly text scan, compiled off the main thread while storage is read, only where the page's
 * policies allow it: the page's CSP governs this world too, and a refused compile would fire a
 * violation at the page and its report endpoint. Headers are the background's to read; `<meta>`
 * policies are the document's. Otherwise (or unknown) undefined, and the scanner works in JavaScript.
 */
async function textScanModule(): Promise<WebAssembly.Module | undefined> {
  const metas = [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')].map((m) => m.getAttribute('content') ?? '');
  if (!policiesAllowWasm(metas)) return undefined;
  const { allowed } = await send('frame:wasm', {}).catch(() => ({ allowed: false }));
  return allowed ? compileTextScanModule() : undefined;
}

const quiet = (e: unknown) => debugLog(e);
const siteOf = (hostname: string) => hostname.toLowerCase().replace(/^www\./, '');
const isOff = (settings: Settings, hostname: string) => settings.offSites.some((s) => siteOf(hostname) === s || siteOf(hostname).endsWith(`.${s}`));

/**
 * Start, and stay quiet on failure: after an extension update or reload the old script's messages
 * fail ("context invalidated"); the page must never see an error of ours.
 */
export function startContentScript(ctx: ContentScriptContext): Promise<void> {
  return run(ctx).catch((e: unknown) => {
    if (ctx.isValid) debugLog('content script stopped:', e);
  });
}

async function run(ctx: ContentScriptContext): Promise<void> {
  // On a site the person turned off, nothing but this one message: no read of the index and matcher
  // (about 200 K characters from storage), no question about the page's policy, no compile. Elsewhere
  // the read and the compile start one message later, well inside the wait for an idle period that
  // comes before the first scan.
  let settings = await send('settings:get', {});
  if (ctx.isInvalid || isOff(settings, location.hostname)) return;
  const [{ index, matcher }, wasm] = await Promise.all([readIndex(ctx), textScanModule()]);
  if (ctx.isInvalid) return;

  // Everything this page run owns stops with `pageRun` (dismiss) or with the script (update, reload).
  const pageRun = new AbortController();
  ctx.onInvalidated(() => pageRun.abort());
  // After an update or reload that injects no new copy into this tab (a vendor page without all-sites
  // access), nothing tells this copy its context is gone, and its panel would linger, dead. Look when
  // the person could meet it — back on the tab, pointer or focus moving — and stop then (reading
  // `isInvalid` aborts the context when the extension is gone). A property read; nothing runs when idle.
  const checkContext = () => void ctx.isInvalid;
  for (const type of ['pointerover', 'focusin', 'visibilitychange']) ctx.addEventListener(document, type, checkContext, { capture: true, passive: true });

  const overlay = createOverlayController(window, {
    index,
    signal: pageRun.signal,
    settings: () => settings,
    actions: {
      source: {
        tools: (ids) => send('catalog:tools', { ids }),
        category: (category) => send('catalog:category', { category }),
      },
      openCompare: (a, b) => void send('compare:open', b ? { a, b } : { a }).catch(quiet),
      dismissPage: () => pageRun.abort(),
      turnOffSite: () => void send('settings:turn-off-site', { host: siteOf(location.hostname) }).then(() => pageRun.abort(), quiet),
      viewport: () => ({ width: window.innerWidth, height: window.innerHeight }),
    },
  });

  const scanner = startScanner(window, {
    index,
    matcher,
    wasm,
    signal: pageRun.signal,
    ownHost: overlay.host,
    highlight: () => settings.display !== 'off',
    onError: quiet,
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
      if (isOff(settings, location.hostname)) pageRun.abort();
      else scanner.rescanNow();
    }, quiet);
  };
  browser.storage.onChanged.addListener(onSettings);
  pageRun.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onSettings));
}
