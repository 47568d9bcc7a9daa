import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledJson from '../../public/catalog.json';
import { CatalogDocumentSchema } from './schema';
import { DETECTION_INDEX_KEY, startCatalogService } from './service';
import { memoryCatalogStore } from './store';
import { createCatalogUpdates, FEED_STATUS_KEY } from './updates';
import type { DetectionIndex } from '../detect/detection-index';

const bundled = CatalogDocumentSchema.parse(bundledJson);

async function setup(feedUrl: string, respond: () => Response) {
  const service = await startCatalogService(bundled, fakeBrowser.storage.local, async () => memoryCatalogStore(bundled));
  return createCatalogUpdates({
    catalog: async () => service,
    bundled: async () => bundled,
    feedUrl: async () => feedUrl,
    local: fakeBrowser.storage.local,
    fetchImpl: (async () => respond()) as unknown as typeof fetch,
  });
}
const index = async () => (await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY] as DetectionIndex;

describe('catalog updates in the background', () => {
  it('republishes the detection index after a feed update and records the status', async () => {
    const newer = { ...structuredClone(bundled), version: '2999.1.1' };
    const updates = await setup('https://feed.example/c.json', () => new Response(JSON.stringify(newer), { headers: { 'content-type': 'application/json' } }));
    const status = await updates.updateFromFeed();
    expect(status.outcome).toMatchObject({ kind: 'updated', version: '2999.1.1' });
    expect((await index()).catalogVersion).toBe('2999.1.1');
    expect((await fakeBrowser.storage.local.get(FEED_STATUS_KEY))[FEED_STATUS_KEY]).toEqual(status);
  });

  it('says so when no feed is set', async () => {
    const updates = await setup('', () => new Response('{}'));
    expect((await updates.updateFromFeed()).outcome).toEqual({ kind: 'refused', error: 'no feed URL is set' });
  });

  it('a refused import leaves the index as it was; reset goes back to the bundled catalog', async () => {
    const updates = await setup('', () => new Response('{}'));
    expect(await updates.importText('{"schemaVersion":1}')).toMatchObject({ kind: 'refused' });
    expect((await index()).catalogVersion).toBe(bundled.version);
    const newer = { ...structuredClone(bundled), version: '2999.1.1' };
    expect(await updates.importText(JSON.stringify(newer))).toMatchObject({ kind: 'updated' });
    expect((await index()).catalogVersion).toBe('2999.1.1');
    expect(await updates.resetToBundled()).toMatchObject({ kind: 'updated', version: bundled.version });
    expect((await index()).catalogVersion).toBe(bundled.version);
  });
});
