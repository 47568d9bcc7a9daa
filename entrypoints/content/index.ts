import { startContentScript } from '../../src/content/start';
// The highlight styles ship as manifest CSS (content-scripts/content.css): no node, no late restyle.
import '../../assets/highlights.css';

export default defineContentScript({
  matches: ['*://openai.com/*'], // replaced at build time by the catalog's vendor hosts (wxt.config.ts)
  runAt: 'document_idle',
  allFrames: true,
  // WXT would otherwise window.postMessage a "script started" note naming our extension id: the page
  // could read it (a fingerprint) and forge it. Older copies are still stopped through a document event.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContentScript(ctx),
});
