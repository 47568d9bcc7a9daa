/**
 * Finding AI tools in a page's text (pure: no DOM, no browser API). One pass of an Aho-Corasick
 * automaton over normalized text finds every spelling of every tool; word boundaries, longest match
 * and disambiguation decide which count; the page's subject and kind come from its address, title and
 * what was found. Offsets are the original text's, for the DOM layer to turn into Ranges.
 */
import { foldWords } from './ambiguous-names';
import { gapsEnd, isHyphen, isLetterAt, notLetterOrNumber, wordAt } from './char-class';
import { compileMatcher, type CompiledMatcher, type PatternInfo, type PatternOwner } from './compiled-matcher';
import type { DetectionIndex, IndexedTool } from './detection-index';
import { acceptAmbiguous } from './disambiguate';
import { isPricingPage, pageSubject, vendorToolsFor } from './page-subject';
import { jsTextScanner, type TextScanner } from './text-scan';
import { createWasmTextScanner } from './wasm/wasm-text-scanner';

export interface PageContext {
  hostname: string;
  url: string;
  title: string;
  headings: string[];
}

export interface Mention {
  toolId: string;
  /** Original offsets: [start, end). */
  start: number;
  end: number;
  text: string;
}

export interface PageDetection {
  mentions: Mention[];
  subject?: string;
  isPricingPage: boolean;
  counts: Record<string, number>;
}

export interface Detector {
  /** All candidate matches in text (longest, non-overlapping), before disambiguation. */
  scan(text: string): (Mention & { ambiguous: boolean })[];
  /** Accepted mentions in text, disambiguated with the page context. */
  detect(text: string, page: PageContext): Mention[];
  /** The whole result for a page given its text. */
  detectPage(text: string, page: PageContext): PageDetection;
  /**
   * What the page is about and whether it is a pricing page, from its context and how often each
   * tool is mentioned (a page read chunk by chunk counts them all before asking).
   */
  pageFacts(page: PageContext, counts: Readonly<Record<string, number>>): Pick<PageDetection, 'subject' | 'isPricingPage'>;
}

interface Candidate {
  info: PatternInfo;
  start: number;
  end: number;
  text: string;
}

/**
 * Words that name another variant of a versioned model: "GPT-4.1 nano" is not GPT-4.1. When the
 * catalog has the variant, the longer name wins anyway; when it has not, the shorter must not claim it.
 */
const VARIANT_WORDS: ReadonlySet<string> = new Set([
  'mini', 'nano', 'pro', 'turbo', 'flash', 'lite', 'max', 'ultra', 'large', 'small', 'medium', 'preview', 'vision',
  'audio', 'realtime', 'instruct', 'opus', 'sonnet', 'haiku', 'plus', 'fast', 'thinking', 'reasoning', 'codex', 'high',
  'low', 'deep research',
]);
/** How far after a versioned name a variant word is looked for. */
const VARIANT_WINDOW = 24;

