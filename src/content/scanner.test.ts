// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_INDEX } from '../detect/test-index';
import type { PageReport } from '../messaging/protocol';
import { startScanner } from './scanner';

const stops: AbortController[] = [];
afterEach(() => {
  for (const s of stops.splice(0)) s.abort();
  document.body.innerHTML = '';
});

/** A scanner on the current document whose reports can be awaited one by one. */
function scanner() {
  const reports: PageReport[] = [];
  let waiting: (() => void) | undefined;
  const signal = new AbortController();
  stops.push(signal);
  startScanner(window, {
    index: TEST_INDEX,
    signal: signal.signal,
    throttleMs: 20,
    report: async (r) => {
      reports.push(r);
      waiting?.();
    },
  });
  const next = async (count: number) => {
    while (reports.length < count) await new Promise<void>((resolve) => (waiting = resolve));
    return reports[count - 1]!;
  };
  return { next };
}

const counts = (r: PageReport) => Object.fromEntries(r.mentions.map((m) => [m.toolId, m.count]));

describe('rescanning what the page added', () => {
  it('reads an added subtree once, with what was added inside it since', async () => {
    document.body.innerHTML = '<p>GPT-4o is here.</p>';
    const s = scanner();
    expect(counts(await s.next(1))).toEqual({ 'gpt-4o': 1 });
    const outer = document.createElement('div');
    document.body.append(outer);
    const inner = document.createElement('p');
    inner.textContent = 'Claude Sonnet 4 joins.';
    outer.append(inner);
    expect(counts(await s.next(2))).toEqual({ 'gpt-4o': 1, 'claude-sonnet-4': 1 });
  });

  it('3,000 elements added between two scans: one rescan, in linear time (no pairwise containment check)', async () => {
    document.body.innerHTML = '<p>GPT-4o is here.</p>';
    const s = scanner();
    await s.next(1);
    for (let i = 0; i < 3000; i++) {
      const row = document.createElement('div');
      row.textContent = i === 2999 ? 'Claude Sonnet 4 at last.' : `Row ${i}`;
      document.body.append(row);
    }
    // Count the containment checks of the rescan: a pairwise check made 9M of them (seconds in a page).
    const original = Node.prototype.contains;
    let calls = 0;
    Node.prototype.contains = function (this: Node, other: Node | null) {
      calls++;
      return original.call(this, other);
    };
    try {
      expect(counts(await s.next(2))).toEqual({ 'gpt-4o': 1, 'claude-sonnet-4': 1 });
    } finally {
      Node.prototype.contains = original;
    }
    expect(calls).toBeLessThan(3000);
  });
});

describe('a scan a newer one takes over', () => {
  it('stops watching the page: its text collector\'s observers are disconnected', async () => {
    // Which MutationObservers are connected: the scanner's own, and a collector's while its read waits.
    const connected = new Set<MutationObserver>();
    class Watched extends MutationObserver {
      override observe(target: Node, options?: MutationObserverInit) {
        connected.add(this);
        super.observe(target, options);
      }
      override disconnect() {
        connected.delete(this);
        super.disconnect();
      }
    }
    vi.stubGlobal('MutationObserver', Watched);
    try {
      document.body.innerHTML = Array.from({ length: 1500 }, (_, i) => `<p>Paragraph ${i} about GPT-4o and other things to read.</p>`).join('');
      const s = scanner();
      // The first scan's read has yielded at least once: its collector watches the page.
      await expect.poll(() => connected.size, { timeout: 10_000, interval: 1 }).toBeGreaterThan(1);
      // A change: the scan that follows takes over from the first, which is still reading.
      document.body.firstElementChild!.textContent = 'Claude Sonnet 4 now.';
      const report = await s.next(1);
      expect(counts(report)['claude-sonnet-4']).toBe(1);
      expect(connected.size).toBe(1); // the scanner's own
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the page\'s kind', () => {
  it('comes from the headings the walk passed, beyond the first chunk, with no query of its own', async () => {
    const filler = Array.from({ length: 1200 }, (_, i) => `<p>Paragraph ${i} about GPT-4o and other things to read.</p>`).join('');
    document.body.innerHTML = `<h1>Our models</h1>${filler}<h2>Plans and pricing</h2><p>Claude Sonnet 4 too.</p>`;
    const query = vi.spyOn(document, 'querySelectorAll');
    try {
      const report = await scanner().next(1);
      expect(document.body.textContent!.indexOf('Plans and pricing')).toBeGreaterThan(50_000); // past the first chunk
      expect(report.isPricingPage).toBe(true);
      expect(counts(report)['claude-sonnet-4']).toBe(1);
      expect(query.mock.calls.filter(([selectors]) => /h1|h2/i.test(selectors))).toEqual([]);
    } finally {
      query.mockRestore();
    }
  });
});

describe('a scan that fails', () => {
  it('is told to onError, not thrown into the page, and the next change scans again', async () => {
    document.body.innerHTML = '<p>GPT-4o is here.</p>';
    const errors: unknown[] = [];
    const reports: PageReport[] = [];
    let calls = 0;
    const signal = new AbortController();
    stops.push(signal);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      startScanner(window, {
        index: TEST_INDEX,
        signal: signal.signal,
        throttleMs: 20,
        report: async (r) => void reports.push(r),
        onScan: () => {
          if (++calls === 1) throw new Error('boom');
        },
        onError: (e) => errors.push(e),
      });
      await expect.poll(() => errors.length).toBe(1);
      expect((errors[0] as Error).message).toBe('boom');
      document.body.insertAdjacentHTML('beforeend', '<p>Claude 3.5 Sonnet too.</p>');
      await expect.poll(() => calls).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
