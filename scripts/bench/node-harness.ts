/** What the Node side of the bench takes from src/: the matcher, and the index the background builds. */
export { createDetector } from '../../src/detect/detector';
export { buildDetectionIndex } from '../../src/detect/detection-index';
