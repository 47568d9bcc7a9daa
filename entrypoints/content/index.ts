export default defineContentScript({
  matches: ['*://openai.com/*'], // replaced at build time by the catalog's vendor hosts (wxt.config.ts)
  main() {},
});
