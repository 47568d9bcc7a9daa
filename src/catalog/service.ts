/**
 * The background's catalog: open the store (IndexedDB, or the bundled document in memory when it
 * cannot open), seed it from the bundled document, and publish the compact detection index and its
 * compiled matcher to `storage.local` for content scripts.
 */
import { compileMatcher } from '../detect/compiled-matcher';
import { buildDetectionIndex, DETECTION_INDEX_KEY, type DetectionIndex } from '../detect/detection-index';
import { DETECTION_MATCHER_KEY, isPackingOf, packMatcher } from '../detect/packed-matcher';
import type { CatalogDocument } from './schema';
import { memoryCatalogStore, openIdbCatalogStore, seedFromBundled, type CatalogStore } from './store';
import { parseCatalogValue } from './validate';

export { DETECTION_INDEX_KEY, DETECTION_MATCHER_KEY };

/** Storage the index is published to (browser.storage.local in the extension). */
export interface IndexPublisher {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface CatalogService {
  store: CatalogStore;
  /** Why the catalog is held in memory, when it is. */
  storageProblem?: string;
  publishIndex(): Promise<DetectionIndex>;
}

/** How long opening IndexedDB may take before we run on the bundled document (a blocked upgrade never settles). */
export const OPEN_TIMEOUT_MS = 4000;

export async function loadBundledDocument(fetchText: () => Promise<string>): Promise<CatalogDocument> {
  const parsed = parseCatalogValue(JSON.parse(await fetchText()));
  // The bundled file is checked by tests at build time; failing here means a broken build.
  if (!parsed.ok) throw new Error(`the bundled catalog is invalid: ${parsed.error}`);
  return parsed.doc;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export async function startCatalogService(
  bundled: CatalogDocument,
  publisher: IndexPublisher,
  openStore: () => Promise<CatalogStore> = () => openIdbCatalogStore(),
): Promise<CatalogService> {
  let store: CatalogStore;
  let storageProblem: string | undefined;
  const opening = (async () => openStore())();
  try {
    store = await withTimeout(opening, OPEN_TIMEOUT_MS, 'IndexedDB did not open in time (an older version may be holding it open)');
    await seedFromBundled(store, bundled);
  } catch (e) {
    storageProblem = `IndexedDB is unavailable (${e instanceof Error ? e.message : String(e)}); running on the bundled catalog in memory.`;
    store = memoryCatalogStore(bundled);
    // A blocked open may still succeed later: close that connection, or it would block the next upgrade.
    void opening.then(
      (late) => late.close(),
      () => {},
    );
  }
  const service: CatalogService = {
    store,
    storageProblem,
    async publishIndex() {
      const index = buildDetectionIndex((await store.exportDocument()) ?? bundled);
      // One write for both, so a page never reads an index with another catalog's matcher.
      await publisher.set({ [DETECTION_INDEX_KEY]: index, [DETECTION_MATCHER_KEY]: packMatcher(compileMatcher(index), index) });
      return index;
    },
  };
  // Publish only when the stored index is not this catalog's: a worker waking up changes nothing.
  const published = await publisher.get([DETECTION_INDEX_KEY, DETECTION_MATCHER_KEY]);
  const current = published[DETECTION_INDEX_KEY] as DetectionIndex | undefined;
  const meta = await store.meta();
  if (
    !current ||
    current.catalogVersion !== meta?.version ||
    current.tools.length !== (await store.allTools()).length ||
    // Published by a version without the packed matcher, or with another packing of it.
    !isPackingOf(published[DETECTION_MATCHER_KEY], current)
  ) {
    await service.publishIndex();
  }
  return service;
}
