/** Where chips go: pure arithmetic on rectangles, tested in Node. */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ChipPlacement {
  /** Document coordinates (page scroll added) of the chip's top-left corner. */
  x: number;
  y: number;
}

export const CHIP_HEIGHT = 16;
export const CHIP_WIDTH = 30;

/**
 * A chip sits just above the end of the mention's last line, so it never covers the mention itself;
 * where there is no room above (top of the page) it goes just below. Kept inside the viewport's width.
 */
export function placeChip(lastLine: Box, scroll: { x: number; y: number }, viewportWidth: number): ChipPlacement {
  const above = lastLine.top - CHIP_HEIGHT - 1;
  const y = above >= 0 ? above : lastLine.bottom + 1;
  const x = Math.max(0, Math.min(lastLine.right - CHIP_WIDTH / 2, viewportWidth - CHIP_WIDTH - 2));
  return { x: Math.round(x + scroll.x), y: Math.round(y + scroll.y) };
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/** Card position: below the mention when it fits in the viewport, else above; inside the width. */
export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }) {
  const below = anchor.bottom + 6;
  const top = below + card.height <= viewport.height ? below : Math.max(4, anchor.top - card.height - 6);
  const left = Math.max(4, Math.min(anchor.left, viewport.width - card.width - 4));
  return { left: Math.round(left), top: Math.round(top) };
}
