/**
 * What the page is about: on a vendor's domain, its product (the most-mentioned of the tools that
 * list this host, or the one the title names); and whether it is a pricing page.
 */
import { hostMatches } from '../catalog/vendor-matches';
import type { IndexedTool } from './detection-index';
import { foldWords } from './ambiguous-names';

export interface PageFacts {
  hostname: string;
  url: string;
  title: string;
  headings: string[];
}

const PRICING_PATH = /(?:^|\/)(?:pricing|plans?|prices?|billing|subscribe|upgrade|premium)(?:[/?#.-]|$)/i;
const PRICING_WORDS = /\b(?:pricing|plans|prices|price list)\b/i;

export function isPricingPage(page: PageFacts): boolean {
  let path = '';
  try {
    path = new URL(page.url).pathname;
  } catch {
    path = '';
  }
  return PRICING_PATH.test(path) || PRICING_WORDS.test(page.title) || page.headings.some((h) => PRICING_WORDS.test(h));
}

export function vendorToolsFor(hostname: string, tools: readonly IndexedTool[]): IndexedTool[] {
  return tools.filter((t) => t.domains.length > 0 && hostMatches(hostname, t.domains));
}

export function pageSubject(page: PageFacts, vendorTools: readonly IndexedTool[], counts: Readonly<Record<string, number>>): string | undefined {
  const mentioned = vendorTools.filter((t) => (counts[t.id] ?? 0) > 0);
  if (mentioned.length === 0) return undefined;
  const title = ` ${foldWords(`${page.title} ${decodeURIComponent(page.url.replace(/^[a-z]+:\/\/[^/]+/i, '')).replace(/[/_-]+/g, ' ')}`)} `;
  const named = mentioned
    .filter((t) => [t.name, ...t.aliases].some((s) => title.includes(` ${foldWords(s)} `)))
    .sort((a, b) => b.name.length - a.name.length);
  if (named[0]) return named[0].id;
  return [...mentioned].sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0) || a.name.localeCompare(b.name))[0]!.id;
}
