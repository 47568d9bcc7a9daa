// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.cursor.com/pricing" }
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';

/*
 * The content script's start with the extension's side faked: what it asks the background, what it
 * reads from storage, whether it compiles the WebAssembly scan and starts a scanner.
 */
const calls = vi.hoisted(() => ({
  sent: [] as string[],
  storageReads: 0,
  compiles: 0,
  scanners: [] as { wasm: unknown }[],
  settings: undefined as unknown,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async () => {
          calls.storageReads++;
          return { detectionIndex: { catalogVersion: 'test', tools: [] } };
        },
        onChanged: { addListener: () => {}, removeListener: () => {} },
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));
vi.mock('../messaging/client', () => ({
  send: async (type: string) => {
    calls.sent.push(type);
    if (type === 'settings:get') return calls.settings;
    if (type === 'frame:wasm') return { allowed: true };
    return {};
  },
}));
vi.mock('../detect/wasm/wasm-text-scanner', () => ({
  compileTextScanModule: async () => {
    calls.compiles++;
    return { compiled: true };
  },
}));
vi.mock('./overlay-controller', () => ({ createOverlayController: () => ({ host: null, update: () => {} }) }));
vi.mock('./scanner', () => ({
  startScanner: (_window: Window, options: { wasm: unknown }) => {
    calls.scanners.push({ wasm: options.wasm });
    return { rescanNow: () => {} };
  },
}));

const { startContentScript } = await import('./start');

/** Enough of WXT's ContentScriptContext for the start. */
const context = () =>
  ({
    isValid: true,
    isInvalid: false,
    onInvalidated: () => {},
    addEventListener: () => {},
  }) as unknown as Parameters<typeof startContentScript>[0];

beforeEach(() => {
  calls.sent = [];
  calls.storageReads = 0;
  calls.compiles = 0;
  calls.scanners = [];
});

describe('startContentScript', () => {
  it('on a site the person turned off, asks for the settings and does nothing else', async () => {
    calls.settings = { ...DEFAULT_SETTINGS, offSites: ['cursor.com'] } satisfies Settings; // the page is www.cursor.com
    await startContentScript(context());
    expect(calls.sent).toEqual(['settings:get']);
    expect(calls.storageReads).toBe(0);
    expect(calls.compiles).toBe(0);
    expect(calls.scanners).toEqual([]);
  });

  it('elsewhere, reads the index, compiles the WebAssembly scan where the page allows it, and scans with it', async () => {
    calls.settings = { ...DEFAULT_SETTINGS, offSites: ['elsewhere.example'] } satisfies Settings;
    await startContentScript(context());
    expect(calls.sent).toEqual(['settings:get', 'frame:wasm']);
    expect(calls.storageReads).toBe(1);
    expect(calls.compiles).toBe(1);
    expect(calls.scanners).toEqual([{ wasm: { compiled: true } }]);
  });
});
