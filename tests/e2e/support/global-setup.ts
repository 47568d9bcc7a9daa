/** Before any end-to-end test: Chromium must exist, and the extension is built fresh. */
import { execFileSync } from 'node:child_process';
import { assertChromium } from '../../../scripts/lib/chromium.mjs';

export default function globalSetup(): void {
  assertChromium();
  if (process.env.VL_E2E_SKIP_BUILD !== '1') {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }
}
