/**
 * Accepting a new catalog document from a feed or a file: the whole document validated, never older
 * than the stored one, written in one transaction. Any refusal names the problem and leaves the stored
 * catalog as it was.
 */
import { compareVersions } from './schema';
import type { CatalogOrigin, CatalogStore } from './store';
import { parseCatalogText } from './validate';

export type UpdateOutcome =
  | { kind: 'updated'; version: string; toolCount: number }
  | { kind: 'current'; version: string }
  | { kind: 'refused'; error: string };

export async function acceptCatalogText(store: CatalogStore, text: string, origin: CatalogOrigin): Promise<UpdateOutcome> {
  const parsed = parseCatalogText(text);
  if (!parsed.ok) return { kind: 'refused', error: parsed.error };
  const { doc } = parsed;
  const meta = await store.meta();
  if (meta) {
    const order = compareVersions(doc.version, meta.version);
    if (order < 0) {
      return { kind: 'refused', error: `the catalog is older (version ${doc.version}) than the one in use (version ${meta.version})` };
    }
    if (order === 0 && origin === 'feed') return { kind: 'current', version: doc.version };
  }
  try {
    await store.replace(doc, origin);
  } catch (e) {
    return { kind: 'refused', error: `the catalog could not be saved (${describeWriteError(e)})` };
  }
  return { kind: 'updated', version: doc.version, toolCount: doc.tools.length };
}

function describeWriteError(e: unknown): string {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return 'the browser has no more storage space for the extension: QuotaExceededError';
  return e instanceof Error ? e.message : String(e);
}
