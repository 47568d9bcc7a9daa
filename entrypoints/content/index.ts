import { startContentScript } from '../../src/content/start';
// The highlight styles ship as manifest CSS (content-scripts/content.css): no node, no late restyle.
import '../../assets/highlights.css';

export default defineContentScript({
  matches: ['*://openai.com/*'], // replaced at build time by the catalog's vendor hosts (wxt.config.ts)
  runAt: 'document_idle',
  allFrames: true,
  main: (ctx) => startContentScript(ctx),
});
