/**
 * The tool to compare against when only one is given (`compare.html?a=<id>`, ARCHITECTURE.md §3):
 * the user's chosen alternative for the tool's category, else the highest-rated other tool of the
 * same category, ties broken by name.
 */
import type { Tool } from '../catalog/schema';
import { toTenths } from './format';
import type { AlternativeChoices } from './preferences';

export interface AlternativeSettings {
  /** Per category, the tool id the user picked. */
  alternatives?: AlternativeChoices;
}

/**
 * Undefined when the catalog holds no other tool of that category: comparing across jobs is the
 * user's call (they can pick `b` themselves), not a default we should make for them.
 */
export function chooseAlternative(tool: Tool, catalogTools: readonly Tool[], settings: AlternativeSettings = {}): Tool | undefined {
  const chosenId = settings.alternatives?.[tool.category];
  if (chosenId !== undefined && chosenId !== tool.id) {
    // A choice is honoured only while it still names a tool of this category: after a catalog
    // update moves or removes it, the stale choice gives way to the default.
    const chosen = catalogTools.find((t) => t.id === chosenId && t.category === tool.category);
    if (chosen) return chosen;
  }
  let best: Tool | undefined;
  for (const t of catalogTools) {
    if (t.category !== tool.category || t.id === tool.id) continue;
    if (!best || ranksAbove(t, best)) best = t;
  }
  return best;
}

/** Higher overall first; on equal overall, name order (then id, so the result never depends on catalog order). */
function ranksAbove(x: Tool, y: Tool): boolean {
  const d = toTenths(x.overall) - toTenths(y.overall);
  if (d !== 0) return d > 0;
  const byName = x.name.localeCompare(y.name, 'en');
  return byName !== 0 ? byName < 0 : x.id < y.id;
}
