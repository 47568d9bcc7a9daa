/**
 * `npm run bench`: the budgets of ARCHITECTURE.md §5, measured as ratios against baselines run side
 * by side in this one run (never timed unit tests). Prints a table with PASS/MISS per target and
 * writes test-results/bench.json. Exits 0 whatever the figures (it is a report), non-zero when a
 * part could not run. What each figure means: docs/performance.md.
 *
 *   npm run bench                 everything (about two minutes on two cores)
 *   npm run bench -- --build      rebuild the extension even if the build looks fresh
 *   npm run bench -- --full       also mark.js on the 5 MB page (about three more minutes)
 *   npm run bench -- --quick      fewer runs, smaller pages (a smoke test of the bench itself)
 *   npm run bench -- --javascript  detection with the JavaScript scan, as on pages whose policy refuses WebAssembly
 *   npm run bench -- --only=detection,matcher   only these sections (bundles, matcher, detection,
 *                                 extension), e.g. while working on one of them
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DETECTOR, buildHarnesses } from './bench/build-harness.mjs';
import { ensureBuild, measureBundles } from './bench/bundles.mjs';
import { FULL_PAGE_SIZES, PAGE_SIZES, benchDetection } from './bench/detection.mjs';
import { benchExtension } from './bench/extension.mjs';
import { benchMatcher } from './bench/matcher.mjs';
import { round } from './bench/stats.mjs';
import { CHROMIUM_PATH, assertChromium, chromiumArgs } from './lib/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const OUT = join(ROOT, 'test-results/bench.json');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const log = (s) => console.log(s);

/** Budgets (ARCHITECTURE.md §5). */
const TARGETS = {
  oursOverFloor: 3,
  oursOverMarkjs: 0.1,
  typicalMs: 5,
  longestTaskMs: 50,
  matcherRatio: 1.2,
  lookupUs: 500,
  bundlesKB: { content: 35, popup: 60, options: 60 },
  popupMs: 100,
  pageWorkRatio: 1.5,
};

const started = Date.now();
const report = { date: new Date().toISOString(), machine: {}, detector: '', sections: {}, errors: {}, targets: [] };

try {
  assertChromium();
} catch (error) {
  console.error(`bench: cannot run. ${error.message}`);
  process.exit(2);
}

report.detector = relative(ROOT, DETECTOR);
// The load average says whether other work shared the machine: wall-clock figures inflate under it.
report.machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', node: process.version, platform: `${process.platform} ${process.arch}`, loadAtStart: loadavg()[0] };

