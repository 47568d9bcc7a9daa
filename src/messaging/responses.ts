/** What the background answers to each message: the shapes the UI relies on. */
import type { Tool } from '../catalog/schema';
import type { CatalogMeta } from '../catalog/store';
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
}

export interface Responses {
  'page:report': { accepted: true };
  'tab:get': TabState | null;
  'tab:scan': { started: boolean; error?: string };
  'catalog:tools': Tool[];
  'catalog:status': CatalogStatus;
}

export type ResponseOf<K extends MessageName> = Responses[K];
