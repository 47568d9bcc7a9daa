/**
 * Matcher scaling, in Node: createDetector's build time and the scan time of one ~1 MB text with
 * catalogs of 100 and 10,000 synthetic tools. The text names tools of the 100-tool catalog, which is
 * the head of the 10,000-tool one, so both find the same mentions: only the catalog's size differs.
 * The scan is timed in both engines: JavaScript, and the WebAssembly module pages use where allowed.
 */
import { generateText } from './page-generator.mjs';
import { median, round } from './stats.mjs';
import { syntheticIndex } from './synthetic-catalog.mjs';

const now = () => performance.now();

/** @param {{ detectorModule: string, log: (s: string) => void, runs?: number }} options */
export async function benchMatcher({ detectorModule, log, runs = 7 }) {
  const { createDetector, textScanModuleSync } = await import(detectorModule);
  const catalogs = [syntheticIndex(100), syntheticIndex(10_000)];
  const terms = catalogs[0].tools.flatMap((t) => [t.name, ...t.aliases]);
  const text = generateText({ targetChars: 1_000_000, terms });
  const page = { hostname: 'reviews.example.org', url: 'https://reviews.example.org/best', title: 'Best AI tools', headings: [] };

  /**
   * Each scanner timed `n` times on the text, alternating which catalog goes first; `after(i, r)` runs
   * after each timed scan. Per scanner, its times.
   */
  const timeScans = (scanners, n, after = () => {}) => {
    const times = scanners.map(() => []);
    for (let r = 0; r < n; r++) {
      for (let k = 0; k < scanners.length; k++) {
        const i = (k + r) % scanners.length;
        const t0 = now();
        scanners[i](text);
        times[i].push(now() - t0);
        after(i, r);
      }
    }
    return times;
  };

  const build = catalogs.map(() => []);
  const mentions = [0, 0];
  const detectors = catalogs.map((index, i) => {
    const t0 = now();
    const detector = createDetector(index);
    build[i].push(now() - t0);
    return detector;
  });
  // `scan` is the matcher alone; `detect` (with disambiguation) where a detector has no scan.
  const scanOf = (d) => (typeof d.scan === 'function' ? (t) => d.scan(t) : (t) => d.detect(t, page));
  const scanners = detectors.map(scanOf);
  // Warm-up (JIT, lazy tables), not counted; it also tells how many runs fit the time budget.
  const warm = scanners.map((s, i) => {
    const t0 = now();
    mentions[i] = s(text).length;
    return now() - t0;
  });
  // A matcher that takes seconds per scan is measured by its one (cold) run, to stay in budget.
  const n = Math.max(...warm) > 5_000 ? 0 : runs;
  if (n === 0) log(`  matcher: a scan takes ${Math.round(Math.max(...warm))} ms; reporting the single untimed-warm-up run`);
  const scan =
    n === 0
      ? warm.map((ms) => [ms])
      : timeScans(scanners, n, (i, r) => {
          if (r >= 3) return;
          const t0 = now();
          createDetector(catalogs[i]);
          build[i].push(now() - t0);
        });
  const result = {
    textChars: text.length,
    runs: Math.max(n, 1),
    cold: n === 0,
    method: typeof detectors[0].scan === 'function' ? 'scan' : 'detect',
    catalogs: catalogs.map((c, i) => ({
      tools: c.tools.length,
      spellings: c.tools.reduce((sum, t) => sum + 1 + t.aliases.length, 0),
      buildMs: round(median(build[i])),
      scanMs: round(median(scan[i])),
      mentions: mentions[i],
    })),
  };
  result.scanRatio = round(result.catalogs[1].scanMs / result.catalogs[0].scanMs);
  log(`  matcher: scan 100 tools ${result.catalogs[0].scanMs} ms, 10,000 tools ${result.catalogs[1].scanMs} ms`);

  // The same scans through the WebAssembly engine (no fallback allowed: a refused module fails the section).
  if (textScanModuleSync && n > 0) {
    const wasm = textScanModuleSync();
    const fellBack = (error) => {
      throw error;
    };
    const wasmScanners = catalogs.map((index) => scanOf(createDetector(index, undefined, { wasm, onFallback: fellBack })));
    const wasmMentions = wasmScanners.map((s) => s(text).length); // warm-up
    const wasmScan = timeScans(wasmScanners, n);
    result.webAssembly = {
      catalogs: catalogs.map((c, i) => ({ tools: c.tools.length, scanMs: round(median(wasmScan[i])), mentions: wasmMentions[i] })),
    };
    result.webAssembly.scanRatio = round(result.webAssembly.catalogs[1].scanMs / result.webAssembly.catalogs[0].scanMs);
    log(`  matcher (WebAssembly): scan 100 tools ${result.webAssembly.catalogs[0].scanMs} ms, 10,000 tools ${result.webAssembly.catalogs[1].scanMs} ms`);
  }
  return result;
}
