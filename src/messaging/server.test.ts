import { describe, expect, it, vi } from 'vitest';
import { envelope, parseMessage } from './protocol';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { createMessageListener, type Handlers } from './server';

const ORIGIN = 'chrome-extension://abc/';
const pageSender = { tab: { id: 4 } as never, frameId: 0, url: 'https://openai.com/api/pricing/' };
const popupSender = { url: `${ORIGIN}popup.html` };

function handlers(): Handlers {
  return {
    'page:report': vi.fn(async () => ({ accepted: true as const })),
    'tab:get': vi.fn(async () => null),
    'tab:scan': vi.fn(async () => ({ started: true })),
    'catalog:tools': vi.fn(async () => []),
    'catalog:category': vi.fn(async () => []),
    'compare:open': vi.fn(async () => ({ opened: true })),
    'settings:turn-off-site': vi.fn(async () => ({ offSites: [] })),
    'settings:get': vi.fn(async () => DEFAULT_SETTINGS),
    'frame:wasm': vi.fn(async () => ({ allowed: false })),
    'catalog:status': vi.fn(async () => ({ storage: 'memory' as const, toolCount: 0 })),
    'feed:update-now': vi.fn(async () => ({ url: '', checkedAt: 0, outcome: { kind: 'not-modified' as const } })),
    'catalog:import': vi.fn(async () => ({ kind: 'current' as const, version: '1' })),
    'catalog:reset': vi.fn(async () => ({ kind: 'current' as const, version: '1' })),
  };
}

describe('message protocol', () => {
  it('parses a well-formed message', () => {
    const parsed = parseMessage(envelope('tab:get', { tabId: 3 }));
    expect(parsed.ok && parsed.message).toEqual({ type: 'tab:get', payload: { tabId: 3 } });
  });

  it.each([
    [null, 'not a Versus Lens message'],
    ['tab:get', 'not a Versus Lens message'],
    [{ type: 'tab:get', payload: { tabId: 1 } }, 'not a Versus Lens message'],
    [{ vl: 1, type: 'tab:delete', payload: {} }, 'unknown message type "tab:delete"'],
    [{ vl: 1, type: '__proto__', payload: {} }, 'unknown message type "__proto__"'],
    [{ vl: 1, type: 'tab:get', payload: { tabId: -1 } }, 'malformed "tab:get" payload'],
    [{ vl: 1, type: 'tab:get', payload: { tabId: 1, extra: true } }, 'malformed "tab:get" payload'],
    [{ vl: 1, type: 'catalog:tools', payload: { ids: ['<script>'] } }, 'malformed "catalog:tools" payload'],
  ])('drops %j: %s', (raw, error) => {
    expect(parseMessage(raw)).toEqual({ ok: false, error });
  });
});

describe('background message listener', () => {
  it('dispatches to the one handler and wraps its answer', async () => {
    const h = handlers();
    const listen = createMessageListener(h, ORIGIN);
    await expect(listen(envelope('tab:get', { tabId: 9 }), popupSender)).resolves.toEqual({ ok: true, value: null });
    expect(h['tab:get']).toHaveBeenCalledWith({ tabId: 9 }, popupSender);
  });

  it('returns a handler error to the sender', async () => {
    const h = handlers();
    h['tab:get'] = async () => {
      throw new Error('boom');
    };
    await expect(createMessageListener(h, ORIGIN)(envelope('tab:get', { tabId: 1 }), popupSender)).resolves.toEqual({ ok: false, error: 'boom' });
  });

  it('refuses messages meant for our pages when a web page sends them', () => {
    const h = handlers();
    const log = vi.fn();
    expect(createMessageListener(h, ORIGIN, log)(envelope('tab:scan', { tabId: 4 }), pageSender)).toBeUndefined();
    expect(h['tab:scan']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('dropped "tab:scan" from a content script');
  });

  it('survives 1,000 random messages without calling a handler with a bad payload', () => {
    const h = handlers();
    const listen = createMessageListener(h, ORIGIN);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const values = [null, undefined, 0, -1, 1e309, 'x', '', true, [], {}, { vl: 1 }, ['page:report'], { toolId: 'a' }];
    const types = ['page:report', 'tab:get', 'tab:scan', 'catalog:tools', 'catalog:category', 'settings:get', 'frame:wasm', 'compare:open', 'settings:turn-off-site', 'catalog:status', 'feed:update-now', 'catalog:import', 'catalog:reset', 'nope', 'constructor', 'toString'];
    let dispatched = 0;
    for (let i = 0; i < 1000; i++) {
      const pick = <T,>(list: T[]) => list[Math.floor(rand() * list.length)]!;
      const raw = rand() < 0.2 ? pick(values) : { vl: rand() < 0.9 ? 1 : 2, type: pick(types), payload: rand() < 0.5 ? pick(values) : { tabId: pick(values), ids: pick(values) } };
      const sender = rand() < 0.5 ? pageSender : popupSender;
      const result = listen(raw, sender);
      if (result) dispatched++;
    }
    // Only the well-formed ones reach a handler: catalog:status with {} payload is the sole shape random data can hit.
    for (const [name, fn] of Object.entries(h)) {
      for (const call of (fn as ReturnType<typeof vi.fn>).mock.calls) {
        expect(parseMessage({ vl: 1, type: name, payload: call[0] }).ok).toBe(true);
      }
    }
    expect(dispatched).toBe(Object.values(h).reduce((n, fn) => n + (fn as ReturnType<typeof vi.fn>).mock.calls.length, 0));
  });
});
