/**
 * The Content Security Policies each frame's document arrived with, as the background sees them in
 * the response headers (a content script cannot read its page's headers). The content script asks
 * whether its document lets it compile WebAssembly (see detect/wasm/policy-allows-wasm.ts).
 *
 * Only what is known counts: a document whose response the background did not see (no host access,
 * a worker restarted since, a frame without a request) is answered "no", and the page is scanned in
 * JavaScript. Kept in memory: nothing about the pages visited is stored.
 */
import { policiesAllowWasm } from '../detect/wasm/policy-allows-wasm';

/** What `webRequest.onHeadersReceived` tells, as far as we read it. */
export interface HeadersDetails {
  tabId: number;
  frameId: number;
  url: string;
  responseHeaders?: { name: string; value?: string }[];
}

/** Frames remembered at most (each is a few short strings); the oldest go first. */
const MAX_FRAMES = 2_000;

const POLICY_HEADERS = new Set(['content-security-policy', 'content-security-policy-report-only']);

/** A document's address without its fragment: the page may change the fragment before it asks. */
const documentUrl = (url: string) => url.split('#', 1)[0]!;

export interface FramePolicies {
  /** For `webRequest.onHeadersReceived` (main and sub frames, with response headers). */
  onHeaders(details: HeadersDetails): void;
  /** Whether the frame's document, now at `url`, may compile WebAssembly without a policy violation. */
  allowsWasm(tabId: number, frameId: number, url: string): boolean;
  /** The tab is gone. */
  forgetTab(tabId: number): void;
}

export function createFramePolicies(): FramePolicies {
  const frames = new Map<string, { url: string; wasm: boolean }>();
  const key = (tabId: number, frameId: number) => `${tabId}:${frameId}`;
  return {
    onHeaders({ tabId, frameId, url, responseHeaders = [] }) {
      if (tabId < 0) return; // not a tab's (a prerender, the extension's own requests)
      const policies = responseHeaders.filter((h) => POLICY_HEADERS.has(h.name.toLowerCase())).map((h) => h.value ?? '');
      const k = key(tabId, frameId);
      frames.delete(k); // re-inserted last: the map's order is the age
      frames.set(k, { url: documentUrl(url), wasm: policiesAllowWasm(policies) });
      if (frames.size > MAX_FRAMES) frames.delete(frames.keys().next().value!);
    },
    allowsWasm(tabId, frameId, url) {
      const frame = frames.get(key(tabId, frameId));
      return frame !== undefined && frame.url === documentUrl(url) && frame.wasm;
    },
    forgetTab(tabId) {
      for (const k of frames.keys()) if (k.startsWith(`${tabId}:`)) frames.delete(k);
    },
  };
}
