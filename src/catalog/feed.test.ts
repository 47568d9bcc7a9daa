import { describe, expect, it } from 'vitest';
import bundledJson from '../../public/catalog.json';
import { checkFeed } from './feed';
import { CatalogDocumentSchema, type CatalogDocument } from './schema';
import { memoryCatalogStore } from './store';
import { acceptCatalogText } from './update';

const bundled = CatalogDocumentSchema.parse(bundledJson);
const withVersion = (version: string, mutate?: (d: CatalogDocument) => void) => {
  const d = structuredClone(bundled);
  d.version = version;
  mutate?.(d);
  return d;
};

type Call = { url: string; headers: Record<string, string> };
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const impl = (async (url: string, init?: RequestInit) => {
    const call = { url, headers: (init?.headers ?? {}) as Record<string, string> };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof fetch;
  return { impl, calls };
}
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('catalog feed', () => {
  it('accepts a newer valid document and remembers its validators', async () => {
    const store = memoryCatalogStore(bundled);
    const newer = withVersion('2999.1.1', (d) => (d.tools[0]!.tagline = 'From the feed'));
    const { impl } = fakeFetch(() => json(newer, { etag: '"v2"', 'last-modified': 'Wed, 25 Nov 2026 00:00:00 GMT' }));
    const result = await checkFeed('https://feed.example/catalog.json', store, undefined, impl);
    expect(result.outcome).toEqual({ kind: 'updated', version: '2999.1.1', toolCount: newer.tools.length });
    expect(result.cache).toEqual({ url: 'https://feed.example/catalog.json', etag: '"v2"', lastModified: 'Wed, 25 Nov 2026 00:00:00 GMT' });
    expect((await store.getTool(newer.tools[0]!.id))?.tagline).toBe('From the feed');
    expect((await store.meta())?.origin).toBe('feed');
  });

  it('sends the validators back and takes a 304 as unchanged', async () => {
    const store = memoryCatalogStore(bundled);
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    const cache = { url: 'https://feed.example/c.json', etag: '"v2"', lastModified: 'Wed, 25 Nov 2026 00:00:00 GMT' };
    const result = await checkFeed('https://feed.example/c.json', store, cache, impl);
    expect(result.outcome).toEqual({ kind: 'not-modified' });
    expect(calls[0]!.headers).toMatchObject({ 'if-none-match': '"v2"', 'if-modified-since': 'Wed, 25 Nov 2026 00:00:00 GMT' });
    expect((await store.meta())?.version).toBe(bundled.version);
  });

  it('does not send validators cached for another URL', async () => {
    const { impl, calls } = fakeFetch(() => json(bundled));
    await checkFeed('https://b.example/c.json', memoryCatalogStore(bundled), { url: 'https://a.example/c.json', etag: '"x"' }, impl);
    expect(calls[0]!.headers['if-none-match']).toBeUndefined();
  });

  it.each([
    ['an older document', () => json(withVersion('2000.1.1')), /older \(version 2000\.1\.1\) than the one in use/],
    ['not JSON', () => new Response('<html>', { status: 200, headers: { 'content-type': 'application/json' } }), /not JSON/],
    ['the wrong content type', () => new Response('{}', { status: 200, headers: { 'content-type': 'text/html' } }), /content type "text\/html"/],
    ['a server error', () => new Response('oops', { status: 500 }), /HTTP 500/],
    ['a bad field', () => json(withVersion('2999.1.1', (d) => (d.tools[1]!.scores.value = 12))), /^tools\[1\]\.scores\.value: must be 10 or less$/],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), /could not be fetched \(Failed to fetch: the server is unreachable or does not allow cross-origin reads/],
  ])('refuses %s with a clear message and keeps the stored catalog', async (_name, respond, message) => {
    const store = memoryCatalogStore(bundled);
    const { impl } = fakeFetch(respond);
    const result = await checkFeed('https://feed.example/c.json', store, undefined, impl);
    expect(result.outcome.kind).toBe('refused');
    expect(result.outcome.kind === 'refused' && result.outcome.error).toMatch(message);
    expect(await store.exportDocument()).toEqual(bundled);
  });

  it('gives up on a feed that does not answer in time', async () => {
    const store = memoryCatalogStore(bundled);
    const hang = ((_url: string, init?: RequestInit) =>
      new Promise((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    const result = await checkFeed('https://feed.example/c.json', store, undefined, hang, Date.now, 20);
    expect(result.outcome).toEqual({ kind: 'refused', error: 'the feed could not be fetched (no answer within 0 s)' });
  });

  it('refuses a non-https feed URL without fetching', async () => {
    const { impl, calls } = fakeFetch(() => json(bundled));
    const result = await checkFeed('http://feed.example/c.json', memoryCatalogStore(bundled), undefined, impl);
    expect(result.outcome).toEqual({ kind: 'refused', error: 'the feed URL must start with https://' });
    expect(calls).toHaveLength(0);
  });
});

describe('file import', () => {
  it('round-trips: export then import gives the same catalog', async () => {
    const store = memoryCatalogStore(bundled);
    const exported = JSON.stringify(await store.exportDocument());
    const other = memoryCatalogStore(withVersion('1.0'));
    expect(await acceptCatalogText(other, exported, 'import')).toEqual({ kind: 'updated', version: bundled.version, toolCount: bundled.tools.length });
    expect(await other.exportDocument()).toEqual(bundled);
  });

  it('refuses markup where a score belongs, naming the field', async () => {
    const bad = JSON.parse(JSON.stringify(bundled)) as { tools: Record<string, unknown>[] };
    bad.tools[0]!.overall = '<img src=x onerror=alert(1)>';
    const result = await acceptCatalogText(memoryCatalogStore(bundled), JSON.stringify(bad), 'import');
    expect(result).toEqual({ kind: 'refused', error: 'tools[0].overall: Invalid input: expected number, received string' });
  });
});
