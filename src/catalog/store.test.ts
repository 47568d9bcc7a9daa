import { describe, expect, it } from 'vitest';
import bundledJson from '../../public/catalog.json';
import { CatalogDocumentSchema, type CatalogDocument } from './schema';
import { memoryCatalogStore, openIdbCatalogStore, seedFromBundled } from './store';

const bundled: CatalogDocument = CatalogDocumentSchema.parse(bundledJson);
let dbCounter = 0;
const freshName = () => `vl-test-${++dbCounter}-${Math.random()}`;

function withVersion(doc: CatalogDocument, version: string, mutate?: (d: CatalogDocument) => void): CatalogDocument {
  const next = structuredClone(doc);
  next.version = version;
  mutate?.(next);
  return next;
}

describe('IndexedDB catalog store', () => {
  it('seeds an empty store from the bundled document', async () => {
    const store = await openIdbCatalogStore(freshName());
    expect(await seedFromBundled(store, bundled)).toBe('seeded');
    expect((await store.allTools()).length).toBe(bundled.tools.length);
    expect((await store.getTool('gpt-4-1-mini'))?.overall).toBe(8.9);
    expect((await store.meta())?.origin).toBe('bundled');
    store.close();
  });

  it('finds tools by alias, category and vendor domain', async () => {
    const store = await openIdbCatalogStore(freshName());
    await seedFromBundled(store, bundled);
    expect((await store.byAlias('GPT\u20114.1 mini'))?.id).toBe('gpt-4-1-mini');
    expect((await store.byAlias('sd 3.5'))?.id).toBe('stable-diffusion');
    expect(await store.byAlias('no such tool')).toBeUndefined();
    expect((await store.byCategory('image-generator')).map((t) => t.id)).toContain('stable-diffusion');
    expect((await store.byDomain('openai.com')).map((t) => t.id)).toContain('gpt-4-1-mini');
    store.close();
  });

  it('a newer bundled version replaces an older stored one', async () => {
    const name = freshName();
    const store = await openIdbCatalogStore(name);
    await seedFromBundled(store, withVersion(bundled, '2000.1.1'));
    const newer = withVersion(bundled, '2999.1.1', (d) => (d.tools[0]!.tagline = 'Changed tagline'));
    expect(await seedFromBundled(store, newer)).toBe('upgraded');
    expect((await store.meta())?.version).toBe('2999.1.1');
    expect((await store.getTool(newer.tools[0]!.id))?.tagline).toBe('Changed tagline');
    store.close();
  });

  it('an older or equal bundled version never replaces the stored one (e.g. newer from a feed)', async () => {
    const store = await openIdbCatalogStore(freshName());
    await store.replace(withVersion(bundled, '3000.1.1'), 'feed');
    expect(await seedFromBundled(store, bundled)).toBe('kept');
    expect(await seedFromBundled(store, withVersion(bundled, '3000.1.1'))).toBe('kept');
    expect((await store.meta())?.origin).toBe('feed');
    store.close();
  });

  it('keeps data across reopening and exports the same document it stored', async () => {
    const name = freshName();
    const first = await openIdbCatalogStore(name);
    await seedFromBundled(first, bundled);
    first.close();
    const second = await openIdbCatalogStore(name);
    const exported = await second.exportDocument();
    expect(exported).toEqual({ ...bundled, tools: [...bundled.tools].sort((a, b) => a.id.localeCompare(b.id)) });
    expect(CatalogDocumentSchema.safeParse(exported).success).toBe(true);
    second.close();
  });

  it('replace drops tools no longer in the document', async () => {
    const store = await openIdbCatalogStore(freshName());
    await seedFromBundled(store, bundled);
    const smaller = withVersion(bundled, '2999.1.1', (d) => (d.tools = d.tools.filter((t) => t.id === 'stable-diffusion')));
    await store.replace(smaller, 'import');
    expect((await store.allTools()).map((t) => t.id)).toEqual(['stable-diffusion']);
    expect(await store.getTool('gpt-4-1-mini')).toBeUndefined();
    store.close();
  });
});

describe('memory catalog store', () => {
  it('answers the same questions as the IndexedDB store', async () => {
    const store = memoryCatalogStore(bundled);
    expect(store.kind).toBe('memory');
    expect((await store.getTools(['stable-diffusion', 'nope', 'gpt-4-1-mini'])).map((t) => t.id)).toEqual(['stable-diffusion', 'gpt-4-1-mini']);
    expect((await store.byAlias('gpt-4.1-mini'))?.id).toBe('gpt-4-1-mini');
    expect((await store.meta())?.version).toBe(bundled.version);
  });
});

describe('schema migrations', () => {
  it('a fresh database gets every store and index from the migrations', async () => {
    const name = freshName();
    const store = await openIdbCatalogStore(name);
    store.close();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames].sort()).toEqual(['meta', 'tools']);
    expect([...raw.transaction('tools').objectStore('tools').indexNames].sort()).toEqual(['alias', 'category', 'domain']);
    raw.close();
  });

  it('an existing database at the current version opens without losing data', async () => {
    const name = freshName();
    const first = await openIdbCatalogStore(name);
    await seedFromBundled(first, bundled);
    first.close();
    const again = await openIdbCatalogStore(name);
    expect((await again.allTools()).length).toBe(bundled.tools.length);
    again.close();
  });
});
