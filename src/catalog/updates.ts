/**
 * The background's catalog updates: the feed (daily and on demand), file import and reset to the
 * bundled catalog. After any accepted change the detection index is republished, so open and future
 * pages see it. The feed's validators and last result are kept in storage.local.
 */
import type { FeedStatus } from '../messaging/responses';
import { checkFeed, type FeedCache } from './feed';
import type { CatalogDocument } from './schema';
import type { CatalogService } from './service';
import { acceptCatalogText, type UpdateOutcome } from './update';

export const FEED_CACHE_KEY = 'feedCache';
export const FEED_STATUS_KEY = 'feedStatus';

interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface UpdatesDeps {
  catalog: () => Promise<CatalogService>;
  bundled: () => Promise<CatalogDocument>;
  feedUrl: () => Promise<string>;
  local: Area;
  fetchImpl?: typeof fetch;
}

export function createCatalogUpdates(deps: UpdatesDeps) {
  const republishIf = async (outcome: UpdateOutcome) => {
    if (outcome.kind === 'updated') await (await deps.catalog()).publishIndex();
    return outcome;
  };
  return {
    async feedStatus(): Promise<FeedStatus | undefined> {
      return (await deps.local.get(FEED_STATUS_KEY))[FEED_STATUS_KEY] as FeedStatus | undefined;
    },
    /** Fetch the feed now; with no feed set, says so as a refusal the options page can show. */
    async updateFromFeed(): Promise<FeedStatus> {
      const url = await deps.feedUrl();
      if (!url) return { url: '', checkedAt: Date.now(), outcome: { kind: 'refused', error: 'no feed URL is set' } };
      const service = await deps.catalog();
      const cache = (await deps.local.get(FEED_CACHE_KEY))[FEED_CACHE_KEY] as FeedCache | undefined;
      const result = await checkFeed(url, service.store, cache, deps.fetchImpl ?? fetch.bind(globalThis));
      if (result.outcome.kind !== 'not-modified' && result.outcome.kind !== 'current') {
        await republishIf(result.outcome as UpdateOutcome);
      }
      const status: FeedStatus = { url, checkedAt: result.checkedAt, outcome: result.outcome };
      await deps.local.set({ [FEED_CACHE_KEY]: result.cache ?? null, [FEED_STATUS_KEY]: status });
      return status;
    },
    async importText(text: string): Promise<UpdateOutcome> {
      return republishIf(await acceptCatalogText((await deps.catalog()).store, text, 'import'));
    },
    async resetToBundled(): Promise<UpdateOutcome> {
      const doc = await deps.bundled();
      const service = await deps.catalog();
      await service.store.replace(doc, 'bundled');
      await deps.local.set({ [FEED_CACHE_KEY]: null });
      return republishIf({ kind: 'updated', version: doc.version, toolCount: doc.tools.length });
    },
  };
}
export type CatalogUpdates = ReturnType<typeof createCatalogUpdates>;
