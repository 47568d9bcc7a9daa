/**
 * Per-tab detection results, kept in `storage.session` so they outlive the service worker's naps,
 * and the toolbar badge: the number of distinct tools found on the tab, empty when none.
 */
import type { PageReport } from '../messaging/protocol';
import type { FoundTool, TabState } from '../messaging/responses';
import type { DetectionIndex } from '../detect/detection-index';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Badge {
  setText(tabId: number, text: string): Promise<void>;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

export function badgeText(state: TabState | null): string {
  const n = state?.tools.length ?? 0;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
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

export function createTabStates(session: SessionArea, badge: Badge) {
  return {
    async get(tabId: number): Promise<TabState | null> {
      const found = (await session.get(keyOf(tabId)))[keyOf(tabId)];
      return (found as TabState | undefined) ?? null;
    },
    async put(state: TabState): Promise<void> {
      await session.set({ [keyOf(state.tabId)]: state });
      await badge.setText(state.tabId, badgeText(state));
    },
    async clear(tabId: number): Promise<void> {
      await session.remove(keyOf(tabId));
      await badge.setText(tabId, '');
    },
  };
}
export type TabStates = ReturnType<typeof createTabStates>;
