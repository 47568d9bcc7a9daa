import { startContentScript } from '../../src/content/start';

export default defineContentScript({
  matches: ['*://openai.com/*'], // replaced at build time by the catalog's vendor hosts (wxt.config.ts)
  runAt: 'document_idle',
  allFrames: true,
  main: (ctx) => startContentScript(ctx),
});
