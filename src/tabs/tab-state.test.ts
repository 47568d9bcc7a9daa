import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, createTabStates, mergeFrameReports, stateFromReport } from './tab-state';
import type { DetectionIndex } from '../detect/detection-index';

const scores = { performance: 8, value: 8, reliability: 8, easeOfUse: 8 };
const index: DetectionIndex = {
  catalogVersion: '1',
  tools: [
    { id: 'gpt-4-1-mini', name: 'GPT-4.1 Mini', vendor: 'OpenAI', category: 'llm-api', overall: 8.9, scores, aliases: [], domains: ['openai.com'] },
    { id: 'stable-diffusion', name: 'Stable Diffusion', vendor: 'Stability AI', category: 'image-generator', overall: 8, scores, aliases: [], domains: [] },
  ],
};

describe('per-tab state and badge', () => {
  it('counts distinct tools, puts the page subject first and drops unknown ids', () => {
    const state = stateFromReport(
      7,
      {
        url: 'https://openai.com/api/pricing/',
        mentions: [
          { toolId: 'stable-diffusion', count: 5 },
          { toolId: 'gpt-4-1-mini', count: 1 },
          { toolId: 'not-in-catalog', count: 3 },
        ],
        subject: 'gpt-4-1-mini',
        isPricingPage: true,
      },
      index,
    );
    expect(state.tools.map((t) => t.id)).toEqual(['gpt-4-1-mini', 'stable-diffusion']);
    expect(badgeText(state)).toBe('2');
  });

  it('badge is empty with no tools and capped at 99+', () => {
    expect(badgeText(null)).toBe('');
    expect(badgeText(stateFromReport(1, { url: 'x', mentions: [], isPricingPage: false }, index))).toBe('');
    const many = { ...stateFromReport(1, { url: 'x', mentions: [], isPricingPage: false }, index) };
    many.tools = Array.from({ length: 120 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, vendor: 'V', overall: 5, count: 1 }));
    expect(badgeText(many)).toBe('99+');
  });

  it('stores state in session storage, sets and clears the badge', async () => {
    const badges = new Map<number, string>();
    const tabs = createTabStates(fakeBrowser.storage.session, { setText: async (id, text) => void badges.set(id, text) });
    const state = stateFromReport(3, { url: 'u', mentions: [{ toolId: 'gpt-4-1-mini', count: 2 }], isPricingPage: false }, index);
    await tabs.put(state);
    expect(badges.get(3)).toBe('1');
    expect((await tabs.get(3))?.tools[0]?.count).toBe(2);
    await tabs.clear(3);
    expect(badges.get(3)).toBe('');
    expect(await tabs.get(3)).toBeNull();
  });
});

describe('frames', () => {
  it('adds up the frames of a tab; a frame’s new report replaces its old one', async () => {
    const tabs = createTabStates(fakeBrowser.storage.session, { setText: async () => {} });
    await tabs.putFrame(5, 0, { url: 'https://top.example/', mentions: [{ toolId: 'gpt-4-1-mini', count: 2 }], isPricingPage: true });
    await tabs.putFrame(5, 7, { url: 'https://frame.example/', mentions: [{ toolId: 'gpt-4-1-mini', count: 1 }, { toolId: 'stable-diffusion', count: 4 }], isPricingPage: false });
    const merged = await tabs.putFrame(5, 7, { url: 'https://frame.example/', mentions: [{ toolId: 'stable-diffusion', count: 1 }], isPricingPage: false });
    expect(merged.url).toBe('https://top.example/');
    expect(merged.isPricingPage).toBe(true);
    expect(Object.fromEntries(merged.mentions.map((m) => [m.toolId, m.count]))).toEqual({ 'gpt-4-1-mini': 2, 'stable-diffusion': 1 });
    await tabs.clear(5);
    expect((await tabs.putFrame(5, 0, { url: 'u', mentions: [], isPricingPage: false })).mentions).toEqual([]);
  });

  it('an in-app navigation (same top document) keeps the frames’ reports; a new document drops them', async () => {
    const tabs = createTabStates(fakeBrowser.storage.session, { setText: async () => {} });
    const top = (url: string, toolId: string) => ({ url, mentions: [{ toolId, count: 1 }], isPricingPage: false });
    await tabs.putFrame(5, 0, top('https://app.example/a', 'gpt-4-1-mini'), index, 'doc-1');
    await tabs.putFrame(5, 4, top('https://ads.example/', 'stable-diffusion'), index, 'frame-doc');

    // history.pushState: the URL changes, the event cannot tell, the top frame reports from the same document.
    await tabs.navigated(5, 'https://app.example/b');
    expect(await tabs.get(5)).toBeNull();
    let merged = await tabs.putFrame(5, 0, top('https://app.example/b', 'gpt-4-1-mini'), index, 'doc-1');
    expect(merged.mentions.map((m) => m.toolId).sort()).toEqual(['gpt-4-1-mini', 'stable-diffusion']);

    // The top frame's report for the new URL arrived before the event: nothing to clear.
    await tabs.putFrame(5, 0, top('https://app.example/c', 'gpt-4-1-mini'), index, 'doc-1');
    await tabs.navigated(5, 'https://app.example/c');
    expect((await tabs.get(5))?.tools.map((t) => t.id).sort()).toEqual(['gpt-4-1-mini', 'stable-diffusion']);

    // A new document: the old frames' reports are gone for good.
    await tabs.navigated(5, 'https://other.example/');
    merged = await tabs.putFrame(5, 0, top('https://other.example/', 'gpt-4-1-mini'), index, 'doc-2');
    expect(merged.mentions.map((m) => m.toolId)).toEqual(['gpt-4-1-mini']);
  });

  it('without document ids (Firefox), a navigation clears every frame as before', async () => {
    const tabs = createTabStates(fakeBrowser.storage.session, { setText: async () => {} });
    await tabs.putFrame(6, 0, { url: 'https://a.example/', mentions: [], isPricingPage: false }, index);
    await tabs.putFrame(6, 2, { url: 'https://f.example/', mentions: [{ toolId: 'stable-diffusion', count: 1 }], isPricingPage: false }, index);
    await tabs.navigated(6, 'https://a.example/next');
    const merged = await tabs.putFrame(6, 0, { url: 'https://a.example/next', mentions: [], isPricingPage: false }, index);
    expect(merged.mentions).toEqual([]);
  });

  it('takes the subject from the top frame first', () => {
    const merged = mergeFrameReports({
      '3': { url: 'f', mentions: [], subject: 'stable-diffusion', isPricingPage: false },
      '0': { url: 't', mentions: [], subject: 'gpt-4-1-mini', isPricingPage: false },
    });
    expect(merged.subject).toBe('gpt-4-1-mini');
  });
});
