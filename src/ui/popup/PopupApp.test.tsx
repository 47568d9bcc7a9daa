// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DetectionIndex } from '../../detect/detection-index';
import type { TabState } from '../../messaging/responses';
import { PopupApp, type PopupDeps } from './PopupApp';
import { pricingTabState } from '../../tabs/test-tab-state';

const scores = { performance: 8, value: 8, reliability: 8, easeOfUse: 8 };
const index: DetectionIndex = {
  catalogVersion: '2026.11.25',
  tools: [
    { id: 'gpt-4-1-mini', name: 'GPT-4.1 Mini', vendor: 'OpenAI', category: 'llm-api', overall: 8.9, scores, aliases: ['gpt-4.1-mini'], domains: [] },
    { id: 'stable-diffusion', name: 'Stable Diffusion', vendor: 'Stability AI', category: 'image-generator', overall: 8, scores, aliases: ['SD 3.5'], domains: [] },
  ],
};
const state: TabState = pricingTabState(4);

function deps(overrides: Partial<PopupDeps> = {}): PopupDeps {
  return {
    tabId: 4,
    getState: async () => state,
    watch: () => () => {},
    scan: async () => ({ started: true }),
    compareUrl: (a, b) => `compare.html?a=${a}${b ? `&b=${b}` : ''}`,
    index: async () => index,
    optionsUrl: 'options.html',
    ...overrides,
  };
}

afterEach(cleanup);

describe('PopupApp', () => {
  it('lists the tab’s tools, each carrying data-found-tool, subject and pricing page said', async () => {
    const { container } = render(<PopupApp deps={deps()} />);
    await screen.findByText('GPT-4.1 Mini');
    expect([...container.querySelectorAll('[data-found-tool]')].map((e) => e.getAttribute('data-found-tool'))).toEqual(['gpt-4-1-mini']);
    expect(screen.getByText('Pricing page')).toBeTruthy();
    expect(screen.getByText(/This page’s product/)).toBeTruthy();
    expect(screen.getByText('1 AI tool on this page')).toBeTruthy();
  });

  it('search results never carry data-found-tool', async () => {
    const { container } = render(<PopupApp deps={deps()} />);
    const box = await screen.findByRole('searchbox');
    fireEvent.input(box, { target: { value: 'sd 3.5' } });
    await screen.findByText('Stable Diffusion');
    expect(container.querySelectorAll('[data-found-tool="stable-diffusion"]').length).toBe(0);
    expect(container.querySelectorAll('[data-result-tool="stable-diffusion"]').length).toBe(1);
  });

  it('offers a scan where the page was not scanned, and reports a failed scan', async () => {
    const scan = vi.fn(async () => ({ started: false, error: 'Cannot access contents of the page' }));
    render(<PopupApp deps={deps({ getState: async () => null, scan })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Scan this page' }));
    await screen.findByText('Could not scan this page: Cannot access contents of the page');
    expect(scan).toHaveBeenCalledWith(4);
  });

  it('follows the tab’s state as the background writes it', async () => {
    let push: (s: TabState | null) => void = () => {};
    render(<PopupApp deps={deps({ getState: async () => null, watch: (_id, cb) => ((push = cb), () => {}) })} />);
    await screen.findByText('This page has not been scanned.');
    push(state);
    await waitFor(() => expect(screen.getByText('GPT-4.1 Mini')).toBeTruthy());
  });
});
