/**
 * The matcher compiled from a detection index: every spelling of every tool folded to symbols, one
 * pattern per distinct folding with the tools that own it, the words that signal an AI context, and
 * the automaton's tables over them all.
 * Pure; the background compiles it once per catalog and publishes it packed (packed-matcher.ts), so
 * a page never pays for it.
 */
import { buildTables, type AutomatonTables } from './aho-corasick';
import { isAmbiguousSpelling } from './ambiguous-names';
import { AI_CONTEXT_AFTER_SLASH, AI_CONTEXT_WORDS } from './disambiguate';
import type { DetectionIndex } from './detection-index';
import { normalizePattern } from './normalize';
import { spellingsOf, type Spelling } from './variants';

/** Which tool a pattern names, and how: enough to resolve a match on a given page. */
export type PatternOwner = Pick<Spelling, 'toolId' | 'kind'>;

export interface PatternInfo {
  /** No owners: only a context word. */
  owners: PatternOwner[];
  /** The spelling is also an ordinary word or name: it counts only with evidence. */
  ambiguous: boolean;
  /**
   * One of the words that put a page in an AI context (disambiguate.ts), found in the same pass as
   * the names: 'word' anywhere, 'after-slash' only right after a "/".
   */
  context?: 'word' | 'after-slash';
}

export interface CompiledMatcher {
  /** By pattern id, as the automaton reports them. */
  patterns: PatternInfo[];
  tables: AutomatonTables;
}

export function compileMatcher(index: DetectionIndex): CompiledMatcher {
  const patternKeys = new Map<string, number>();
  const symbols: number[][] = [];
  const patterns: PatternInfo[] = [];
  /** The pattern `text` folds to (created at its first spelling), or undefined when it folds to nothing. */
  const patternFor = (text: string): PatternInfo | undefined => {
    const folded = normalizePattern(text);
    if (folded.length === 0) return undefined;
    const key = folded.join(',');
    let id = patternKeys.get(key);
    if (id === undefined) {
      id = symbols.length;
      patternKeys.set(key, id);
      symbols.push(folded);
      patterns.push({ owners: [], ambiguous: isAmbiguousSpelling(text) });
    }
    return patterns[id];
  };
  for (const tool of index.tools) {
    for (const spelling of spellingsOf(tool)) {
      const owners = patternFor(spelling.text)?.owners;
      if (owners && !owners.some((o) => o.toolId === spelling.toolId)) owners.push({ toolId: spelling.toolId, kind: spelling.kind });
    }
  }
  for (const word of AI_CONTEXT_WORDS) patternFor(word)!.context = 'word';
  for (const word of AI_CONTEXT_AFTER_SLASH) patternFor(word)!.context ??= 'after-slash';
  return { patterns, tables: buildTables(symbols) };
}
