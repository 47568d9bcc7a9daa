/**
 * Aho-Corasick over normalized symbols: one pass over the text finds every pattern, at a cost that
 * grows with the text and the matches, not with the number of patterns.
 *
 * Memory layout, chosen so the scan's cost barely moves between 100 and 10,000 tools:
 * - States near the root (depth ≤ DENSE_DEPTH), where the scan spends most of its steps, get a full
 *   row of transitions for the ASCII symbols with the failure links already folded in: one array
 *   read per character, no failure loop.
 * - Deeper states keep only their own edges, in one open-addressing hash table of typed arrays
 *   (no per-edge objects, no boxed keys), and fall back along failure links, which soon reach a
 *   dense state.
 */
import { ASCII_SYMBOLS } from './normalize';

/** States this close to the root get a dense row (at most 1 + 38 + 38² of them). */
const DENSE_DEPTH = 3;

/** Where a scan writes its hits: (pattern, end) pairs, grown as needed and reused from scan to scan. */
export interface HitBuffer {
  pairs: Int32Array;
}

export const createHitBuffer = (): HitBuffer => ({ pairs: new Int32Array(512) });

export interface Automaton {
  /**
   * Every occurrence of every pattern (overlapping ones included), in order of end, written to
   * `into.pairs` as (pattern, end) with `end` one past the last symbol; returns how many. No object
   * per hit: a page of text has tens of thousands of hits, most of them context words.
   */
  scan(symbols: Int32Array, length: number, into: HitBuffer): number;
  /** A pattern's length in symbols: a hit starts at `end - lengthOf(pattern)`. */
  lengthOf(pattern: number): number;
}

/**
 * Everything the scan reads, as flat typed arrays: what a warm context (the background) builds once
 * per catalog and a page only reads (see packed-matcher.ts).
 */
export interface AutomatonTables {
  /** Each state's row in `dense`, or -1 for a deep state. */
  row: Int32Array;
  /** ASCII_SYMBOLS transitions per dense state, failure links folded in. */
  dense: Int32Array;
  /**
   * The edges a dense row cannot answer (from deep states, or on symbols beyond ASCII), as a list of
   * (state, symbol, target) triples; the scan puts them in a hash table. A list is a third of the
   * table's size, which matters for what every page reads from storage (packed-matcher.ts).
   */
  edges: Int32Array;
  fail: Int32Array;
  /** The pattern ending at each state, or -1. */
  out: Int32Array;
  /** The nearest proper suffix state with an output, or -1. */
  dict: Int32Array;
  /** Each pattern's length in symbols. */
  lengths: Int32Array;
}

/**
 * The size of an edge hash table for `expected` edges, as a power of two (bits): at most half full,
 * so probe runs stay short. The WebAssembly scan sizes its own table of the same edges by it.
 */
export function edgeHashBits(expected: number): number {
  let bits = 4;
  while (1 << bits < expected * 2) bits++;
  return bits;
}

/** The slot where (state, sym) starts probing, in a table of 2^bits slots: `shift` is 32 - bits. */
function slotOf(state: number, sym: number, shift: number): number {
  // Mix both keys, then take the top bits (multiplicative hashing): neighbouring states spread out.
  let h = Math.imul(state, 0x9e3779b1) ^ sym;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> shift;
}

/**
 * Edges (state, symbol) → state in one typed array of (state, symbol, target) triples, so a lookup
 * touches one cache line, not three arrays; -1 when absent.
 */
class EdgeTable {
  readonly slots: Int32Array;
  readonly mask: number;
  readonly shift: number;

  /** A table for `expected` edges. */
  constructor(expected: number) {
    const bits = edgeHashBits(expected);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.slots = new Int32Array((1 << bits) * 3).fill(-1);
  }

  /** A table of the (state, symbol, target) triples in `list`. */
  static of(list: Int32Array): EdgeTable {
    const table = new EdgeTable(list.length / 3);
    for (let i = 0; i < list.length; i += 3) table.set(list[i]!, list[i + 1]!, list[i + 2]!);
    return table;
  }

  get(state: number, sym: number): number {
    const { slots, mask } = this;
    for (let i = slotOf(state, sym, this.shift); ; i = (i + 1) & mask) {
      const at = i * 3;
      const from = slots[at]!;
      if (from === -1) return -1;
      if (from === state && slots[at + 1] === sym) return slots[at + 2]!;
    }
  }

