// @vitest-environment happy-dom
/**
 * Storage faults (issue 8): IndexedDB blocked by an older open version, quota exceeded while writing a
 * new catalog, IndexedDB failing to open. The extension keeps working on a good catalog and the
 * options page says what happened. (storage.sync over quota: src/settings/settings.test.ts.)
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledJson from '../../public/catalog.json';
import { createBackgroundHandlers } from '../messaging/background-handlers';
import type { TabStates } from '../tabs/tab-state';
import { createFramePolicies } from '../tabs/frame-policies';
import { DataSection } from '../ui/options/DataSection';
import { strings } from '../ui/strings';
import type { OptionsDeps } from '../ui/options/deps';
import { CatalogDocumentSchema } from './schema';
import { DETECTION_INDEX_KEY, OPEN_TIMEOUT_MS, startCatalogService, type CatalogService } from './service';
import { DB_VERSION, openIdbCatalogStore } from './store';
import { createCatalogUpdates } from './updates';

const bundled = CatalogDocumentSchema.parse(bundledJson);
const newer = JSON.stringify({ ...structuredClone(bundledJson), version: '2999.1.1' });
let dbCount = 0;
const freshName = () => `storage-faults-${++dbCount}-${Math.random()}`;

function backgroundFor(service: CatalogService, fetchImpl?: typeof fetch) {
  const updates = createCatalogUpdates({
    catalog: async () => service,
    bundled: async () => bundled,
    feedUrl: async () => 'https://feed.example/catalog.json',
    local: fakeBrowser.storage.local,
    fetchImpl,
  });
  const handlers = createBackgroundHandlers({ catalog: async () => service, index: async () => undefined, tabs: {} as TabStates, frames: createFramePolicies(), scanTab: async () => {}, updates, openTab: async () => {} });
  return { updates, handlers };
}

/** The options page's catalog section, answered by the background's handlers. */
function renderDataSection(handlers: ReturnType<typeof backgroundFor>['handlers']) {
  const sender = {};
  const deps = {
    catalogStatus: () => handlers['catalog:status']({}, sender),
    updateNow: () => handlers['feed:update-now']({}, sender),
    importText: (text: string) => handlers['catalog:import']({ text }, sender),
    reset: () => handlers['catalog:reset']({}, sender),
    exportText: async () => '',
  } as unknown as OptionsDeps;
  return render(h(DataSection, { deps, feedUrl: '', onFeedUrl: () => {} }));
}

const rawOpen = (name: string, version?: number) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('IndexedDB blocked by an older open version', () => {
  it(`falls back to the bundled catalog in memory within OPEN_TIMEOUT_MS (${OPEN_TIMEOUT_MS} ms), and the options page says so`, async () => {
    const name = freshName();
    const seed = await openIdbCatalogStore(name);
    seed.close();
    // An older version of the extension (another context) holding the database open, deaf to versionchange.
    const old = await rawOpen(name, DB_VERSION);
    let asked = 0;
    const versionchange = new Promise<void>((resolve) => (old.onversionchange = () => (asked++, resolve())));

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const starting = startCatalogService(bundled, fakeBrowser.storage.local, () => openIdbCatalogStore(name, DB_VERSION + 1)).finally(() => (settled = true));
    await versionchange; // the upgrade asked the old connection to close; it does not
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS - 1);
    expect(asked).toBe(1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const service = await starting;
    vi.useRealTimers();

    expect(service.store.kind).toBe('memory');
    expect(service.storageProblem).toBe(
      'IndexedDB is unavailable (IndexedDB did not open in time (an older version may be holding it open)); running on the bundled catalog in memory.',
    );
    expect((await service.store.getTool(bundled.tools[0]!.id))?.name).toBe(bundled.tools[0]!.name);
    expect((await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY]).toMatchObject({ catalogVersion: bundled.version });

    const { handlers } = backgroundFor(service);
    expect(await handlers['catalog:status']({}, {})).toMatchObject({ storage: 'memory', storageProblem: service.storageProblem, toolCount: bundled.tools.length });
    renderDataSection(handlers);
    await waitFor(() => expect(document.querySelector('[data-storage-problem]')?.textContent).toBe(service.storageProblem));
    expect(screen.getByRole('alert').textContent).toMatch(/did not open in time/);

    // Once the old version lets go, the late connection is closed rather than left to block the next upgrade.
    old.close();
    const next = await Promise.race([
      rawOpen(name, DB_VERSION + 2),
      new Promise<never>((_ok, fail) => setTimeout(() => fail(new Error('the late connection is still open and blocks the upgrade')), 1000)),
    ]);
    expect(next.version).toBe(DB_VERSION + 2);
    next.close();
  });
});

