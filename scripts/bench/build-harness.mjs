/**
 * Bundles the bench's TypeScript harnesses (which import our real src/ modules) with rolldown — the
 * bundler Vite, and so WXT, already uses — into a temporary folder: IIFE scripts for pages, ESM for Node.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DETECTOR = join(ROOT, 'src/detect/detector.ts');
const STAND_IN = join(ROOT, 'src/detect/tmp-detector.ts');

/** Which matcher the harnesses get: src/detect/detector.ts, or its stand-in while it is being written. */
export const detectorInUse = () => (existsSync(DETECTOR) || !existsSync(STAND_IN) ? DETECTOR : STAND_IN);

/** Imports of detect/detector resolve to the stand-in until the real matcher exists. */
const detectorFallback = {
  name: 'bench-detector-fallback',
  resolveId(source, importer) {
    if (!importer || !/(^|\/)detect\/detector(\.ts)?$/.test(source)) return null;
    const target = resolve(dirname(importer), source.endsWith('.ts') ? source : `${source}.ts`);
    return target === DETECTOR ? detectorInUse() : null;
  },
};

/**
 * @param {{ name: string, entry: string, platform: 'browser' | 'node' }[]} entries
 * @returns {Promise<Record<string, string>>} name → path of the bundle; `dir`: the folder holding them
 */
export async function buildHarnesses(entries) {
  const dir = mkdtempSync(join(tmpdir(), 'vl-bench-'));
  /** @type {Record<string, string>} */
  const out = { dir };
  for (const { name, entry, platform } of entries) {
    const file = join(dir, `${name}.${platform === 'node' ? 'mjs' : 'js'}`);
    await build({
      input: resolve(ROOT, entry),
      platform,
      plugins: [detectorFallback],
      logLevel: 'warn',
      transform: { define: { 'import.meta.env.DEV': 'false', 'import.meta.env.MODE': '"production"' } },
      output: { file, format: platform === 'node' ? 'esm' : 'iife', sourcemap: false },
    });
    out[name] = file;
  }
  return out;
}