  set(state: number, sym: number, target: number): void {
    const { slots, mask } = this;
    let i = slotOf(state, sym, this.shift);
    while (slots[i * 3] !== -1) i = (i + 1) & mask;
    slots[i * 3] = state;
    slots[i * 3 + 1] = sym;
    slots[i * 3 + 2] = target;
  }
}

export function buildAutomaton(patterns: readonly (readonly number[])[]): Automaton {
  return automatonFrom(buildTables(patterns));
}

export function buildTables(patterns: readonly (readonly number[])[]): AutomatonTables {
  // The trie in flat arrays sized for the worst case (every symbol a new state): each state's
  // children as a linked list (first child, next sibling) for the breadth-first pass, and every edge
  // in the hash table for lookups. No per-state objects: 10,000 tools make 400,000 states.
  let total = 1;
  for (const p of patterns) total += p.length;
  const firstChild = new Int32Array(total).fill(-1);
  const nextSibling = new Int32Array(total).fill(-1);
  const symOf = new Int32Array(total); // the symbol on the edge into each state
  const depth = new Int32Array(total);
  const outAll = new Int32Array(total).fill(-1);
  const trie = new EdgeTable(total);
  const lengths = Int32Array.from(patterns, (p) => p.length);
  let count = 1;

  patterns.forEach((pattern, id) => {
    let state = 0;
    for (const sym of pattern) {
      let next = trie.get(state, sym);
      if (next === -1) {
        next = count++;
        trie.set(state, sym, next);
        symOf[next] = sym;
        depth[next] = depth[state]! + 1;
        nextSibling[next] = firstChild[state]!;
        firstChild[state] = next;
      }
      state = next;
    }
    // Several spellings can fold to the same symbols; the first one registered stands for them.
    if (pattern.length > 0 && outAll[state] === -1) outAll[state] = id;
  });

  const out = outAll.slice(0, count);
  const fail = new Int32Array(count);
  const dict = new Int32Array(count).fill(-1);

  const row = new Int32Array(count).fill(-1);
  let rows = 0;
  for (let s = 0; s < count; s++) if (depth[s]! <= DENSE_DEPTH) row[s] = rows++;
  const dense = new Int32Array(rows * ASCII_SYMBOLS);

  // The trie's own table answers what the dense rows cannot while the rows are filled in (it holds
  // every edge the scan's table will); the scan's table is built from the list when the automaton is.
  const delta = transition(row, dense, trie, fail);

  // Breadth first: a state's failure link and dense row are complete before its children need them.
  const queue = new Int32Array(count);
  let tail = 1; // queue[0] is the root
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const r = row[state]!;
    if (r >= 0) {
      // Its row: what its failure state does (complete already: shallower), then its own edges.
      // A native copy and a walk of its children.
      const base = r * ASCII_SYMBOLS;
      if (state !== 0) {
        const from = row[fail[state]!]! * ASCII_SYMBOLS;
        dense.copyWithin(base, from, from + ASCII_SYMBOLS);
      }
      for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
        if (symOf[child]! < ASCII_SYMBOLS) dense[base + symOf[child]!] = child;
      }
    }
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      const fc = state === 0 ? 0 : delta(fail[state]!, symOf[child]!);
      fail[child] = fc;
      dict[child] = out[fc]! >= 0 ? fc : dict[fc]!;
      queue[tail++] = child;
    }
  }
  return renumberBreadthFirst(queue, { row, dense, fail, out, dict, lengths }, firstChild, nextSibling, symOf);
}

/**
 * The tables with the states numbered in breadth-first order (`order`: the old number of each new
 * one), and the list of the edges a dense row cannot answer: edges out of deep states, and on symbols
 * beyond ASCII, in order of state. Numbered by depth, a state's failure link (always shallower) has a
 * smaller number than the state, and the dense states are the first ones (row[s] === s): the
 * WebAssembly scan relies on both to give every state a full row in one pass at its set-up.
 */
