/**
 * The catalog in IndexedDB, in the extension's origin (never opened from a content script: there
 * IndexedDB would be the page's). One transaction per write, so a failed write leaves the last good
 * catalog as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { compareVersions, normalizeAliasKey, type CatalogDocument, type Category, type Tool } from './schema';

export const DB_NAME = 'versus-lens';
export const DB_VERSION = 1;

export type CatalogOrigin = 'bundled' | 'feed' | 'import';

export interface CatalogMeta {
  schemaVersion: number;
  version: string;
  updated: string;
  origin: CatalogOrigin;
  /** When this catalog was written (ms since epoch). */
  storedAt: number;
}

interface StoredTool extends Tool {
  /** Folded spellings (name and aliases) for the alias index. */
  aliasKeys: string[];
}

interface CatalogDB extends DBSchema {
  tools: { key: string; value: StoredTool; indexes: { category: string; domain: string; alias: string } };
  meta: { key: 'catalog'; value: CatalogMeta };
}

/**
 * Migrations, one per version step. Version 1 creates the stores; a later schema adds a step here and
 * never edits an earlier one, so any installed version upgrades in order.
 */
const MIGRATIONS: ((db: IDBPDatabase<CatalogDB>) => void)[] = [
  (db) => {
    const tools = db.createObjectStore('tools', { keyPath: 'id' });
    tools.createIndex('category', 'category');
    tools.createIndex('domain', 'domains', { multiEntry: true });
    tools.createIndex('alias', 'aliasKeys', { multiEntry: true });
    db.createObjectStore('meta');
  },
];

export interface CatalogStore {
  readonly kind: 'indexeddb' | 'memory';
  meta(): Promise<CatalogMeta | undefined>;
  getTool(id: string): Promise<Tool | undefined>;
  getTools(ids: readonly string[]): Promise<Tool[]>;
  allTools(): Promise<Tool[]>;
  byCategory(category: Category): Promise<Tool[]>;
  byDomain(host: string): Promise<Tool[]>;
  byAlias(spelling: string): Promise<Tool | undefined>;
  /** Replace the whole catalog in one transaction. */
  replace(doc: CatalogDocument, origin: CatalogOrigin): Promise<void>;
  exportDocument(): Promise<CatalogDocument | undefined>;
  close(): void;
}

function toStored(tool: Tool): StoredTool {
  return { ...tool, aliasKeys: [...new Set([tool.name, ...tool.aliases].map(normalizeAliasKey))] };
}

function fromStored(stored: StoredTool | undefined): Tool | undefined {
  if (!stored) return undefined;
  const { aliasKeys: _drop, ...tool } = stored;
  return tool;
}

/** `version` is DB_VERSION except in tests of a future upgrade (blocked by an older open connection). */
export async function openIdbCatalogStore(name = DB_NAME, version = DB_VERSION): Promise<CatalogStore> {
  const db = await openDB<CatalogDB>(name, version, {
    upgrade(database, oldVersion, newVersion) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]?.(database);
    },
    blocked() {
      // An older version is open in another context: opening waits; the caller's timeout falls back.
    },
  });
  const all = async () => (await db.getAll('tools')).map((t) => fromStored(t)!);
  return {
    kind: 'indexeddb',
    meta: () => db.get('meta', 'catalog'),
    getTool: async (id) => fromStored(await db.get('tools', id)),
    async getTools(ids) {
      const tx = db.transaction('tools');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      return found.flatMap((t) => (t ? [fromStored(t)!] : []));
    },
    allTools: all,
    byCategory: async (category) => (await db.getAllFromIndex('tools', 'category', category)).map((t) => fromStored(t)!),
    byDomain: async (host) => (await db.getAllFromIndex('tools', 'domain', host)).map((t) => fromStored(t)!),
    byAlias: async (spelling) => fromStored(await db.getFromIndex('tools', 'alias', normalizeAliasKey(spelling))),
    async replace(doc, origin) {
      const tx = db.transaction(['tools', 'meta'], 'readwrite');
      // A failed request aborts the transaction and tx.done carries its error; the requests' own
      // promises would only be unhandled rejections.
      const quiet = (request: Promise<unknown>) => void request.catch(() => {});
      try {
        const tools = tx.objectStore('tools');
        await tools.clear();
        for (const tool of doc.tools) quiet(tools.put(toStored(tool)));
        quiet(
          tx
            .objectStore('meta')
            .put({ schemaVersion: doc.schemaVersion, version: doc.version, updated: doc.updated, origin, storedAt: Date.now() }, 'catalog'),
        );
      } catch (e) {
        // A write that throws (quota, a value that cannot be stored) must not leave the clear committed.
        void tx.done.catch(() => {});
        try {
          tx.abort();
        } catch {
          // already aborted by the browser
        }
        throw e;
      }
      await tx.done;
    },
    async exportDocument() {
      const meta = await db.get('meta', 'catalog');
      if (!meta) return undefined;
      const tools = (await all()).sort((a, b) => a.id.localeCompare(b.id));
      return { schemaVersion: 1, version: meta.version, updated: meta.updated, tools };
    },
    close: () => db.close(),
  };
}

/** The bundled document held in memory: used when IndexedDB cannot open (blocked, quota, private mode). */
export function memoryCatalogStore(initial: CatalogDocument, origin: CatalogOrigin = 'bundled'): CatalogStore {
  let doc = initial;
  let meta: CatalogMeta = { schemaVersion: doc.schemaVersion, version: doc.version, updated: doc.updated, origin, storedAt: Date.now() };
  const byId = () => new Map(doc.tools.map((t) => [t.id, t]));
  let ids = byId();
  return {
    kind: 'memory',
    meta: async () => meta,
    getTool: async (id) => ids.get(id),
    getTools: async (list) => list.flatMap((id) => (ids.has(id) ? [ids.get(id)!] : [])),
    allTools: async () => [...doc.tools],
    byCategory: async (category) => doc.tools.filter((t) => t.category === category),
    byDomain: async (host) => doc.tools.filter((t) => t.domains.includes(host)),
    byAlias: async (spelling) => {
      const key = normalizeAliasKey(spelling);
      return doc.tools.find((t) => [t.name, ...t.aliases].some((s) => normalizeAliasKey(s) === key));
    },
    async replace(next, nextOrigin) {
      doc = next;
      ids = byId();
      meta = { schemaVersion: next.schemaVersion, version: next.version, updated: next.updated, origin: nextOrigin, storedAt: Date.now() };
    },
    exportDocument: async () => doc,
    close: () => {},
  };
}

export type SeedOutcome = 'seeded' | 'upgraded' | 'kept';

/**
 * Install/update: write the bundled document unless the store already holds the same or a newer
 * version (a newer catalog from a feed is never replaced by an older bundled one).
 */
export async function seedFromBundled(store: CatalogStore, bundled: CatalogDocument): Promise<SeedOutcome> {
  const meta = await store.meta();
  if (meta && compareVersions(meta.version, bundled.version) >= 0) return 'kept';
  await store.replace(bundled, 'bundled');
  return meta ? 'upgraded' : 'seeded';
}