describe('quota exceeded while writing a new catalog', () => {
  /** IndexedDB refusing the write part-way: the 11th tool put throws QuotaExceededError. */
  function quotaAfter(puts: number) {
    let count = 0;
    const put = IDBObjectStore.prototype.put;
    return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'tools' && ++count > puts) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
  }

  async function seeded() {
    const name = freshName();
    const service = await startCatalogService(bundled, fakeBrowser.storage.local, () => openIdbCatalogStore(name));
    expect(service.store.kind).toBe('indexeddb');
    const before = { doc: JSON.stringify(await service.store.exportDocument()), meta: await service.store.meta() };
    return { name, service, before };
  }

  async function expectIntact(name: string, service: CatalogService, before: { doc: string; meta: unknown }) {
    expect(JSON.stringify(await service.store.exportDocument())).toBe(before.doc);
    expect(await service.store.meta()).toEqual(before.meta);
    expect((await service.store.allTools()).length).toBe(bundled.tools.length);
    expect((await service.store.getTool(bundled.tools[0]!.id))?.name).toBe(bundled.tools[0]!.name);
    // And from a fresh connection, as the next start of the extension would read it.
    const reopened = await openIdbCatalogStore(name);
    expect(JSON.stringify(await reopened.exportDocument())).toBe(before.doc);
    reopened.close();
    expect((await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY]).toMatchObject({ catalogVersion: bundled.version });
  }

  const message = /^the catalog could not be saved \(the browser has no more storage space for the extension: QuotaExceededError\)$/;

  it('a file import is refused with a clear message; the previous catalog stays intact and readable', async () => {
    const { name, service, before } = await seeded();
    const { handlers } = backgroundFor(service);
    quotaAfter(10);
    const outcome = await handlers['catalog:import']({ text: newer }, {});
    vi.restoreAllMocks();
    expect(outcome.kind === 'refused' && outcome.error).toMatch(message);
    await expectIntact(name, service, before);
  });

  it('a feed update is refused with a clear message; the previous catalog stays intact and readable', async () => {
    const { name, service, before } = await seeded();
    const fetchImpl = (async () => new Response(newer, { headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
    const { handlers } = backgroundFor(service, fetchImpl);
    quotaAfter(10);
    const status = await handlers['feed:update-now']({}, {});
    vi.restoreAllMocks();
    expect(status.outcome.kind === 'refused' && status.outcome.error).toMatch(message);
    await expectIntact(name, service, before);
  });

  it('the options page shows the refusal and that the catalog in use is unchanged', async () => {
    const { service } = await seeded();
    const { handlers } = backgroundFor(service);
    quotaAfter(0);
    const refused = await handlers['catalog:import']({ text: newer }, {});
    vi.restoreAllMocks();
    expect(refused.kind).toBe('refused');
    expect(strings.options.outcomes.refused(refused.kind === 'refused' ? refused.error : '')).toBe(
      'Not updated: the catalog could not be saved (the browser has no more storage space for the extension: QuotaExceededError). The catalog in use is unchanged.',
    );
  });
});

describe('IndexedDB failing to open', () => {
  // service.test.ts covers the fallback itself; here: what the options page shows, and that the
  // extension still takes a new catalog, in memory.
  it('runs on the bundled catalog in memory, says so on the options page, and still accepts an import', async () => {
    const service = await startCatalogService(bundled, fakeBrowser.storage.local, () =>
      Promise.reject(new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError')),
    );
    expect(service.store.kind).toBe('memory');
    const { handlers } = backgroundFor(service);
    renderDataSection(handlers);
    await waitFor(() =>
      expect(document.querySelector('[data-storage-problem]')?.textContent).toBe(
        'IndexedDB is unavailable (A mutation operation was attempted on a database that did not allow mutations.); running on the bundled catalog in memory.',
      ),
    );
    expect(await handlers['catalog:import']({ text: newer }, {})).toMatchObject({ kind: 'updated', version: '2999.1.1' });
    expect((await service.store.meta())?.origin).toBe('import');
    expect((await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY]).toMatchObject({ catalogVersion: '2999.1.1' });
  });
});
