/**
 * One migration per settings version step, in order; a later version adds a step and never edits an
 * earlier one. Version 0 is anything stored before versioning (or nothing at all).
 */
import { SETTINGS_VERSION } from './schema';

type Raw = Record<string, unknown>;

export const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  // 0 → 1: the first versioned shape; an unversioned object is taken as it is and repaired field by field.
  0: (raw) => ({ ...raw, version: 1 }),
};

export function migrateSettings(raw: unknown): Raw {
  let current: Raw = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Raw) } : {};
  let version = typeof current.version === 'number' ? current.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version += 1;
  }
  return current;
}
