/**
 * Per-tab detection results, kept in `storage.session` so they outlive the service worker's naps,
 * and the toolbar badge: the number of distinct tools found on the tab, empty when none.
 */
import type { PageReport } from '../messaging/protocol';
import type { FoundTool, TabState } from '../messaging/responses';
import type { DetectionIndex } from '../detect/detection-index';
import { tabStateKey as keyOf } from './tab-state-key';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Badge {
  setText(tabId: number, text: string): Promise<void>;
}

export function badgeText(state: TabState | null): string {
  const n = state?.tools.length ?? 0;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}

/**
 * Merge the reports of a tab's frames (each frame scans itself; a page's iframes are part of what the
 * user sees): counts add up, the top frame's URL, subject and pricing flag win, else any frame's.
 */
export function mergeFrameReports(frames: Record<string, PageReport>): PageReport {
  const top = frames['0'];
  const counts = new Map<string, number>();
  for (const report of Object.values(frames)) {
    for (const { toolId, count } of report.mentions) counts.set(toolId, (counts.get(toolId) ?? 0) + count);
  }
  const any = Object.values(frames);
  return {
    url: top?.url ?? any[0]?.url ?? '',
    mentions: [...counts].map(([toolId, count]) => ({ toolId, count })),
    subject: top?.subject ?? any.find((r) => r.subject)?.subject,
    isPricingPage: top?.isPricingPage ?? any.some((r) => r.isPricingPage),
  };
}

/** Turn a frame's report into the tab's state, with names and scores from the index. */
export function stateFromReport(tabId: number, report: PageReport, index: DetectionIndex | undefined, now = Date.now()): TabState {
  const byId = new Map(index?.tools.map((t) => [t.id, t]));
  const tools: FoundTool[] = report.mentions.flatMap(({ toolId, count }) => {
    const t = byId.get(toolId);
    return t ? [{ id: t.id, name: t.name, vendor: t.vendor, overall: t.overall, count }] : [];
  });
  // The page's subject first, then by mentions, then by name: the order the popup and panel show.
  tools.sort((a, b) => Number(b.id === report.subject) - Number(a.id === report.subject) || b.count - a.count || a.name.localeCompare(b.name));
  return {
    tabId,
    url: report.url,
    tools,
    subject: report.subject && byId.has(report.subject) ? report.subject : undefined,
    isPricingPage: report.isPricingPage,
    scannedAt: now,
  };
}

const framesKey = (tabId: number) => `frames:${tabId}`;
/** The document the top frame last reported from (Chromium's `sender.documentId`). */
const topDocumentKey = (tabId: number) => `topdoc:${tabId}`;
/** The frames' reports set aside when the tab navigated, until the top frame says whether its document changed. */
const parkedKey = (tabId: number) => `parked:${tabId}`;

interface Parked {
  topDocument: string;
  frames: Record<string, PageReport>;
}

export function createTabStates(session: SessionArea, badge: Badge) {
  // Reports from a tab's frames arrive together: one read-modify-write at a time per tab.
  const queues = new Map<number, Promise<unknown>>();
  const serial = <T,>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    queues.set(tabId, next.catch(() => {}));
    return next;
  };
  /** Each frame's last report in the tab, by frame id. */
  const readFrames = async (tabId: number) =>
    ((await session.get(framesKey(tabId)))[framesKey(tabId)] as Record<string, PageReport> | undefined) ?? {};
  const clearNow = async (tabId: number) => {
    for (const key of [keyOf(tabId), framesKey(tabId), topDocumentKey(tabId), parkedKey(tabId)]) await session.remove(key);
    await badge.setText(tabId, '');
  };
  return {
    /**
     * Record one frame's report (it replaces that frame's previous one), then store the tab's state made
     * from all its frames and set the badge — in one step per tab, so frames reporting together never
     * leave an older merge on top.
     */
    putFrame(tabId: number, frameId: number, report: PageReport, index?: DetectionIndex, documentId?: string): Promise<PageReport> {
      return serial(tabId, async () => {
        const frames = await readFrames(tabId);
        if (frameId === 0) {
          // After a navigation: the same top document means an in-app (history API) navigation, whose
          // frames live on and will not report again; take their reports back. Frames that reported
          // since keep their newer reports.
          const parked = (await session.get(parkedKey(tabId)))[parkedKey(tabId)] as Parked | undefined;
          if (parked && documentId !== undefined && parked.topDocument === documentId) {
            for (const [id, frameReport] of Object.entries(parked.frames)) if (!(id in frames)) frames[id] = frameReport;
          }
          if (parked) await session.remove(parkedKey(tabId));
          if (documentId !== undefined) await session.set({ [topDocumentKey(tabId)]: documentId });
        }
        frames[String(frameId)] = report;
        await session.set({ [framesKey(tabId)]: frames });
        const merged = mergeFrameReports(frames);
        const state = stateFromReport(tabId, merged, index);
        await session.set({ [keyOf(tabId)]: state });
        await badge.setText(tabId, badgeText(state));
        return merged;
      });
    },
    async get(tabId: number): Promise<TabState | null> {
      const found = (await session.get(keyOf(tabId)))[keyOf(tabId)];
      return (found as TabState | undefined) ?? null;
    },
    async put(state: TabState): Promise<void> {
      await session.set({ [keyOf(state.tabId)]: state });
      await badge.setText(state.tabId, badgeText(state));
    },
    clear(tabId: number): Promise<void> {
      return serial(tabId, () => clearNow(tabId));
    },
    /**
     * The tab's URL changed (tabs.onUpdated, "loading"): a new document, or the page's own history
     * navigation — the event does not say which. Clear at once (a page we do not scan must not keep the
     * old badge), but park the subframes' reports: if the top frame then reports from the same document,
     * they come back (an SPA's frames survive its navigation and do not report again).
     */
    navigated(tabId: number, url: string): Promise<void> {
      return serial(tabId, async () => {
        const frames = await readFrames(tabId);
        // The top frame's in-app navigation reached us before the event did: nothing is stale.
        if (frames['0']?.url === url) return;
        const topDocument = (await session.get(topDocumentKey(tabId)))[topDocumentKey(tabId)] as string | undefined;
        const subframes = Object.fromEntries(Object.entries(frames).filter(([id]) => id !== '0'));
        await clearNow(tabId);
        if (topDocument !== undefined && Object.keys(subframes).length > 0) {
          await session.set({ [parkedKey(tabId)]: { topDocument, frames: subframes } satisfies Parked });
        }
      });
    },
  };
}
export type TabStates = ReturnType<typeof createTabStates>;
