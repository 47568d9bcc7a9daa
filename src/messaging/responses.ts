/** What the background answers to each message: the shapes the UI relies on. */
import type { Tool } from '../catalog/schema';
import type { Settings } from '../settings/schema';
import type { CatalogMeta } from '../catalog/store';
import type { FeedOutcome } from '../catalog/feed';
import type { UpdateOutcome } from '../catalog/update';
import type { MessageName } from './protocol';

export interface FoundTool {
  id: string;
  name: string;
  vendor: string;
  overall: number;
  count: number;
}

export interface TabState {
  tabId: number;
  url: string;
  tools: FoundTool[];
  subject?: string;
  isPricingPage: boolean;
  scannedAt: number;
}

export interface CatalogStatus {
  meta?: CatalogMeta;
  storage: 'indexeddb' | 'memory';
  /** Why the extension runs on the bundled catalog in memory, when it does. */
  storageProblem?: string;
  toolCount: number;
  /** The last feed check, if a feed is set. */
  feed?: FeedStatus;
}

export interface FeedStatus {
  url: string;
  checkedAt: number;
  outcome: FeedOutcome;
}

export interface Responses {
  'page:report': { accepted: true };
  'tab:get': TabState | null;
  'tab:scan': { started: boolean; error?: string };
  'catalog:tools': Tool[];
  'catalog:status': CatalogStatus;
  'catalog:category': Tool[];
  'compare:open': { opened: boolean };
  'settings:turn-off-site': { offSites: string[] };
  'settings:get': Settings;
  'frame:wasm': { allowed: boolean };
  'feed:update-now': FeedStatus;
  'catalog:import': UpdateOutcome;
  'catalog:reset': UpdateOutcome;
}

export type ResponseOf<K extends MessageName> = Responses[K];
