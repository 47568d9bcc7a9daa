/**
 * Catalog lookups (issue 4) in real IndexedDB, on an extension page of the loaded build (the origin
 * where the background keeps the catalog), through our store (src/catalog/store.ts), beside a plain
 * in-memory Map. A bench database of its own, deleted afterwards: the extension's catalog is untouched.
 */
import { normalizeAliasKey, type CatalogDocument, type Tool } from '../../src/catalog/schema';
import { openIdbCatalogStore } from '../../src/catalog/store';

const DB = 'versus-lens-bench';
const now = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A fixed shuffle, so every run looks up the same keys in the same order. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface LookupFigures {
  /** Median over batches of the mean time per lookup, in microseconds. */
  medianUs: number;
  batches: number;
  perBatch: number;
  misses: number;
}

async function measure(keys: string[], batches: number, lookup: (key: string) => Promise<Tool | undefined> | Tool | undefined, expect: (key: string, tool: Tool | undefined) => boolean): Promise<LookupFigures> {
  const perBatch = Math.min(keys.length, 250);
  const means: number[] = [];
  let misses = 0;
  for (let b = 0; b < batches; b++) {
    const batch = keys.slice((b * perBatch) % keys.length, ((b * perBatch) % keys.length) + perBatch);
    const t0 = now();
    for (const key of batch) if (!expect(key, await lookup(key))) misses++;
    means.push(((now() - t0) * 1000) / batch.length);
  }
  return { medianUs: median(means), batches, perBatch, misses };
}

/** Synchronous lookups are too fast to time one by one: time many and divide. */
function measureSync(keys: string[], batches: number, lookup: (key: string) => Tool | undefined): LookupFigures {
  const rounds = 100;
  const means: number[] = [];
  let misses = 0;
  for (let b = 0; b < batches; b++) {
    const t0 = now();
    for (let r = 0; r < rounds; r++) for (const key of keys) if (!lookup(key)) misses++;
    means.push(((now() - t0) * 1000) / (rounds * keys.length));
  }
  return { medianUs: median(means), batches, perBatch: rounds * keys.length, misses };
}

async function run(doc: CatalogDocument, batches = 9) {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
  const t0 = now();
  const store = await openIdbCatalogStore(DB);
  await store.replace(doc, 'import');
  const seedMs = now() - t0;

  const ids = shuffled(doc.tools.map((t) => t.id));
  // A spelling other than the name: the squeezed alias ("Nova3.5 Pro"), folded as the store folds it.
  const aliasOf = new Map(doc.tools.map((t) => [t.aliases[1] ?? t.name, t.id]));
  const aliases = shuffled([...aliasOf.keys()]);
  const mapById = new Map(doc.tools.map((t) => [t.id, t]));
  const mapByAlias = new Map(doc.tools.flatMap((t) => [t.name, ...t.aliases].map((s) => [normalizeAliasKey(s), t] as const)));

  // Warm-up: one pass of each, not counted (IndexedDB opens its backing store lazily).
  for (const id of ids.slice(0, 50)) await store.getTool(id);
  for (const a of aliases.slice(0, 50)) await store.byAlias(a);

  const idbById = await measure(ids, batches, (id) => store.getTool(id), (id, t) => t?.id === id);
  const idbByAlias = await measure(aliases, batches, (a) => store.byAlias(a), (a, t) => t?.id === aliasOf.get(a));
  const memById = measureSync(ids, batches, (id) => mapById.get(id));
  const memByAlias = measureSync(aliases, batches, (a) => mapByAlias.get(normalizeAliasKey(a)));
  store.close();
  indexedDB.deleteDatabase(DB);
  return { tools: doc.tools.length, seedMs, idbById, idbByAlias, memById, memByAlias };
}

(globalThis as unknown as { __vlCatalogBench: typeof run }).__vlCatalogBench = run;
