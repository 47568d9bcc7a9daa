/**
 * Bad data (issue 8): malformed catalog documents pushed through the two ways a catalog arrives —
 * a file imported on the options page, and the feed — along the real code paths: the options page's
 * import (size check, then the `catalog:import` message) and the `feed:update-now` message, through
 * the background's message listener and handlers, to an IndexedDB store (fake-indexeddb) seeded with
 * the bundled public/catalog.json. Each must be refused, with a message naming the problem, and leave
 * the stored catalog exactly as it was.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledJson from '../../public/catalog.json';
import { createBackgroundHandlers } from '../messaging/background-handlers';
import { send } from '../messaging/client';
import type { FeedStatus } from '../messaging/responses';
import { createMessageListener } from '../messaging/server';
import type { TabStates } from '../tabs/tab-state';
import { createFramePolicies } from '../tabs/frame-policies';
import { importCatalogFile } from '../ui/options/import-file';
import { FEED_TIMEOUT_MS } from './feed';
import { CatalogDocumentSchema, type CatalogDocument } from './schema';
import { DETECTION_INDEX_KEY, startCatalogService, type CatalogService } from './service';
import { openIdbCatalogStore } from './store';
import { createCatalogUpdates, FEED_STATUS_KEY } from './updates';
import type { UpdateOutcome } from './update';
import { MAX_DOCUMENT_BYTES } from './validate';

const bundled = CatalogDocumentSchema.parse(bundledJson);
const FEED_URL = 'https://feed.example/catalog.json';
const MB = 1024 * 1024;

/** The bundled document as plain JSON to break, at a newer version so only the breakage is refused. */
type Raw = Record<string, unknown> & { tools: Record<string, unknown>[] };
const raw = (): Raw => {
  const doc = structuredClone(bundledJson) as unknown as Raw;
  doc.version = '2999.1.1';
  return doc;
};
const broken = (mutate: (doc: Raw) => void): string => {
  const doc = raw();
  mutate(doc);
  return JSON.stringify(doc);
};
const tool = (doc: Raw, i: number) => doc.tools[i] as Record<string, Record<string, unknown>>;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const apiIndex = bundled.tools.findIndex((t) => t.pricing.api);

/** A valid, newer catalog padded with JSON whitespace to 50 MB: refused for its size alone. */
const fiftyMegabytes = (() => {
  const text = JSON.stringify(raw());
  return `${text.slice(0, -1)}${' '.repeat(50 * MB - text.length)}}`;
})();

interface Case {
  name: string;
  text: () => string;
  /** What the refusal must say, on either path. */
  message: RegExp;
}