/** Run one section; a failure is recorded and reported, and the rest still run. */
async function section(name, fn) {
  if (only && name !== 'build' && !only.includes(name)) return;
  const t0 = Date.now();
  try {
    report.sections[name] = await fn();
  } catch (error) {
    report.errors[name] = String(error?.stack ?? error);
    console.error(`bench: ${name} could not run:\n${error?.stack ?? error}`);
  }
  log(`  (${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

log(`Versus Lens bench — ${report.machine.cpus} × ${report.machine.cpu} (load ${report.machine.loadAtStart.toFixed(1)}), Node ${process.version}, Chromium at ${CHROMIUM_PATH}`);
log(`matcher: ${report.detector}`);

let harness;
await section('build', async () => {
  const rebuilt = ensureBuild({ buildDir: BUILD_DIR, force: args.has('--build'), log });
  harness = await buildHarnesses([
    { name: 'page', entry: 'scripts/bench/page-harness.ts', platform: 'browser' },
    { name: 'catalog', entry: 'scripts/bench/catalog-harness.ts', platform: 'browser' },
    { name: 'node', entry: 'scripts/bench/node-harness.ts', platform: 'node' },
  ]);
  return { rebuiltExtension: rebuilt };
});
if (!harness) process.exit(1);

await section('bundles', () => measureBundles({ buildDir: BUILD_DIR, budgets: TARGETS.bundlesKB }));

await section('matcher', () => benchMatcher({ detectorModule: harness.node, log, runs: quick ? 3 : 7 }));

await section('detection', async () => {
  const { buildDetectionIndex, compileMatcher, packMatcher } = await import(harness.node);
  // What the background publishes to storage.local, as the content script reads it.
  const index = buildDetectionIndex(JSON.parse(readFileSync('public/catalog.json', 'utf8')));
  const matcher = JSON.parse(JSON.stringify(packMatcher(compileMatcher(index), index)));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(undefined, undefined) });
  report.machine.chromium = browser.version();
  try {
    const sizes = quick
      ? [{ ...PAGE_SIZES[0], runs: 3, markjsRuns: 3 }, { ...PAGE_SIZES[1], runs: 2, markjsRuns: 1 }]
      : args.has('--full')
        ? FULL_PAGE_SIZES
        : PAGE_SIZES;
    const engine = args.has('--javascript') ? 'javascript' : 'webassembly';
    const pages = await benchDetection({ browser, harness: harness.page, markjs: join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), index, matcher, log, sizes, engine });
    return { catalogTools: index.tools.length, terms: index.tools.reduce((n, t) => n + 1 + t.aliases.length, 0), pages };
  } finally {
    await browser.close();
  }
});

await section('extension', () => benchExtension({ buildDir: BUILD_DIR, catalogHarness: harness.catalog, log, opens: quick ? 5 : 15 }));

// ---- Targets ----------------------------------------------------------------------------------
const targets = report.targets;
const target = (figure, measured, baseline, ratio, goal, pass) => targets.push({ figure, measured, baseline, ratio, target: goal, pass });
const ms = (n) => `${round(n, n < 10 ? 2 : 1)} ms`;
const kb = (bytes) => `${round(bytes / 1024, 1)} KB`;
const x = (n) => `${round(n, n < 1 ? 3 : n < 100 ? 2 : 0)}×`;

const det = report.sections.detection;
for (const p of det?.pages ?? []) {
  // Beside the floor, the least a scan under the issue's rules has to do (its reads and a bare scan):
  // how far the floor's ratio can fall at all, and how far ours is above that.
  const least = `the least scan ${ms(p.leastMs)} (reads ${ms(p.leastBreakdownMs.read)}, scan ${ms(p.leastBreakdownMs.scan)}; ${x(p.leastOverFloor)} the floor; ours ${x(p.oursOverLeast)} it)`;
  target(`Detection ${p.page}: ours / floor`, ms(p.oursMs), `floor ${ms(p.floorMs)}; ${least}`, x(p.oursOverFloor), `≤ ${TARGETS.oursOverFloor}×`, p.oursOverFloor <= TARGETS.oursOverFloor);
  if (p.markjsMs !== null) {
    target(`Detection ${p.page}: ours / mark.js`, ms(p.oursMs), `mark.js ${ms(p.markjsMs)}`, x(p.oursOverMarkjs), `≤ ${TARGETS.oursOverMarkjs}×`, p.oursOverMarkjs <= TARGETS.oursOverMarkjs);
  }
  if (p.page === 'typical') target('Detection typical: time', ms(p.oursMs), '', '', `a few ms (≤ ${TARGETS.typicalMs} ms)`, p.oursMs <= TARGETS.typicalMs);
  // Judged against the same page with an idle MutationObserver like ours and its text read once: the
  // issue's rescans need the observer, and the browser makes a record per change for any such one.
  // Judged once the page has been idle for a second; what is left is what our marks cost the page.
  // The ratio to the untouched page, and the figures soon after the scan (while V8 may still be
  // marking the heap the read grew), are printed beside it.
  const soon = p.pageWorkSoonMs;
  target(
    `Detection ${p.page}: the page's DOM work after our scan`,
    ms(p.pageWorkScannedMs),
    `observer and read ${ms(p.pageWorkObservedMs)}; untouched ${ms(p.pageWorkMs)} (ours ${x(p.pageWorkRatio)}, observer and read alone ${x(p.pageWorkObservedRatio)}); ${p.pageWorkMarks} marks; 100 ms after: ours ${ms(soon.scanned)}, observer and read ${ms(soon.observed)} (${x(p.pageWorkSoonOverObservedRatio)}), untouched ${ms(soon.untouched)}`,
    x(p.pageWorkOverObservedRatio),
    `≤ ${TARGETS.pageWorkRatio}×`,
    p.pageWorkOverObservedRatio <= TARGETS.pageWorkRatio,
  );
  target(
    `Detection ${p.page}: longest task (scanner, worst run)`,
    ms(p.scannerLongestTaskMs),
    `median run ${ms(p.scannerLongestTaskMedianMs)}; script slices ≤ ${ms(p.scannerLongestSliceMs)}; longest GC pause in a scan ${ms(p.scannerLongestGcPauseMs)}`,
    '',
    `≤ ${TARGETS.longestTaskMs} ms`,
    p.scannerLongestTaskMs <= TARGETS.longestTaskMs && p.scannerLongTasksOver50 === 0,
  );
  // Not the issue's target (a GC pause is a task the page feels too): what the scanner's own script
  // held the main thread for, with the collections the trace shows inside each slice or task taken out.
  target(
    `Detection ${p.page}: longest task without GC pauses (scanner, worst run)`,
    ms(p.scannerLongestTaskWithoutGcMs),
    `GC in the scans: ${p.scannerGcMs.map(ms).join(', ')}`,
    '',
    `≤ ${TARGETS.longestTaskMs} ms`,
    p.scannerLongestTaskWithoutGcMs <= TARGETS.longestTaskMs,
  );
}
const m = report.sections.matcher;
if (m) {
  target('Matcher: scan 10,000 / 100 tools', ms(m.catalogs[1].scanMs), `100 tools ${ms(m.catalogs[0].scanMs)}`, x(m.scanRatio), `≤ ${TARGETS.matcherRatio}×`, m.scanRatio <= TARGETS.matcherRatio);
  const w = m.webAssembly;
  if (w) target('Matcher (WebAssembly): scan 10,000 / 100 tools', ms(w.catalogs[1].scanMs), `100 tools ${ms(w.catalogs[0].scanMs)}`, x(w.scanRatio), `≤ ${TARGETS.matcherRatio}×`, w.scanRatio <= TARGETS.matcherRatio);
}
const cat = report.sections.extension?.catalog;
if (cat) {
  const us = (n) => `${round(n, n < 1 ? 3 : 1)} µs`;
  target('Catalog getTool (IndexedDB)', us(cat.idbById.medianUs), `Map ${us(cat.memById.medianUs)}`, x(cat.idbById.medianUs / cat.memById.medianUs), `≤ ${TARGETS.lookupUs} µs`, cat.idbById.medianUs <= TARGETS.lookupUs && cat.idbById.misses === 0);
  target('Catalog byAlias (IndexedDB)', us(cat.idbByAlias.medianUs), `Map ${us(cat.memByAlias.medianUs)}`, x(cat.idbByAlias.medianUs / cat.memByAlias.medianUs), `≤ ${TARGETS.lookupUs} µs`, cat.idbByAlias.medianUs <= TARGETS.lookupUs && cat.idbByAlias.misses === 0);
}
for (const b of report.sections.bundles ?? []) {
  target(`Bundle ${b.surface} (gzip)`, kb(b.gzipBytes), `${b.files.length} files, ${kb(b.rawBytes)} raw`, x(b.gzipBytes / 1024 / b.budgetKB), `≤ ${b.budgetKB} KB`, b.gzipBytes <= b.budgetKB * 1024);
}
const popup = report.sections.extension?.popup;
if (popup) {
  target('Popup: first tool visible (median)', ms(popup.popupMedianMs), `blank page ${ms(popup.blankMedianMs)}`, x(popup.popupOverBlank), `≤ ${TARGETS.popupMs} ms`, popup.popupMedianMs <= TARGETS.popupMs);
}

