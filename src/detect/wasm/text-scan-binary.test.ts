import { describe, expect, it } from 'vitest';
import { compileWat } from '../../../scripts/lib/compile-wat.mjs';
import { TEXT_SCAN_WASM } from './text-scan-binary';

describe('the embedded WebAssembly module', () => {
  it('is what text-scan.wat compiles to (run `npm run build:wasm` after editing it)', async () => {
    const binary = await compileWat('src/detect/wasm/text-scan.wat');
    expect(Buffer.from(TEXT_SCAN_WASM, 'base64').equals(Buffer.from(binary))).toBe(true);
  });

  it('validates as WebAssembly', () => {
    expect(WebAssembly.validate(Buffer.from(TEXT_SCAN_WASM, 'base64'))).toBe(true);
  });
});