function renumberBreadthFirst(
  order: Int32Array,
  old: Omit<AutomatonTables, 'edges'>,
  firstChild: Int32Array,
  nextSibling: Int32Array,
  symOf: Int32Array,
): AutomatonTables {
  const count = old.row.length;
  const id = new Int32Array(count);
  for (let i = 0; i < count; i++) id[order[i]!] = i;
  const row = new Int32Array(count).fill(-1);
  const dense = new Int32Array(old.dense.length);
  const fail = new Int32Array(count);
  const out = new Int32Array(count);
  const dict = new Int32Array(count);
  // Room for every edge, then cut to what was listed.
  const allEdges = new Int32Array(Math.max(0, count - 1) * 3);
  let at = 0;
  for (let s = 0; s < count; s++) {
    const was = order[s]!;
    fail[s] = id[old.fail[was]!]!;
    out[s] = old.out[was]!;
    dict[s] = old.dict[was]! < 0 ? -1 : id[old.dict[was]!]!;
    const r = old.row[was]!;
    if (r >= 0) {
      row[s] = s;
      for (let k = 0; k < ASCII_SYMBOLS; k++) dense[s * ASCII_SYMBOLS + k] = id[old.dense[r * ASCII_SYMBOLS + k]!]!;
    }
    for (let child = firstChild[was]!; child !== -1; child = nextSibling[child]!) {
      if (r >= 0 && symOf[child]! < ASCII_SYMBOLS) continue;
      allEdges[at++] = s;
      allEdges[at++] = symOf[child]!;
      allEdges[at++] = id[child]!;
    }
  }
  return { row, dense, edges: allEdges.slice(0, at), fail, out, dict, lengths: old.lengths };
}

/**
 * The full transition (failure links followed) from `state` on `sym`. The table probe is written out
 * here rather than called: on a page this runs cold, where every call costs.
 */
function transition(row: Int32Array, dense: Int32Array, edges: EdgeTable, fail: Int32Array) {
  const { slots, mask, shift } = edges;
  return (state: number, sym: number): number => {
    for (;;) {
      const r = row[state]!;
      if (r >= 0 && sym < ASCII_SYMBOLS) return dense[r * ASCII_SYMBOLS + sym]!;
      let h = Math.imul(state, 0x9e3779b1) ^ sym; // slotOf, written out
      h ^= h >>> 15;
      h = Math.imul(h, 0x85ebca6b);
      for (let i = (h ^ (h >>> 13)) >>> shift; ; i = (i + 1) & mask) {
        const at = i * 3;
        const from = slots[at]!;
        if (from === -1) break;
        if (from === state && slots[at + 1] === sym) return slots[at + 2]!;
      }
      if (state === 0) return 0;
      state = fail[state]!;
    }
  };
}

export function automatonFrom(tables: AutomatonTables): Automaton {
  const { row, dense, fail, out, dict, lengths } = tables;
  const delta = transition(row, dense, EdgeTable.of(tables.edges), fail);
  // What the scan reads per character, worked out once: where each state's dense row starts (-1 for
  // a deep state), and the first state whose pattern ends here (the state itself, or its dictionary
  // link; -1 for none, the root included).
  const states = row.length;
  const rowStart = new Int32Array(states);
  const report = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    rowStart[s] = row[s]! >= 0 ? row[s]! * ASCII_SYMBOLS : -1;
    report[s] = out[s]! >= 0 ? s : dict[s]!;
  }
  return {
    lengthOf: (pattern) => lengths[pattern]!,
    scan(symbols, length, into) {
      let pairs = into.pairs;
      let count = 0;
      let state = 0;
      for (let i = 0; i < length; i++) {
        const sym = symbols[i]!;
        // delta's first step, inline: this line runs once per character of the page. A break needs
        // no test of its own: no pattern holds one, so every row sends it back to the root.
        const at = rowStart[state]!;
        state = at >= 0 && sym < ASCII_SYMBOLS ? dense[at + sym]! : delta(state, sym);
        for (let node = report[state]!; node > 0; node = dict[node]!) {
          if (count * 2 + 2 > pairs.length) {
            const grown = new Int32Array(pairs.length * 2);
            grown.set(pairs);
            into.pairs = pairs = grown;
          }
          pairs[count * 2] = out[node]!;
          pairs[count * 2 + 1] = i + 1;
          count++;
        }
      }
      return count;
    },
  };
}