const cases: Case[] = [
  { name: 'not JSON at all', text: () => '<!doctype html><title>Catalog</title>', message: /^the document is not JSON \(Unexpected token '<'/ },
  { name: 'truncated JSON', text: () => JSON.stringify(raw()).slice(0, 5000), message: /^the document is not JSON \(Unterminated string/ },
  { name: 'an empty body', text: () => '', message: /^the document is empty/ },
  { name: 'whitespace only', text: () => ' \n\t ', message: /^the document is empty/ },
  { name: 'a JSON array', text: () => JSON.stringify([raw()]), message: /^the document must be a JSON object with schemaVersion, version, updated and tools \(received array\)$/ },
  { name: 'JSON null', text: () => 'null', message: /must be a JSON object .*\(received null\)$/ },
  { name: 'a JSON string', text: () => '"catalog"', message: /must be a JSON object .*\(received string\)$/ },
  { name: 'a NaN score (not JSON)', text: () => JSON.stringify(raw()).replace(/"overall":[\d.]+/, '"overall":NaN'), message: /^the document is not JSON \(Unexpected token 'N'/ },
  { name: 'an infinite score', text: () => JSON.stringify(raw()).replace(/"overall":[\d.]+/, '"overall":1e999'), message: /^tools\[0\]\.overall: .*received Infinity$/ },
  { name: 'a score as a string', text: () => broken((d) => (tool(d, 2).scores!.value = '9')), message: /^tools\[2\]\.scores\.value: Invalid input: expected number, received string$/ },
  {
    name: 'a price as a string',
    text: () => broken((d) => ((tool(d, apiIndex).pricing!.api as Record<string, unknown>).inputPerMTok = '$0.40')),
    message: new RegExp(`^tools\\[${apiIndex}\\]\\.pricing\\.api\\.inputPerMTok: Invalid input: expected number, received string$`),
  },
  { name: 'no tools', text: () => broken((d) => delete (d as Partial<Raw>).tools), message: /^tools: is missing \(expected array\)$/ },
  { name: 'an empty tools list', text: () => broken((d) => (d.tools = [])), message: /^tools: needs at least one tool$/ },
  { name: 'a tool without an id', text: () => broken((d) => delete d.tools[3]!.id), message: /^tools\[3\]\.id: is missing \(expected string\)$/ },
  { name: 'a tool without a name', text: () => broken((d) => delete d.tools[3]!.name), message: /^tools\[3\]\.name: is missing \(expected string\)$/ },
  { name: 'a tool without scores', text: () => broken((d) => delete d.tools[3]!.scores), message: /^tools\[3\]\.scores: is missing \(expected object\)$/ },
  { name: 'a negative score', text: () => broken((d) => (tool(d, 4).scores!.reliability = -1)), message: /^tools\[4\]\.scores\.reliability: must be 0 or more$/ },
  { name: 'a score above 10', text: () => broken((d) => (tool(d, 4).scores!.performance = 10.5)), message: /^tools\[4\]\.scores\.performance: must be 10 or less$/ },
  { name: 'a null score', text: () => broken((d) => (tool(d, 4).scores!.easeOfUse = null)), message: /^tools\[4\]\.scores\.easeOfUse: Invalid input: expected number, received null$/ },
  { name: 'markup where a score belongs', text: () => broken((d) => (d.tools[1]!.overall = '<img src=x onerror=alert(1)>')), message: /^tools\[1\]\.overall: Invalid input: expected number, received string$/ },
  { name: 'a 50 MB document', text: () => fiftyMegabytes, message: /too large \(.*20 MB at most\)/ },
  {
    name: 'a duplicate tool id',
    text: () => broken((d) => d.tools.push(structuredClone(d.tools[0]!))),
    message: new RegExp(`^tools\\[${bundled.tools.length}\\]\\.id: duplicates the id of tools\\[0\\] \\("${esc(bundled.tools[0]!.id)}"\\)$`),
  },
  {
    name: "an alias that is another tool's name",
    text: () => broken((d) => (d.tools[5]!.aliases as string[]).push(bundled.tools[0]!.name)),
    message: new RegExp(`^tools\\[5\\]\\.aliases: "${esc(bundled.tools[0]!.name)}" is already a name or alias of ${esc(bundled.tools[0]!.id)}$`),
  },
  {
    name: 'an older catalog version',
    text: () => broken((d) => (d.version = '2000.1.1')),
    message: new RegExp(`^the catalog is older \\(version 2000\\.1\\.1\\) than the one in use \\(version ${esc(bundled.version)}\\)$`),
  },
  { name: 'an unknown schemaVersion', text: () => broken((d) => (d.schemaVersion = 2)), message: /^schemaVersion: must be 1 \(this version of Versus Lens reads no other\)$/ },
  { name: 'no schemaVersion', text: () => broken((d) => delete (d as Partial<Raw>).schemaVersion), message: /^schemaVersion: must be 1/ },
  { name: 'a version that is not dotted numbers', text: () => broken((d) => (d.version = 'latest')), message: /^version: must be dotted numbers such as 2026\.11\.25$/ },
  { name: 'prices without a source', text: () => broken((d) => delete tool(d, 0).pricing!.source), message: /^tools\[0\]\.pricing\.source: is missing \(expected string\)$/ },
  { name: 'prices without a date', text: () => broken((d) => delete tool(d, 0).pricing!.asOf), message: /^tools\[0\]\.pricing\.asOf: is missing \(expected string\)$/ },
  {
    name: "a price source that is not one of the tool's sources",
    text: () => broken((d) => (tool(d, 0).pricing!.source = 'https://elsewhere.example/prices')),
    message: /^tools\[0\]\.pricing\.source: must be one of the tool's sources$/,
  },
  { name: 'a javascript: URL as a source', text: () => broken((d) => ((d.tools[0]!.sources as string[])[0] = 'javascript:alert(1)')), message: /^tools\[0\]\.sources\[0\]: must be an https URL$/ },
  { name: 'an unknown field on a tool', text: () => broken((d) => (d.tools[0]!.script = '<script>alert(1)</script>')), message: /^tools\[0\]: Unrecognized key: "script"$/ },
  { name: 'a __proto__ key', text: () => JSON.stringify(raw()).replace(/^\{/, '{"__proto__":{"polluted":true},'), message: /^Unrecognized key: "__proto__"$/ },
  { name: 'an id that is not the slug of the name', text: () => broken((d) => (d.tools[2]!.id = 'some-other-id')), message: /^tools\[2\]\.id: must be the slug of the name/ },
];

let dbCount = 0;

/** The background as it runs: an IndexedDB catalog seeded from the bundled document, its updates and message handlers. */
async function startBackground(fetchImpl: typeof fetch) {
  const service: CatalogService = await startCatalogService(bundled, fakeBrowser.storage.local, () => openIdbCatalogStore(`bad-data-${++dbCount}`));
  expect(service.store.kind).toBe('indexeddb');
  const updates = createCatalogUpdates({
    catalog: async () => service,
    bundled: async () => bundled,
    feedUrl: async () => FEED_URL,
    local: fakeBrowser.storage.local,
    fetchImpl,
  });
  const handlers = createBackgroundHandlers({
    catalog: async () => service,
    index: async () => undefined,
    tabs: {} as TabStates,
    frames: createFramePolicies(),
    scanTab: async () => {},
    updates,
    openTab: async () => {},
  });
  // What runtime.sendMessage does between the options page and the background.
  const listener = createMessageListener(handlers, fakeBrowser.runtime.getURL('/'));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => listener(message, { id: fakeBrowser.runtime.id })) as never);
  return service;
}

/** Everything a refusal must leave as it was: the catalog, its meta (origin, storedAt) and the published index. */
async function snapshot(service: CatalogService) {
  const doc = await service.store.exportDocument();
  return {
    doc,
    bytes: JSON.stringify(doc),
    meta: await service.store.meta(),
    index: JSON.stringify((await fakeBrowser.storage.local.get(DETECTION_INDEX_KEY))[DETECTION_INDEX_KEY]),
  };
}

/** The options page's import, as DataSection.onImport runs it. */
const importFile = (text: string) => importCatalogFile(new File([text], 'catalog.json', { type: 'application/json' }), (t) => send('catalog:import', { text: t }));
/** The options page's "Update now". */
const updateNow = () => send('feed:update-now', {});

function serve(text: string, headers: Record<string, string> = {}) {
  return (async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json', ...headers } })) as unknown as typeof fetch;
}

function refusal(outcome: UpdateOutcome | FeedStatus['outcome']): string {
  expect(outcome.kind).toBe('refused');
  return outcome.kind === 'refused' ? outcome.error : '';
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('malformed catalog documents are refused on both paths, naming the problem, the stored catalog unchanged', () => {
  it('has at least 20 named documents', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('the unbroken document is accepted on both paths (so each case fails for its breakage alone)', async () => {
    const text = JSON.stringify(raw());
    const service = await startBackground(serve(text));
    expect(await importFile(text)).toMatchObject({ kind: 'updated', version: '2999.1.1' });
    const next = JSON.stringify({ ...raw(), version: '2999.1.2' });
    const other = await startBackground(serve(next));
    expect((await updateNow()).outcome).toMatchObject({ kind: 'updated', version: '2999.1.2' });
    expect((await service.store.meta())?.origin).toBe('import');
    expect((await other.store.meta())?.origin).toBe('feed');
  });

  describe('file import', () => {
    it.each(cases)('$name', async ({ text, message }) => {
      const service = await startBackground(serve('{}'));
      const before = await snapshot(service);
      expect(before.doc?.version).toBe(bundled.version);
      expect(before.meta?.origin).toBe('bundled');

      expect(refusal(await importFile(text()))).toMatch(message);

      const after = await snapshot(service);
      expect(after.bytes).toBe(before.bytes);
      expect(after.doc).toEqual(before.doc);
      expect(after.meta).toEqual(before.meta);
      expect(after.index).toBe(before.index);
    });

    it('refuses a 50 MB file from its size, without reading it or sending it to the background', async () => {
      await startBackground(serve('{}'));
      const file = new File([fiftyMegabytes], 'catalog.json');
      const read = vi.spyOn(file, 'text');
      const importText = vi.fn(async (): Promise<UpdateOutcome> => ({ kind: 'current', version: '' }));
      expect(await importCatalogFile(file, importText)).toEqual({ kind: 'refused', error: 'the file is too large (50.0 MB; 20 MB at most)' });
      expect(read).not.toHaveBeenCalled();
      expect(importText).not.toHaveBeenCalled();
    });
  });

  describe('feed', () => {
    it.each(cases)('$name', async ({ text, message }) => {
      const service = await startBackground(serve(text()));
      const before = await snapshot(service);

      const status = await updateNow();
      expect(refusal(status.outcome)).toMatch(message);
      // The options page shows the last check from the stored status.
      expect((await fakeBrowser.storage.local.get(FEED_STATUS_KEY))[FEED_STATUS_KEY]).toEqual(status);

      const after = await snapshot(service);
      expect(after.bytes).toBe(before.bytes);
      expect(after.doc).toEqual(before.doc);
      expect(after.meta).toEqual(before.meta);
      expect(after.index).toBe(before.index);
    });
  });
});

/** A body of `chunks` 1 MB pieces of JSON whitespace, counting how many were read. */
function meteredBody(chunks: number) {
  const piece = new Uint8Array(MB).fill(0x20);
  const meter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (meter.pulled === chunks) return controller.close();
        meter.pulled++;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, meter };
}

function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

const hangUntilAborted = ((_url: string, init?: RequestInit) =>
  new Promise((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(new DOMException('The operation was aborted.', 'AbortError'))))) as unknown as typeof fetch;

interface FeedFault {
  name: string;
  fetch: () => typeof fetch;
  message: RegExp;
  /** Checked after the refusal. */
  then?: () => void;
}

const fiftyMbStream = meteredBody(50);
const endlessStream = meteredBody(Number.MAX_SAFE_INTEGER);
const liarStream = meteredBody(Number.MAX_SAFE_INTEGER);

const feedFaults: FeedFault[] = [
  { name: 'HTTP 500', fetch: () => (async () => new Response('Internal Server Error', { status: 500 })) as unknown as typeof fetch, message: /^the feed answered HTTP 500$/ },
  { name: 'HTTP 404', fetch: () => (async () => new Response('Not Found', { status: 404 })) as unknown as typeof fetch, message: /^the feed answered HTTP 404$/ },
  {
    name: 'an HTML page (content type text/html)',
    fetch: () => (async () => new Response(JSON.stringify(raw()), { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })) as unknown as typeof fetch,
    message: /^the feed is not JSON \(content type "text\/html; charset=utf-8"\)$/,
  },
  {
    name: 'no content type',
    fetch: () => (async () => new Response(new Blob([JSON.stringify(raw())]), { status: 200 })) as unknown as typeof fetch,
    message: /^the feed is not JSON \(content type "none"\)$/,
  },
  {
    name: 'a redirect to a plain-http URL',
    fetch: () => (async () => withUrl(new Response(JSON.stringify(raw()), { status: 200, headers: { 'content-type': 'application/json' } }), 'http://feed.example/catalog.json')) as unknown as typeof fetch,
    message: /^the feed redirected to a non-https URL \(http:\/\/feed\.example\/catalog\.json\)$/,
  },
  {
    name: 'a network failure',
    fetch: () => (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
    message: /^the feed could not be fetched \(Failed to fetch: the server is unreachable/,
  },
  {
    name: 'a Content-Length of 50 MB (refused before reading the body)',
    fetch: () => (async () => new Response(fiftyMbStream.body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(50 * MB) } })) as unknown as typeof fetch,
    message: /^the feed is too large \(50\.0 MB; 20 MB at most\)$/,
    then: () => expect(fiftyMbStream.meter.pulled).toBe(0),
  },
  {
    name: 'an endless body with no Content-Length (cut off past 20 MB)',
    fetch: () => (async () => new Response(endlessStream.body, { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch,
    message: /^the feed is too large \(more than 20\.0 MB; 20 MB at most\)$/,
    then: () => expect(endlessStream.meter.pulled).toBe(MAX_DOCUMENT_BYTES / MB + 1),
  },
  {
    name: 'a body longer than its Content-Length says',
    fetch: () => (async () => new Response(liarStream.body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': '1000' } })) as unknown as typeof fetch,
    message: /^the feed is too large \(more than 20\.0 MB; 20 MB at most\)$/,
    then: () => expect(liarStream.meter.pulled).toBe(MAX_DOCUMENT_BYTES / MB + 1),
  },
];

describe('feed faults are refused, naming the problem, the stored catalog unchanged', () => {
  it.each(feedFaults)('$name', async ({ fetch, message, then }) => {
    const service = await startBackground(fetch());
    const before = await snapshot(service);
    expect(refusal((await updateNow()).outcome)).toMatch(message);
    then?.();
    const after = await snapshot(service);
    expect(after.bytes).toBe(before.bytes);
    expect(after.meta).toEqual(before.meta);
    expect(after.index).toBe(before.index);
  });

  it(`a feed that never answers is given up after FEED_TIMEOUT_MS (${FEED_TIMEOUT_MS} ms)`, async () => {
    let fetched!: () => void;
    const started = new Promise<void>((resolve) => (fetched = resolve));
    const service = await startBackground(((url: string, init?: RequestInit) => {
      fetched();
      return hangUntilAborted(url, init);
    }) as unknown as typeof fetch);
    const before = await snapshot(service);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const pending = updateNow().finally(() => (settled = true));
    await started;
    await vi.advanceTimersByTimeAsync(FEED_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(refusal((await pending).outcome)).toBe(`the feed could not be fetched (no answer within ${FEED_TIMEOUT_MS / 1000} s)`);
    vi.useRealTimers();
    const after = await snapshot(service);
    expect(after.bytes).toBe(before.bytes);
    expect(after.meta).toEqual(before.meta);
  });
});

describe('documents that look odd but are valid', () => {
  it('a file saved with a UTF-8 byte-order mark imports', async () => {
    const service = await startBackground(serve('{}'));
    expect(await importFile(`\uFEFF${JSON.stringify(raw())}`)).toMatchObject({ kind: 'updated', version: '2999.1.1' });
    expect((await service.store.meta())?.version).toBe('2999.1.1');
  });

  it('markup in text fields is accepted as text, stored verbatim (rendering it as text is tested in src/ui/markup-as-text.test.tsx)', async () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const doc = raw();
    const first = tool(doc, 0) as unknown as CatalogDocument['tools'][number];
    first.pros = [...first.pros.slice(1), markup];
    first.tagline = markup;
    const service = await startBackground(serve('{}'));
    expect(await importFile(JSON.stringify(doc))).toMatchObject({ kind: 'updated' });
    const stored = await service.store.getTool(first.id);
    expect(stored?.tagline).toBe(markup);
    expect(stored?.pros).toContain(markup);
  });
});