// ---- Report -----------------------------------------------------------------------------------
function table(rows, headers) {
  const cells = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

log('');
if (det) {
  log(`Detection in the page (${det.catalogTools} tools, ${det.terms} names and aliases; medians; ms)`);
  log(
    table(
      det.pages.map((p) => [
        p.page,
        `${round(p.textChars / 1000, 0)} K`,
        p.runs,
        p.floorMs,
        p.oursMs,
        `${p.oursBreakdownMs.collect}/${p.oursBreakdownMs.build}/${p.oursBreakdownMs.match}/${p.oursBreakdownMs.mark}`,
        p.scannerMs,
        p.markjsMs === null ? 'not run (--full)' : `${p.markjsMs} (${p.markjsRuns})`,
        `${p.settledMs.floor}/${p.settledMs.ours}/${p.settledMs.scanner}/${p.settledMs.markjs ?? "–"}`,
        `${p.oursMentions}/${p.markjsMarks}`,
      ]),
      ['page', 'text', 'runs', 'floor', 'ours', 'collect/build/match/mark', 'scanner', 'mark.js (runs)', 'to next frame: floor/ours/scanner/mark.js', 'mentions ours/mark.js'],
    ),
  );
  log('');
}
if (m) {
  log(`Matcher scaling (Node, ${round(m.textChars / 1000, 0)} K chars, ${m.method}(), median of ${m.runs}${m.cold ? ', cold' : ''})`);
  log(table(m.catalogs.map((c) => [c.tools, c.spellings, c.buildMs, c.scanMs, c.mentions]), ['tools', 'spellings', 'build ms', 'scan ms', 'mentions']));
  log('');
}
log('Targets');
log(table(targets.map((t) => [t.figure, t.measured, t.baseline, t.ratio, t.target, t.pass ? 'PASS' : 'MISS']), ['figure', 'measured', 'baseline', 'ratio', 'target', '']));
rmSync(harness.dir, { recursive: true, force: true });
const failed = Object.keys(report.errors);
report.seconds = round((Date.now() - started) / 1000, 1);
report.machine.loadAtEnd = loadavg()[0];
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');
log('');
log(`${targets.filter((t) => t.pass).length} PASS, ${targets.filter((t) => !t.pass).length} MISS${failed.length ? `; could not run: ${failed.join(', ')}` : ''} — ${report.seconds} s, load ${report.machine.loadAtEnd.toFixed(1)} at the end. Written to ${OUT.replace(`${ROOT}/`, '')}.`);
process.exit(failed.length ? 1 : 0);
