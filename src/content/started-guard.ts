/**
 * WXT stops an older copy of a content script when a newer copy starts: the newer one dispatches a
 * document event named `<extension id>:<entrypoint>:wxt:content-script-started`, and every older
 * copy's context aborts on it. A page can dispatch that event too (our id is public), and WXT
 * believes it: one line of the page's script would take our highlights, chips and scanning away.
 *
 * The guard lets the event through only from its real senders — a copy of ours starting at this
 * moment in this (isolated) world, which the page cannot see or reach — or when the listening copy's
 * own context is gone (after an update or reload the newer copy may run in a fresh world, and the
 * stale copy must stop). Anything else is stopped at the window, before WXT's document listener.
 *
 * Call it at the content script's top level, before WXT creates the context: the flag it raises
 * covers that context's own start event, which is dispatched synchronously, and drops at the next
 * microtask.
 */
const STARTING = '__versusLensStarting';

type GuardGlobal = { [STARTING]?: number };

export function guardScriptStartedEvent(win: Window, eventName: string, contextValid: () => boolean): void {
  const world = globalThis as GuardGlobal;
  world[STARTING] = (world[STARTING] ?? 0) + 1;
  queueMicrotask(() => {
    world[STARTING] = Math.max(0, (world[STARTING] ?? 1) - 1);
  });
  win.addEventListener(
    eventName,
    (event) => {
      if ((world[STARTING] ?? 0) > 0 || !contextValid()) return;
      event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
