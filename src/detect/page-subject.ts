/**
 * What the page is about: on a vendor's domain, its product (the most-mentioned of the tools that
 * list this host, or the one the title names); and whether it is a pricing page.
 */
import { hostMatches } from '../catalog/vendor-matches';
import type { IndexedTool } from './detection-index';
import { foldWords } from './ambiguous-names';
import { isAsciiWordChar } from './char-class';

export interface PageFacts {
  hostname: string;
  url: string;
  title: string;
  headings: string[];
}

/** A path segment naming a pricing page: "/pricing", "/plans.html", "/en/prices-2025". */
const PRICING_SEGMENTS: ReadonlySet<string> = new Set(['pricing', 'plan', 'plans', 'price', 'prices', 'billing', 'subscribe', 'upgrade', 'premium']);
/** Words of a title or heading that name a pricing page, as whole words in any case. */
const PRICING_WORDS = ['pricing', 'plans', 'prices', 'price list'];

/** A segment's word: up to the first ".", "-", "?" or "#" ("plans.html" → "plans"). */
function segmentWord(segment: string): string {
  let end = 0;
  while (end < segment.length && !'.-?#'.includes(segment[end]!)) end++;
  return segment.slice(0, end).toLowerCase();
}

/** One of the pricing words, as a whole word (ASCII word boundaries), in any case. */
function namesPricing(text: string): boolean {
  const lower = text.toLowerCase();
  for (const word of PRICING_WORDS) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if ((at === 0 || !isAsciiWordChar(lower.charCodeAt(at - 1))) && !isAsciiWordChar(lower.charCodeAt(at + word.length))) return true;
    }
  }
  return false;
}

// Written as code rather than regular expressions: a content script compiles each afresh on every page.
export function isPricingPage(page: PageFacts): boolean {
  let path = '';
  try {
    path = new URL(page.url).pathname;
  } catch {
    path = '';
  }
  return path.split('/').some((segment) => PRICING_SEGMENTS.has(segmentWord(segment))) || namesPricing(page.title) || page.headings.some(namesPricing);
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