function hasDigit(text: string, start: number, end: number): boolean {
  // Written out rather than calling isAsciiDigit: it runs for every name on a page, in cold code.
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** Gaps, then a variant word as a whole word, right after `end` ("GPT-4.1 nano"). */
function variantFollows(text: string, end: number): boolean {
  const stop = Math.min(text.length, end + VARIANT_WINDOW);
  const word = gapsEnd(text, end, stop);
  return word > end && wordAt(text, word, stop, VARIANT_WORDS, notLetterOrNumber) >= 0;
}

export interface DetectorOptions {
  /**
   * The compiled text-scan module (wasm/wasm-text-scanner.ts): the detector scans with it, and in
   * JavaScript when there is none, when it cannot be set up, or after it fails once.
   */
  wasm?: WebAssembly.Module;
  /**
   * Texts shorter than this are scanned in JavaScript until a longer one comes (default 0). Each
   * instance reserves its own memory, and a renderer holds only about 125 before the browser forces
   * a full garbage collection to free some (docs/performance.md): a frame with a few words, which
   * JavaScript scans in well under a millisecond, need not take one.
   */
  wasmMinChars?: number;
  /** Told when the WebAssembly scan could not be used and JavaScript took over. */
  onFallback?: (error: unknown) => void;
}

/**
 * A detector for `index`. `compiled` is the index's matcher when a warm context built it already (the
 * content script gets it with the index); without it, the detector compiles its own.
 */
export function createDetector(index: DetectionIndex, compiled: CompiledMatcher = compileMatcher(index), options: DetectorOptions = {}): Detector {
  // A page is matched chunk by chunk, each asking which tools are its host's: asked once per host.
  const vendors = new Map<string, { tools: IndexedTool[]; ids: ReadonlySet<string> }>();
  const vendorsOf = (hostname: string) => {
    let found = vendors.get(hostname);
    if (!found) {
      const tools = vendorToolsFor(hostname, index.tools);
      vendors.set(hostname, (found = { tools, ids: new Set(tools.map((t) => t.id)) }));
    }
    return found;
  };
  const infos = compiled.patterns;
  const scanText = textScannerFor(compiled, options);

  /**
   * Longest, non-overlapping, whole-word candidates, and where the AI context words are (sorted
   * offsets): both from the one pass. Written as plain loops over typed arrays: on a page this runs
   * cold, once per hit, and an object per hit, a comparator sort and a chain of array callbacks
   * cost more than the scan that found the hits.
   */
  const candidates = (text: string): { found: Candidate[]; contexts: Int32Array } => {
    const { hits: triples, count } = scanText(text);
    // Context words are kept as offsets only; names as indexes of their triples, in order of start,
    // longest first at each start. The hits come in order of end, which is nearly that order: each is
    // inserted where it belongs, past the few it overlaps.
    const contexts = new Int32Array(count);
    let contextCount = 0;
    const names = new Int32Array(count);
    let nameCount = 0;
    for (let k = 0; k < count; k++) {
      const start = triples[k * 3 + 1]!;
      const info = infos[triples[k * 3]!]!;
      if (info.context && (info.context === 'word' || text.charCodeAt(start - 1) === 0x2f)) {
        let at = contextCount++;
        for (; at > 0 && contexts[at - 1]! > start; at--) contexts[at] = contexts[at - 1]!;
        contexts[at] = start;
      }
      // A context word never takes the place of a name: "AI" in "Meta AI" is the name's.
      if (info.owners.length === 0) continue;
      const end = triples[k * 3 + 2]!;
      let at = nameCount++;
      for (; at > 0; at--) {
        const before = names[at - 1]!;
        const beforeStart = triples[before * 3 + 1]!;
        if (beforeStart < start || (beforeStart === start && triples[before * 3 + 2]! >= end)) break;
        names[at] = before;
      }
      names[at] = k;
    }
    const found: Candidate[] = [];
    let lastEnd = -1;
    for (let i = 0; i < nameCount; i++) {
      const k = names[i]!;
      const start = triples[k * 3 + 1]!;
      if (start < lastEnd) continue;
      const end = triples[k * 3 + 2]!;
      // "GPT-4o-audio": a hyphen joining a word after the name makes it another model's id.
      if (isHyphen(text.charCodeAt(end)) && isLetterAt(text, end + 1)) continue;
      if (hasDigit(text, start, end) && variantFollows(text, end)) continue;
      found.push({ info: infos[triples[k * 3]!]!, start, end, text: text.slice(start, end) });
      lastEnd = end;
    }
    return { found, contexts: contexts.subarray(0, contextCount) };
  };

  /** Which tool a candidate names on this page, if any. */
  const resolve = (c: Candidate, vendorIds: ReadonlySet<string>): PatternOwner | undefined => {
    const owners = c.info.owners;
    if (vendorIds.size > 0) for (const owner of owners) if (vendorIds.has(owner.toolId)) return owner;
    // Loose names ("Copilot" for GitHub Copilot) count only on the vendor's own pages.
    for (const owner of owners) if (owner.kind !== 'loose') return owner;
    return undefined;
  };

  const detect = (text: string, page: PageContext): Mention[] => {
    const vendorIds = vendorsOf(page.hostname).ids;
    const { found, contexts } = candidates(text);
    const owners: (PatternOwner | undefined)[] = [];
    const anchors: number[] = [];
    for (const c of found) {
      const owner = resolve(c, vendorIds);
      owners.push(owner);
      if (owner && !c.info.ambiguous) anchors.push(c.start);
    }
    const mentions: Mention[] = [];
    for (let i = 0; i < found.length; i++) {
      const owner = owners[i];
      if (!owner) continue;
      const c = found[i]!;
      if (
        c.info.ambiguous &&
        !acceptAmbiguous({
          text,
          start: c.start,
          end: c.end,
          surface: c.text,
          folded: foldWords(c.text),
          onVendorPage: vendorIds.has(owner.toolId),
          anchors,
          contexts,
        })
      ) {
        continue;
      }
      mentions.push({ toolId: owner.toolId, start: c.start, end: c.end, text: c.text });
    }
    return mentions;
  };

  const pageFacts: Detector['pageFacts'] = (page, counts) => ({
    subject: pageSubject(page, vendorsOf(page.hostname).tools, counts),
    isPricingPage: isPricingPage(page),
  });

  return {
    scan(text) {
      return candidates(text).found.map((c) => ({
        toolId: (c.info.owners.find((o) => o.kind !== 'loose') ?? c.info.owners[0]!).toolId,
        start: c.start,
        end: c.end,
        text: c.text,
        ambiguous: c.info.ambiguous,
      }));
    },
    detect,
    detectPage(text, page) {
      const mentions = detect(text, page);
      const counts: Record<string, number> = {};
      for (const m of mentions) counts[m.toolId] = (counts[m.toolId] ?? 0) + 1;
      return { mentions, counts, ...pageFacts(page, counts) };
    },
    pageFacts,
  };
}

/**
 * The WebAssembly scan when it can run, JavaScript's otherwise. The module's instance is made at the
 * first text long enough for it; a failed set-up or run is redone in JavaScript, which stays.
 */
function textScannerFor(compiled: CompiledMatcher, options: DetectorOptions): TextScanner {
  let js: TextScanner | undefined;
  const inJs = () => (js ??= jsTextScanner(compiled.tables));
  const module = options.wasm;
  if (!module) return inJs();
  const minChars = options.wasmMinChars ?? 0;
  let wasm: TextScanner | undefined;
  let failed = false;
  return (text) => {
    if (!failed && (wasm !== undefined || text.length >= minChars)) {
      try {
        wasm ??= createWasmTextScanner(module, compiled.tables);
        return wasm(text);
      } catch (error) {
        // A catalog the module cannot hold, or out of memory for a pathological page.
        failed = true;
        wasm = undefined;
        options.onFallback?.(error);
      }
    }
    return inJs()(text);
  };
}
