/**
 * What the Node side of the bench takes from src/: the matcher, and what the background publishes for
 * pages (the index and its packed, compiled matcher).
 */
export { createDetector } from '../../src/detect/detector';
export { buildDetectionIndex } from '../../src/detect/detection-index';
export { compileMatcher } from '../../src/detect/compiled-matcher';
export { packMatcher } from '../../src/detect/packed-matcher';
export { textScanModuleSync } from '../../src/detect/wasm/wasm-text-scanner';
