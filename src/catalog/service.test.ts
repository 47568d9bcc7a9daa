import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledJson from '../../public/catalog.json';
import { CatalogDocumentSchema } from './schema';
import { DETECTION_INDEX_KEY, DETECTION_MATCHER_KEY, loadBundledDocument, startCatalogService } from './service';
import { openIdbCatalogStore } from './store';
import type { DetectionIndex } from '../detect/detection-index';
import { MATCHER_FORMAT, unpackMatcher } from '../detect/packed-matcher';

const bundled = CatalogDocumentSchema.parse(bundledJson);

describe('catalog service', () => {
  it('seeds IndexedDB and publishes the detection index to storage.local', async () => {
    const service = await startCatalogService(bundled, fakeBrowser.storage.local, () => openIdbCatalogStore(`svc-${Math.random()}`));
    expect(service.store.kind).toBe('indexeddb');
    expect(service.storageProblem).toBeUndefined();
    const { [DETECTION_INDEX_KEY]: index } = (await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY)) as { [DETECTION_INDEX_KEY]: DetectionIndex };
    expect(index.catalogVersion).toBe(bundled.version);
    expect(index.tools.map((t) => t.id).sort()).toEqual(bundled.tools.map((t) => t.id).sort());
    // compact: no pros, cons or pricing in what every page load reads
    expect(Object.keys(index.tools[0]!)).not.toContain('pros');
  });

  it('publishes the compiled matcher in the same write as the index, and again only when it is missing or stale', async () => {
    const local = fakeBrowser.storage.local;
    await local.clear();
    const writes: string[][] = [];
    const publisher = { get: (k: string | string[]) => local.get(k), set: async (items: Record<string, unknown>) => {
        writes.push(Object.keys(items).sort());
        await local.set(items);
      },
    };
    const open = () => openIdbCatalogStore(`svc-${Math.random()}`);
    await startCatalogService(bundled, publisher, open);
    expect(writes).toEqual([[DETECTION_INDEX_KEY, DETECTION_MATCHER_KEY].sort()]);
    const stored = await local.get([DETECTION_INDEX_KEY, DETECTION_MATCHER_KEY]);
    const index = stored[DETECTION_INDEX_KEY] as DetectionIndex;
    expect(unpackMatcher(stored[DETECTION_MATCHER_KEY], index)).toBeDefined();

    // A worker waking up with everything current writes nothing.
    await startCatalogService(bundled, publisher, open);
    expect(writes).toHaveLength(1);
    // An index published by a version without the matcher, or with an older packing of it: published again.
    await local.remove(DETECTION_MATCHER_KEY);
    await startCatalogService(bundled, publisher, open);
    expect(writes).toHaveLength(2);
    await local.set({ [DETECTION_MATCHER_KEY]: { ...(stored[DETECTION_MATCHER_KEY] as object), format: MATCHER_FORMAT - 1 } });
    await startCatalogService(bundled, publisher, open);
    expect(writes).toHaveLength(3);
    expect(unpackMatcher((await local.get(DETECTION_MATCHER_KEY))[DETECTION_MATCHER_KEY], index)).toBeDefined();
  });

  it('falls back to the bundled document in memory when IndexedDB fails to open, and says why', async () => {
    const service = await startCatalogService(bundled, fakeBrowser.storage.local, () => Promise.reject(new Error('QuotaExceededError')));
    expect(service.store.kind).toBe('memory');
    expect(service.storageProblem).toMatch(/QuotaExceededError/);
    expect((await service.store.getTool('gpt-4-1-mini'))?.name).toBe('GPT-4.1 Mini');
    expect((await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY]).toBeDefined();
  });

  it('refuses an invalid bundled document with the bad field named', async () => {
    const broken = structuredClone(bundledJson) as { tools: { overall: number }[] };
    broken.tools[0]!.overall = 42;
    await expect(loadBundledDocument(async () => JSON.stringify(broken))).rejects.toThrow(/tools\[0\]\.overall: must be 10 or less/);
  });
});
