import { describe, expect, it } from 'vitest';
import { createFramePolicies } from './frame-policies';

const response = (url: string, headers: [string, string][] = [], tabId = 7, frameId = 0) => ({
  tabId,
  frameId,
  url,
  responseHeaders: headers.map(([name, value]) => ({ name, value })),
});

describe('frame policies', () => {
  it('allows WebAssembly for a document that came without a policy', () => {
    const frames = createFramePolicies();
    frames.onHeaders(response('https://blog.example/post', [['Content-Type', 'text/html']]));
    expect(frames.allowsWasm(7, 0, 'https://blog.example/post')).toBe(true);
    expect(frames.allowsWasm(7, 0, 'https://blog.example/post#section-2')).toBe(true);
  });

  it('refuses it under a strict policy, enforced or report-only, in any header case', () => {
    const frames = createFramePolicies();
    frames.onHeaders(response('https://a.example/', [['content-security-policy', "script-src 'self'"]]));
    frames.onHeaders(response('https://b.example/', [['Content-Security-Policy-Report-Only', "default-src 'none'"]], 8));
    expect(frames.allowsWasm(7, 0, 'https://a.example/')).toBe(false);
    expect(frames.allowsWasm(8, 0, 'https://b.example/')).toBe(false);
  });

  it('allows it under a policy that grants wasm-unsafe-eval', () => {
    const frames = createFramePolicies();
    frames.onHeaders(response('https://c.example/', [['Content-Security-Policy', "script-src 'self' 'wasm-unsafe-eval'"]]));
    expect(frames.allowsWasm(7, 0, 'https://c.example/')).toBe(true);
  });

  it('answers no for what it has not seen: another frame, another document, another tab, a forgotten tab', () => {
    const frames = createFramePolicies();
    frames.onHeaders(response('https://blog.example/post', [], 7, 3));
    expect(frames.allowsWasm(7, 3, 'https://blog.example/post')).toBe(true);
    expect(frames.allowsWasm(7, 0, 'https://blog.example/post')).toBe(false);
    expect(frames.allowsWasm(7, 3, 'https://blog.example/other')).toBe(false);
    expect(frames.allowsWasm(9, 3, 'https://blog.example/post')).toBe(false);
    frames.forgetTab(7);
    expect(frames.allowsWasm(7, 3, 'https://blog.example/post')).toBe(false);
  });

  it('the last response of a frame counts (a redirect, the next navigation)', () => {
    const frames = createFramePolicies();
    frames.onHeaders(response('https://x.example/', []));
    frames.onHeaders(response('https://x.example/', [['content-security-policy', "default-src 'self'"]]));
    expect(frames.allowsWasm(7, 0, 'https://x.example/')).toBe(false);
  });

  it('ignores requests outside tabs and keeps a bounded memory', () => {
    const frames = createFramePolicies();
    frames.onHeaders(response('https://x.example/', [], -1));
    expect(frames.allowsWasm(-1, 0, 'https://x.example/')).toBe(false);
    for (let tab = 0; tab < 2_100; tab++) frames.onHeaders(response('https://x.example/', [], tab));
    expect(frames.allowsWasm(0, 0, 'https://x.example/')).toBe(false); // the oldest went
    expect(frames.allowsWasm(2_099, 0, 'https://x.example/')).toBe(true);
  });
});
