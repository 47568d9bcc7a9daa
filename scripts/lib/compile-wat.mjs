/**
 * WebAssembly text to binary with wabt (the WebAssembly binary toolkit's wat2wasm, built for Node):
 * used by `npm run build:wasm` to write the module our code embeds, and by the unit test that checks
 * the embedded module is still what its source says.
 */
import { readFile } from 'node:fs/promises';
import initWabt from 'wabt';

/** The binary of the module in the .wat file at `path`. */
export async function compileWat(path) {
  const wabt = await initWabt();
  const module = wabt.parseWat(path, await readFile(path, 'utf8'));
  try {
    module.validate();
    return new Uint8Array(module.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}
