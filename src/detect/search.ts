/**
 * Finding a tool by what a person types: name or any alias, ignoring case, spacing and dashes;
 * names that start with the query first, then those containing it. Pure.
 */
import type { IndexedTool } from './detection-index';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\u2010-\u2015\u00b7._-]+/g, '');

type Searchable = Pick<IndexedTool, 'name' | 'aliases' | 'vendor' | 'overall'>;

export function searchTools<T extends Searchable>(tools: readonly T[], query: string, limit = 8): T[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { tool: T; rank: number }[] = [];
  for (const tool of tools) {
    let rank = Infinity;
    for (const [i, spelling] of [tool.name, ...tool.aliases, tool.vendor].entries()) {
      const f = fold(spelling);
      const isVendor = i === tool.aliases.length + 1;
      if (f === q) rank = Math.min(rank, isVendor ? 3 : 0);
      else if (f.startsWith(q)) rank = Math.min(rank, isVendor ? 4 : 1);
      else if (f.includes(q)) rank = Math.min(rank, isVendor ? 5 : 2);
    }
    if (rank < Infinity) scored.push({ tool, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || b.tool.overall - a.tool.overall || a.tool.name.localeCompare(b.tool.name));
  return scored.slice(0, limit).map((s) => s.tool);
}
