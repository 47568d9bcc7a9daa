#!/usr/bin/env node
/**
 * `npm start`: build the extension, then open Debian's Chromium with it loaded on a bundled demo
 * vendor page (served locally at its real host name). With no display it runs headless and writes
 * screenshots of the page, the panel, the popup, the comparison and the options, printing their paths.
 */
import { resolve } from 'node:path';
import { build, captureScreenshots, DEMO_URL, ensureChromium, launchDemo } from './lib/demo.mjs';

async function main() {
  ensureChromium();
  build();
  const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
  const demo = await launchDemo({ headless });
  if (!headless) {
    console.log(`Chromium is open on ${DEMO_URL} with Versus Lens loaded. Close the window to stop.`);
    await new Promise((done) => demo.context.on('close', done));
    await demo.stop();
    return;
  }
  const shots = await captureScreenshots(demo, resolve('artifacts/screenshots'));
  await demo.stop();
  console.log('No display: ran headless and wrote screenshots:');
  for (const s of shots) console.log(`  ${s}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
