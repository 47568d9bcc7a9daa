/** The content script's wiring: read the published index, scan, report; stop quietly when invalidated. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DETECTION_INDEX_KEY, type DetectionIndex } from '../detect/detection-index';
import { send } from '../messaging/client';
import { startScanner } from './scanner';

export async function startContentScript(ctx: ContentScriptContext): Promise<void> {
  const read = async () =>
    (await browser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY] as DetectionIndex | undefined;
  let index = await read().catch(() => undefined);
  if (!index) {
    // First run right after install: the background is still publishing the index.
    index = await new Promise<DetectionIndex>((resolve) => {
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
  if (ctx.isInvalid) return;

  const scanner = startScanner(window, {
    index,
    signal: ctx.signal,
    report: async (report) => {
      if (ctx.isInvalid) return;
      await send('page:report', report);
    },
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescanNow());
}
