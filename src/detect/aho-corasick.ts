/**
 * Aho-Corasick over normalized symbols: one pass over the text finds every pattern, at a cost that
 * grows with the text and the matches, not with the number of patterns.
 */
import { BREAK } from './normalize';

const SYM_SPACE = 2 ** 21; // symbols are below 0x10ffff + 64
const ROOT_DENSE = 128; // the root's edges for small symbols sit in an array: it is visited most

export interface Hit {
  pattern: number;
  /** Index of the first and one past the last normalized symbol. */
  start: number;
  end: number;
}

export interface Automaton {
  /** Every occurrence of every pattern (overlapping ones included), in order of end. */
  scan(symbols: Int32Array, length: number): Hit[];
  readonly patternCount: number;
}

export function buildAutomaton(patterns: readonly (readonly number[])[]): Automaton {
  const edges = new Map<number, number>();
  const children: number[][] = [[]];
  const depth: number[] = [0];
  const outList: number[] = [-1];
  const lengths = patterns.map((p) => p.length);

  patterns.forEach((pattern, id) => {
    let node = 0;
    for (const sym of pattern) {
      const key = node * SYM_SPACE + sym;
      let next = edges.get(key);
      if (next === undefined) {
        next = children.length;
        edges.set(key, next);
        children.push([]);
        depth.push(depth[node]! + 1);
        outList.push(-1);
        children[node]!.push(sym);
      }
      node = next;
    }
    // Several spellings can fold to the same symbols; the first one registered stands for them.
    if (pattern.length > 0 && outList[node] === -1) outList[node] = id;
  });

  const count = children.length;
  const fail = new Int32Array(count);
  const dict = new Int32Array(count).fill(-1); // nearest proper suffix node with an output
  const out = Int32Array.from(outList);
  const rootDense = new Int32Array(ROOT_DENSE).fill(0);
  for (const sym of children[0]!) if (sym < ROOT_DENSE) rootDense[sym] = edges.get(sym)!;

  const goto = (node: number, sym: number): number => {
    if (node === 0 && sym < ROOT_DENSE) return rootDense[sym]!;
    return edges.get(node * SYM_SPACE + sym) ?? (node === 0 ? 0 : -1);
  };

  // Breadth first: a node's failure link is set before its children need it.
  const queue: number[] = [];
  for (const sym of children[0]!) {
    const child = edges.get(sym)!;
    fail[child] = 0;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const sym of children[node]!) {
      const child = edges.get(node * SYM_SPACE + sym)!;
      let f = fail[node]!;
      while (f !== 0 && goto(f, sym) === -1) f = fail[f]!;
      const target = goto(f, sym);
      fail[child] = target === child || target === -1 ? 0 : target;
      const fc = fail[child]!;
      dict[child] = out[fc]! >= 0 ? fc : dict[fc]!;
      queue.push(child);
    }
  }

  return {
    patternCount: patterns.length,
    scan(symbols, length) {
      const hits: Hit[] = [];
      let state = 0;
      for (let i = 0; i < length; i++) {
        const sym = symbols[i]!;
        if (sym === BREAK) {
          state = 0;
          continue;
        }
        let next = goto(state, sym);
        while (next === -1) {
          state = fail[state]!;
          next = goto(state, sym);
        }
        state = next;
        for (let node = out[state]! >= 0 ? state : dict[state]!; node > 0; node = dict[node]!) {
          const pattern = out[node]!;
          hits.push({ pattern, start: i + 1 - lengths[pattern]!, end: i + 1 });
        }
      }
      return hits;
    },
  };
}
