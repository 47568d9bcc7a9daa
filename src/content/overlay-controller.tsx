/**
 * The in-page overlay: score chips at each tool's first mention, a card on hover or focus, and the
 * launcher with its panel — all inside our one shadow-root host, positioned from the highlight
 * ranges, following scroll, resize and layout changes.
 */
import { render } from 'preact';
import { debugLog } from '../debug-log';
import type { DetectionIndex } from '../detect/detection-index';
import type { PageReport } from '../messaging/protocol';
import { contains, placeChip, type Box } from '../overlay/geometry';
import type { MarkedRange } from '../overlay/highlights';
import { createOverlayHost, type OverlayHost } from '../overlay/host';
import type { Settings } from '../settings/schema';
import { stateFromReport } from '../tabs/tab-state';
import { OverlayApp, type OverlayActions, type OverlayModel } from '../ui/overlay/OverlayApp';
import overlayCss from '../ui/overlay/overlay.css?inline';

export interface OverlayOptions {
  index: DetectionIndex;
  signal: AbortSignal;
  settings: () => Settings;
  actions: OverlayActions;
}

function toBox(r: DOMRect): Box {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

export function createOverlayController(win: Window, options: OverlayOptions) {
  const { index, signal } = options;
  const names = new Map(index.tools.map((t) => [t.id, t]));
  let host: OverlayHost | undefined;
  let marks: MarkedRange[] = [];
  let model: OverlayModel = { chips: [], found: [] };

  // A page can take our tag for a custom element of its own (its constructor claiming the shadow root),
  // and attachShadow then throws: show no overlay, try once, and let the scan still report (badge, popup).
  let hostRefused = false;
  const ensureHost = (): OverlayHost | undefined => {
    if (host || hostRefused) return host;
    try {
      host = createOverlayHost(win.document, overlayCss);
    } catch (e) {
      hostRefused = true;
      debugLog('no overlay on this page:', e);
    }
    return host;
  };
  const draw = () => {
    if (signal.aborted) return;
    if (model.found.length === 0 && !host) return; // nothing to show: add nothing to the page
    const mount = ensureHost()?.mount;
    if (mount) render(<OverlayApp model={model} settings={options.settings()} actions={options.actions} />, mount);
  };

  /** Chips at the first mention of each tool, in document coordinates. */
  const placeChips = () => {
    const seen = new Set<string>();
    const chips: OverlayModel['chips'] = [];
    const scroll = { x: win.scrollX, y: win.scrollY };
    for (const mark of marks) {
      if (seen.has(mark.toolId)) continue;
      const rects = mark.range.getClientRects();
      const last = rects[rects.length - 1];
      if (!last || (last.width === 0 && last.height === 0)) continue; // hidden text: no chip
      seen.add(mark.toolId);
      const tool = names.get(mark.toolId);
      chips.push({ toolId: mark.toolId, name: tool?.name ?? mark.toolId, score: tool?.overall ?? mark.score, ...placeChip(toBox(last), scroll, win.innerWidth) });
    }
    return chips;
  };

  // One animation frame runs every job asked for since the last one (each job at most once).
  let frame = 0;
  const jobs = new Set<() => void>();
  const schedule = (work: () => void) => {
    jobs.add(work);
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const todo = [...jobs];
      jobs.clear();
      for (const job of todo) job();
    });
  };

  const reposition = () =>
    schedule(() => {
      model = { ...model, chips: placeChips() };
      draw();
    });

  let pointer: { x: number; y: number } | undefined;
  const hoverAt = () => {
    if (!pointer) return;
    const { x, y } = pointer;
    let hover: OverlayModel['hover'];
    for (const mark of marks) {
      for (const rect of mark.range.getClientRects()) {
        if (contains(toBox(rect), x, y)) {
          hover = { toolId: mark.toolId, anchor: toBox(rect) };
          break;
        }
      }
      if (hover) break;
    }
    if (hover?.toolId !== model.hover?.toolId) {
      model = { ...model, hover };
      draw();
    }
  };

  const listen = { passive: true, signal } as AddEventListenerOptions;
  win.addEventListener('resize', reposition, listen);
  win.addEventListener('scroll', reposition, { ...listen, capture: true });
  win.document.addEventListener(
    'mousemove',
    (e) => {
      // On our own UI (the card the pointer is moving into, a chip): the card stays as it is, or a
      // person could never reach the card's buttons from the words it belongs to.
      if (host && e.composedPath().includes(host.host)) return;
      pointer = { x: e.clientX, y: e.clientY };
      schedule(hoverAt);
    },
    listen,
  );
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
    if (host) {
      render(null, host.mount);
      host.remove();
      host = undefined;
    }
  });

  return {
    host: () => host?.host ?? null,
    update(nextMarks: MarkedRange[], report: PageReport) {
      marks = nextMarks;
      const found = stateFromReport(0, report, index).tools.map((t) => ({ id: t.id, name: t.name, overall: t.overall, count: t.count }));
      model = { chips: placeChips(), found, subject: report.subject, hover: undefined };
      draw();
      // A rescan under a still pointer keeps the card the pointer is on.
      schedule(hoverAt);
    },
    redraw: draw,
  };
}
