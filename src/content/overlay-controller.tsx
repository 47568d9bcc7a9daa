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

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node } | null;
};

export function createOverlayController(win: Window, options: OverlayOptions) {
  const { index, signal } = options;
  const names = new Map(index.tools.map((t) => [t.id, t]));
  let host: OverlayHost | undefined;
  let marks: MarkedRange[] = [];
  /** The marks on each text node, and the open shadow roots holding marked text (for the caret lookup). */
  let marksByNode = new Map<Node, MarkedRange[]>();
  let shadowRoots: ShadowRoot[] = [];
  let model: OverlayModel = { chips: [], found: [] };

  // Marks hold their bounds (no live Range for the page's every change to update): one live Range of
  // ours is set to a mark's bounds when its boxes are needed.
  const probe = win.document.createRange();
  const rectsOf = (mark: MarkedRange): DOMRectList | readonly DOMRect[] => {
    const { startContainer, startOffset, endContainer, endOffset } = mark;
    try {
      probe.setStart(startContainer, startOffset);
      probe.setEnd(endContainer, endOffset);
    } catch {
      return []; // the page changed the text since the scan; the rescan brings a new mark
    }
    return probe.getClientRects();
  };

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
      const rects = rectsOf(mark);
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

  /**
   * The marks that may be under (x, y): those on the text node at that point, where the browser can
   * tell (a few marks, whatever the page's size); otherwise all of them.
   */
  const marksNear = (x: number, y: number): readonly MarkedRange[] => {
    const doc = win.document as CaretDocument;
    if (typeof doc.caretPositionFromPoint !== 'function') return marks;
    const caret = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return caret ? (marksByNode.get(caret.offsetNode) ?? []) : [];
  };

  let pointer: { x: number; y: number } | undefined;
  const hoverAt = () => {
    if (!pointer) return;
    const { x, y } = pointer;
    let hover: OverlayModel['hover'];
    for (const mark of marksNear(x, y)) {
      for (const rect of rectsOf(mark)) {
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
      marksByNode = new Map();
      const roots = new Set<ShadowRoot>();
      for (const mark of marks) {
        for (const node of mark.nodes) {
          const onNode = marksByNode.get(node);
          if (onNode) onNode.push(mark);
          else marksByNode.set(node, [mark]);
        }
        const root = mark.nodes[0]?.getRootNode();
        if (root instanceof ShadowRoot) roots.add(root);
      }
      shadowRoots = [...roots];
      const found = stateFromReport(0, report, index).tools.map((t) => ({ id: t.id, name: t.name, overall: t.overall, count: t.count }));
      model = { chips: placeChips(), found, subject: report.subject, hover: undefined };
      draw();
      // A rescan under a still pointer keeps the card the pointer is on.
      schedule(hoverAt);
    },
    redraw: draw,
  };
}
