import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { vendorMatchPatterns } from './src/catalog/vendor-matches';

/** The vendors' hosts, read from the bundled catalog at build time: the content script always runs there. */
function bundledVendorMatches(): string[] {
  const doc = JSON.parse(readFileSync(new URL('./public/catalog.json', import.meta.url), 'utf8')) as {
    tools: { domains: string[] }[];
  };
  return vendorMatchPatterns(doc.tools.flatMap((t) => t.domains));
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Versus Lens',
    description: 'Independent scores and head-to-head verdicts for AI tools, right on the vendor’s page.',
    // webRequest: only to read the Content-Security-Policy headers of pages we have access to, which
    // decide whether our content script may compile WebAssembly there (src/tabs/frame-policies.ts).
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'webRequest'],
    // All sites only on request, from the options page; MV2 (Firefox) names it among optional permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: 'Versus Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'versus-lens@versuslens.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The popup is built on its own, so its code is one file instead of chunks shared with the
    // options and comparison pages: an extension page's every file waits on the browser's main
    // thread, and with five files the popup showed its first tool 20 ms later (bench).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length === 1) continue;
        const at = group.findIndex((e) => e.name === 'popup');
        if (at < 0) continue;
        groups.push(group.splice(at, 1));
        return;
      }
    },
    // Content-script matches come from the catalog, so adding a vendor never needs a code change.
    'build:manifestGenerated': (_wxt, manifest) => {
      const matches = bundledVendorMatches();
      for (const cs of manifest.content_scripts ?? []) cs.matches = matches;
    },
  },
});
