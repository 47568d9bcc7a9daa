/**
 * The compact detection index the background publishes to `browser.storage.local`, so that a page
 * load never has to wake the service worker (ARCHITECTURE.md §2). Built from the catalog; pure.
 */
import type { CatalogDocument, Category, Scores } from '../catalog/schema';

/** Where the background publishes the index in `browser.storage.local`. */
export const DETECTION_INDEX_KEY = 'detectionIndex';

export interface IndexedTool {
  id: string;
  name: string;
  vendor: string;
  category: Category;
  overall: number;
  scores: Scores;
  /** Every spelling of the tool besides its name. */
  aliases: string[];
  /** Vendor hosts where the tool is the page's subject. */
  domains: string[];
}

export interface DetectionIndex {
  catalogVersion: string;
  tools: IndexedTool[];
}

export function buildDetectionIndex(doc: CatalogDocument): DetectionIndex {
  return {
    catalogVersion: doc.version,
    tools: doc.tools.map((t) => ({
      id: t.id,
      name: t.name,
      vendor: t.vendor,
      category: t.category,
      overall: t.overall,
      scores: t.scores,
      aliases: t.aliases,
      domains: t.domains,
    })),
  };
}
