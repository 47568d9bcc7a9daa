/**
 * The catalog for our own extension pages (compare, options, popup search): the IndexedDB store in
 * the extension's origin, or the bundled document in memory when the store cannot open or is not yet
 * seeded.
 */
import { browser } from 'wxt/browser';
import { loadBundledDocument } from './service';
import { memoryCatalogStore, openIdbCatalogStore, type CatalogStore } from './store';

export async function openPageCatalog(): Promise<CatalogStore> {
  try {
    const store = await openIdbCatalogStore();
    if (await store.meta()) return store;
    store.close();
  } catch {
    // fall through to the bundled document
  }
  const doc = await loadBundledDocument(async () => (await fetch(browser.runtime.getURL('/catalog.json'))).text());
  return memoryCatalogStore(doc);
}
