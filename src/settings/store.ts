/**
 * Settings in `browser.storage.sync` (so they follow the user), mirrored in `storage.local`: when sync
 * is over quota or unavailable the local copy still keeps them. Read = migrate + repair.
 */
import { browser } from 'wxt/browser';
import { migrateSettings } from './migrations';
import { repairSettings, type Settings } from './schema';

export { SETTINGS_KEY } from './keys';
import { SETTINGS_KEY } from './keys';

interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SettingsAreas {
  sync: Area;
  local: Area;
}

const defaultAreas = (): SettingsAreas => ({ sync: browser.storage.sync, local: browser.storage.local });

/** In storage.local: true while the local copy is newer than sync's (the last sync write failed). */
const UNSYNCED_KEY = 'settingsUnsynced';

export async function loadSettings(areas: SettingsAreas = defaultAreas()): Promise<Settings> {
  const local = await areas.local.get(SETTINGS_KEY).then((r) => r, () => ({}) as Record<string, unknown>);
  const unsynced = await areas.local.get(UNSYNCED_KEY).then((r) => r[UNSYNCED_KEY] === true, () => false);
  // After a failed sync write, sync still holds the settings from before: the local copy is the user's.
  const fromSync = unsynced ? undefined : await areas.sync.get(SETTINGS_KEY).then((r) => r[SETTINGS_KEY], () => undefined);
  const raw = fromSync ?? local[SETTINGS_KEY];
  return repairSettings(migrateSettings(raw)).settings;
}

/** Save; returns where it was kept. Sync failing (quota) is not a loss: the local copy holds them. */
export async function saveSettings(settings: Settings, areas: SettingsAreas = defaultAreas()): Promise<{ synced: boolean; error?: string }> {
  await areas.local.set({ [SETTINGS_KEY]: settings, [UNSYNCED_KEY]: true });
  try {
    await areas.sync.set({ [SETTINGS_KEY]: settings });
  } catch (e) {
    return { synced: false, error: e instanceof Error ? e.message : String(e) };
  }
  await areas.local.set({ [UNSYNCED_KEY]: false });
  return { synced: true };
}

export async function updateSettings(change: (s: Settings) => Settings, areas: SettingsAreas = defaultAreas()) {
  return saveSettings(change(await loadSettings(areas)), areas);
}

/** Follow changes from any context (options page → open tabs at once). */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (SETTINGS_KEY in changes && (area === 'sync' || area === 'local')) {
      onChange(repairSettings(migrateSettings(changes[SETTINGS_KEY]?.newValue)).settings);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
