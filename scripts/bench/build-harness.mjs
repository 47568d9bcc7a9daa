/**
 * Bundles the bench's TypeScript harnesses (which import our real src/ modules) with rolldown — the
 * bundler Vite, and so WXT, already uses — into a temporary folder: IIFE scripts for pages, ESM for Node.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The matcher the harnesses measure (the bench prints which). */
export const DETECTOR = join(ROOT, 'src/detect/detector.ts');

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
      logLevel: 'warn',
      transform: { define: { 'import.meta.env.DEV': 'false', 'import.meta.env.MODE': '"production"' } },
      output: { file, format: platform === 'node' ? 'esm' : 'iife', sourcemap: false },
    });
    out[name] = file;
  }
  return out;
}
