import { browser } from 'wxt/browser';
import { startContentScript } from '../../src/content/start';
import { guardScriptStartedEvent } from '../../src/content/started-guard';
// The highlight styles ship as manifest CSS (content-scripts/content.css): no node, no late restyle.
import '../../assets/highlights.css';

// Before WXT makes this copy's context: only a real newer copy (or our own dead context) may stop us,
// never the page forging WXT's start event. See started-guard.ts.
guardScriptStartedEvent(window, `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`, () => browser.runtime?.id != null);

export default defineContentScript({
  matches: ['*://openai.com/*'], // replaced at build time by the catalog's vendor hosts (wxt.config.ts)
  runAt: 'document_idle',
  allFrames: true,
  // WXT would otherwise window.postMessage a "script started" note naming our extension id: the page
  // could read it (a fingerprint) and forge it. Older copies are still stopped through a document event.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx),
});
