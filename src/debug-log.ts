/**
 * Debug logging behind a build flag, so release builds stay quiet in the page's console
 * (set VITE_VL_DEBUG=1 when building to see it).
 */
export function debugLog(...args: unknown[]): void {
  if (import.meta.env.VITE_VL_DEBUG === '1') console.debug('[Versus Lens]', ...args);
}
