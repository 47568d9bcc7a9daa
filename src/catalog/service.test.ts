import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledJson from '../../public/catalog.json';
import { CatalogDocumentSchema } from './schema';
import { DETECTION_INDEX_KEY, loadBundledDocument, startCatalogService } from './service';
import { openIdbCatalogStore } from './store';
import type { DetectionIndex } from '../detect/detection-index';

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
