#!/usr/bin/env node
/** `npm run screenshots`: the README's pictures, from the real build in headless Chromium (light and dark). */
import { resolve } from 'node:path';
import { build, captureScreenshots, ensureChromium, launchDemo } from './lib/demo.mjs';

ensureChromium();
build();
for (const scheme of ['light', 'dark']) {
  const demo = await launchDemo({ headless: true });
  const shots = await captureScreenshots(demo, resolve('docs/screenshots', scheme), { colorScheme: scheme });
  await demo.stop();
  for (const s of shots) console.log(s);
}
