/**
 * Bundle sizes: the gzipped bytes each surface loads. The content script is one file; a page loads
 * the scripts its HTML names plus every chunk they import statically (followed transitively).
 * Chunks imported dynamically load later, on demand: listed apart, not counted against the budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const SOURCES = ['src', 'entrypoints', 'public', 'assets', 'wxt.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Build with `wxt build` when asked, or when the build is missing or older than its sources. */
export function ensureBuild({ buildDir, force, log }) {
  const built = existsSync(join(buildDir, 'manifest.json')) ? statSync(join(buildDir, 'manifest.json')).mtimeMs : 0;
  const stale = SOURCES.some((s) => newestMtime(s) > built);
  if (!force && !stale) return false;
  log(`  building the extension (${force ? 'asked' : built ? 'sources changed since the last build' : 'no build yet'}): npx wxt build`);
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+\.js)["']\s*\)/g;

function resolveFrom(buildDir, fromFile, spec) {
  if (spec.startsWith('/')) return join(buildDir, spec);
  return join(dirname(fromFile), spec);
}

/** Every JS file `entries` load before running, and the chunks they may load later. */
function closure(buildDir, entries) {
  const seen = new Set();
  const lazy = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) stack.push(resolveFrom(buildDir, file, m[1]));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(resolveFrom(buildDir, file, m[1]));
  }
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

function pageEntries(buildDir, html) {
  const doc = readFileSync(join(buildDir, html), 'utf8');
  const js = [...doc.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...doc.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => resolveFrom(buildDir, join(buildDir, html), m[1]));
  const css = [...doc.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => resolveFrom(buildDir, join(buildDir, html), m[1]));
  return { js, css };
}

/** @param {{ buildDir: string, budgets: Record<string, number> }} options budgets in KB (1,024 bytes) */
export function measureBundles({ buildDir, budgets }) {
  const surfaces = [
    { name: 'content', js: [join(buildDir, 'content-scripts/content.js')], css: [] },
    { name: 'popup', ...pageEntries(buildDir, 'popup.html') },
    { name: 'options', ...pageEntries(buildDir, 'options.html') },
  ];
  return surfaces.map(({ name, js, css }) => {
    const { files, lazy } = closure(buildDir, js);
    const sum = (list) => list.reduce((n, f) => n + gz(readFileSync(f)), 0);
    const raw = files.reduce((n, f) => n + statSync(f).size, 0);
    return {
      surface: name,
      files: files.map((f) => relative(buildDir, f)).sort(),
      rawBytes: raw,
      gzipBytes: sum(files),
      cssGzipBytes: sum(css.filter((f) => existsSync(f))),
      lazyChunks: lazy.map((f) => relative(buildDir, f)),
      lazyGzipBytes: sum(lazy.filter((f) => existsSync(f))),
      budgetKB: budgets[name],
    };
  });
}
