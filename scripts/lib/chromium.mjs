/**
 * Debian's Chromium (never a downloaded browser) and the flags that load our unpacked build and map
 * every host to the local fixture server. Shared by `npm start`, the end-to-end tests and the bench.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A missing Chromium fails loudly: the browser suites never skip. */
export function assertChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Versus Lens runs in Debian's Chromium: ` +
        'install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
}

/**
 * @param {string | undefined} extensionDir the unpacked build to load, if any
 * @param {number | undefined} port where every host name is sent (the fixture server), if any
 */
export function chromiumArgs(extensionDir, port) {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(port ? [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
