/**
 * The spellings a tool is found by: its name and aliases as the catalog gives them, plus the forms
 * pages use that the catalog need not list — word order ("Claude Sonnet 3.5" for "Claude 3.5
 * Sonnet"), and the loose name a vendor's own pages use ("Copilot" on github.com for "GitHub
 * Copilot"). Case, dashes, dots and spacing need no variants: normalization folds them.
 */
import type { IndexedTool } from './detection-index';

export type SpellingKind = 'name' | 'alias' | 'reordered' | 'loose';

export interface Spelling {
  toolId: string;
  text: string;
  kind: SpellingKind;
}

const FAMILY_VERSION_TIER = /^(claude|gemini|llama|mistral|command)\s+(\d+(?:\.\d+)?)\s+(opus|sonnet|haiku|pro|flash|flash-lite|ultra|nano|large|small|medium)$/i;
const FAMILY_TIER_VERSION = /^(claude|gemini|llama|mistral|command)\s+(opus|sonnet|haiku|pro|flash|flash-lite|ultra|nano|large|small|medium)\s+(\d+(?:\.\d+)?)$/i;

/** "Claude 3.5 Sonnet" ↔ "Claude Sonnet 3.5": vendors renamed the order; pages use both. */
export function reorderings(name: string): string[] {
  const a = FAMILY_VERSION_TIER.exec(name.trim());
  if (a) return [`${a[1]} ${a[3]} ${a[2]}`];
  const b = FAMILY_TIER_VERSION.exec(name.trim());
  if (b) return [`${b[1]} ${b[3]} ${b[2]}`];
  return [];
}

/** Loose names that would be ordinary words even on the vendor's site ("Meta AI" → "AI"). */
const TOO_GENERIC = new Set(['ai', 'app', 'assistant', 'chat', 'code', 'agent', 'agents', 'pro', 'studio', 'developer', 'api']);

/** The name without the vendor's name in front: "GitHub Copilot" → "Copilot"; "Adobe Firefly" → "Firefly". */
export function looseName(tool: Pick<IndexedTool, 'name' | 'vendor'>): string | undefined {
  const vendorWords = tool.vendor.toLowerCase().split(/\s+/);
  const words = tool.name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && vendorWords.includes(words[i]!.toLowerCase())) i++;
  const loose = words.slice(i).join(' ');
  // "Mistral 7B" by Mistral AI must not make "7B" a name: a loose name starts with a letter and has three.
  const wordy = /^\p{L}/u.test(loose) && (loose.match(/\p{L}/gu)?.length ?? 0) >= 3;
  return i > 0 && wordy && loose.length >= 4 && !TOO_GENERIC.has(loose.toLowerCase()) ? loose : undefined;
}

export function spellingsOf(tool: IndexedTool): Spelling[] {
  const out: Spelling[] = [{ toolId: tool.id, text: tool.name, kind: 'name' }];
  for (const alias of tool.aliases) out.push({ toolId: tool.id, text: alias, kind: 'alias' });
  for (const s of [tool.name, ...tool.aliases]) for (const r of reorderings(s)) out.push({ toolId: tool.id, text: r, kind: 'reordered' });
  const loose = looseName(tool);
  if (loose) out.push({ toolId: tool.id, text: loose, kind: 'loose' });
  return out;
}
