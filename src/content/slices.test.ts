import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './slices';

type Idle = (cb: () => void, options?: { timeout: number }) => number;
const g = globalThis as { requestIdleCallback?: Idle };

describe('whenIdle', () => {
  const had = g.requestIdleCallback;
  afterEach(() => {
    g.requestIdleCallback = had;
    vi.useRealTimers();
  });

  it('waits for the idle callback, with a timeout so a busy page still gets scanned', async () => {
    let fire: (() => void) | undefined;
    let timeout: number | undefined;
    g.requestIdleCallback = (cb, options) => {
      fire = cb;
      timeout = options?.timeout;
      return 1;
    };
    let done = false;
    const idle = whenIdle(300).then(() => {
      done = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    expect(timeout).toBe(300);
    fire!();
    await idle;
    expect(done).toBe(true);
  });

  it('yields instead where requestIdleCallback is missing', async () => {
    vi.useFakeTimers();
    g.requestIdleCallback = undefined;
    let done = false;
    const idle = whenIdle().then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    await idle;
    expect(done).toBe(true);
  });
});
