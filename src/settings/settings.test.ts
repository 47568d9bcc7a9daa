import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettings } from './migrations';
import { DEFAULT_SETTINGS, repairSettings } from './schema';
import { loadSettings, saveSettings, SETTINGS_KEY } from './store';

describe('settings repair', () => {
  it('gives defaults for nothing stored', () => {
    expect(repairSettings(migrateSettings(undefined))).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });

  it('keeps good fields and replaces only the bad ones', () => {
    const { settings, repaired } = repairSettings({
      version: 1,
      display: 'sparkles',
      usage: { inputTokensPerMonth: 5_000_000, seats: -3 },
      preferences: { order: ['value', 'value', 'performance', 'reliability'], weights: { value: 3, performance: 9 } },
      alternatives: { 'llm-api': 'gpt-4-1-mini', 'image-generator': '<b>x</b>' },
      feedUrl: 'http://insecure.example/feed.json',
      offSites: ['example.com'],
    });
    expect(settings.display).toBe('chips');
    expect(settings.usage.inputTokensPerMonth).toBe(5_000_000);
    expect(settings.usage.seats).toBe(DEFAULT_SETTINGS.usage.seats);
    expect(settings.preferences.order).toEqual(DEFAULT_SETTINGS.preferences.order);
    expect(settings.preferences.weights).toEqual({ performance: 2, value: 3, reliability: 2, easeOfUse: 2 });
    expect(settings.alternatives).toEqual({ 'llm-api': 'gpt-4-1-mini' });
    expect(settings.feedUrl).toBe('');
    expect(settings.offSites).toEqual(['example.com']);
    expect(repaired.sort()).toEqual(
      ['alternatives.image-generator', 'display', 'feedUrl', 'preferences.order', 'preferences.weights.performance', 'usage.seats'].sort(),
    );
  });

  it('migrates an unversioned object to version 1', () => {
    expect(migrateSettings({ display: 'off' })).toEqual({ display: 'off', version: 1 });
    expect(repairSettings(migrateSettings({ display: 'off' })).settings.display).toBe('off');
  });
});

describe('settings storage', () => {
  it('round-trips through storage.sync', async () => {
    const next = { ...DEFAULT_SETTINGS, display: 'highlights' as const };
    expect(await saveSettings(next)).toEqual({ synced: true });
    expect(await loadSettings()).toEqual(next);
  });

  it('keeps settings locally when storage.sync is over quota', async () => {
    const next = { ...DEFAULT_SETTINGS, display: 'off' as const };
    const areas = {
      sync: {
        get: async () => ({}),
        set: async () => {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        },
      },
      local: fakeBrowser.storage.local,
    };
    expect(await saveSettings(next, areas)).toEqual({ synced: false, error: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
    expect(await loadSettings(areas)).toEqual(next);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(next);
  });

  it('after sync goes over quota, reads the newer local copy rather than the older one sync still holds', async () => {
    const older = { ...DEFAULT_SETTINGS, display: 'highlights' as const };
    const newer = { ...DEFAULT_SETTINGS, display: 'off' as const, offSites: ['example.com'] };
    const synced = new Map<string, unknown>();
    let overQuota = false;
    const areas = {
      sync: {
        get: async (key: string) => (synced.has(key) ? { [key]: synced.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          if (overQuota) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
          for (const [k, v] of Object.entries(items)) synced.set(k, v);
        },
      },
      local: fakeBrowser.storage.local,
    };
    expect(await saveSettings(older, areas)).toEqual({ synced: true });
    overQuota = true;
    expect(await saveSettings(newer, areas)).toMatchObject({ synced: false });
    expect(synced.get(SETTINGS_KEY)).toEqual(older);
    expect(await loadSettings(areas)).toEqual(newer);
    // Once sync takes a write again, it is the source once more (changes from other devices included).
    overQuota = false;
    expect(await saveSettings(newer, areas)).toEqual({ synced: true });
    synced.set(SETTINGS_KEY, older);
    expect(await loadSettings(areas)).toEqual(older);
  });
});
