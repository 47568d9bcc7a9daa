/**
 * The catalog feed: an https URL the user sets (none by default), fetched on a daily alarm and on
 * demand, with ETag / If-Modified-Since so an unchanged feed costs a 304. It sends no identifying data:
 * no cookies, no referrer, no page data.
 */
import type { CatalogStore } from './store';
import { acceptCatalogText, type UpdateOutcome } from './update';
import { MAX_DOCUMENT_BYTES, megabytes, tooLarge } from './constants';

export interface FeedCache {
  url: string;
  etag?: string;
  lastModified?: string;
}

export type FeedOutcome = UpdateOutcome | { kind: 'not-modified' };

export interface FeedResult {
  outcome: FeedOutcome;
  cache?: FeedCache;
  checkedAt: number;
}

export const FEED_TIMEOUT_MS = 15_000;

/**
 * The body as text, or undefined once it passes `max` bytes: a server that sends no Content-Length
 * (or a false one) is cut off there, without holding the rest in memory.
 */
async function readAtMost(response: Response, max: number): Promise<string | undefined> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function refused(error: string, checkedAt: number, cache?: FeedCache): FeedResult {
  return { outcome: { kind: 'refused', error }, cache, checkedAt };
}

export async function checkFeed(
  url: string,
  store: CatalogStore,
  cache: FeedCache | undefined,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<FeedResult> {
  const checkedAt = now();
  if (!/^https:\/\//.test(url)) return refused('the feed URL must start with https://', checkedAt);
  const same = cache?.url === url ? cache : undefined;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (same?.etag) headers['if-none-match'] = same.etag;
  if (same?.lastModified) headers['if-modified-since'] = same.lastModified;

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { headers, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache', signal: abort.signal });
    if (response.status === 304) return { outcome: { kind: 'not-modified' }, cache: same, checkedAt };
    if (!response.ok) return refused(`the feed answered HTTP ${response.status}`, checkedAt, same);
    // fetch follows redirects: never take the catalog from a plain-http address it was sent to.
    if (response.url && !/^https:\/\//.test(response.url)) {
      return refused(`the feed redirected to a non-https URL (${response.url})`, checkedAt, same);
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/\bjson\b/i.test(type)) return refused(`the feed is not JSON (content type "${type || 'none'}")`, checkedAt, same);
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_DOCUMENT_BYTES) return refused(tooLarge('feed', megabytes(length)), checkedAt, same);
    const body = await readAtMost(response, MAX_DOCUMENT_BYTES);
    if (body === undefined) return refused(tooLarge('feed', `more than ${megabytes(MAX_DOCUMENT_BYTES)}`), checkedAt, same);
    text = body;
  } catch (e) {
    const reason = abort.signal.aborted
      ? `no answer within ${Math.round(timeoutMs / 1000)} s`
      : e instanceof TypeError
        ? `${e.message}: the server is unreachable or does not allow cross-origin reads (Access-Control-Allow-Origin)`
        : e instanceof Error
          ? e.message
          : String(e);
    return refused(`the feed could not be fetched (${reason})`, checkedAt, same);
  } finally {
    clearTimeout(timer);
  }
  const outcome = await acceptCatalogText(store, text, 'feed');
  const nextCache: FeedCache =
    outcome.kind === 'refused'
      ? (same ?? { url })
      : { url, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
  return { outcome, cache: nextCache, checkedAt };
}
