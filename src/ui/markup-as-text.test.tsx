// @vitest-environment happy-dom
/**
 * Markup in a catalog's strings (issue 8, "bad data"): the schema accepts any text in names, taglines,
 * pros, best-for and the like, so a feed or file can carry `<img onerror>` or `<script>`. It must show
 * as the literal text on every surface — popup, on-page panel and card, comparison — and never become
 * an element.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import bundledJson from '../../public/catalog.json';
import { CatalogDocumentSchema, slugify, type Tool } from '../catalog/schema';
import { memoryCatalogStore } from '../catalog/store';
import { parseCatalogText } from '../catalog/validate';
import { headToHead } from '../compare/head-to-head';
import { buildDetectionIndex } from '../detect/detection-index';
import type { TabState } from '../messaging/responses';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { ComparePage } from './compare/ComparePage';
import { Panel } from './overlay/Panel';
import { ToolCard } from './overlay/ToolCard';
import { PopupApp } from './popup/PopupApp';

const NAME = '<img src=x onerror=alert(1)>';
const TAGLINE = '<script>alert("tagline")</script>';
const SUMMARY = '<b onmouseover=alert(2)>bold</b> & <iframe src=javascript:alert(3)>';
const PRO = '<script>alert("pro")</script>';
const BEST_FOR = '<img src=y onerror=alert(4)> fans';
const PRICE = '<a href=javascript:alert(5)>$1</a>/mo';

/** The bundled catalog with one tool carrying markup in its strings, accepted by the real validator. */
const { doc, tool, rival } = (() => {
  const bundled = CatalogDocumentSchema.parse(bundledJson);
  const base = bundled.tools.find((t) => t.id === 'gpt-4-1-mini')!;
  const marked: Tool = {
    ...structuredClone(base),
    id: slugify(NAME),
    name: NAME,
    tagline: TAGLINE,
    summary: SUMMARY,
    pros: [PRO, ...base.pros.slice(1)],
    bestFor: [BEST_FOR],
    aliases: ['<b>Mini</b>'],
    pricing: { ...base.pricing, display: PRICE },
  };
  const parsed = parseCatalogText(JSON.stringify({ ...bundled, tools: bundled.tools.map((t) => (t.id === base.id ? marked : t)) }));
  if (!parsed.ok) throw new Error(`the markup catalog should be accepted: ${parsed.error}`);
  const accepted = parsed.doc.tools.find((t) => t.id === marked.id)!;
  return { doc: parsed.doc, tool: accepted, rival: parsed.doc.tools.find((t) => t.id === 'gpt-4-1')! };
})();

/** No element came from the data, and every markup string shows as text. */
function expectLiteral(container: Element, strings: string[]) {
  expect(container.querySelectorAll('img, script, iframe, b, a[href^="javascript:"]').length).toBe(0);
  expect(container.querySelectorAll('[onerror], [onmouseover]').length).toBe(0);
  for (const s of strings) expect(container.textContent).toContain(s);
}

afterEach(cleanup);

describe('markup in catalog strings renders as text', () => {
  it('the validator accepts it as text (it is data, never executed)', () => {
    expect(tool.name).toBe(NAME);
    expect(tool.id).toBe('img-src-x-onerror-alert-1');
  });

  it('popup: the found tool and the search results', async () => {
    const state: TabState = {
      tabId: 1,
      url: 'https://openai.com/api/pricing/',
      tools: [{ id: tool.id, name: tool.name, vendor: '<i>OpenAI</i>', overall: tool.overall, count: 1 }],
      isPricingPage: false,
      scannedAt: 0,
    };
    const { container } = render(
      <PopupApp
        deps={{
          tabId: 1,
          getState: async () => state,
          watch: () => () => {},
          scan: async () => ({ started: true }),
          compareUrl: (a, b) => `compare.html?a=${a}${b ? `&b=${b}` : ''}`,
          index: async () => buildDetectionIndex(doc),
          optionsUrl: 'options.html',
        }}
      />,
    );
    await waitFor(() => expect(container.querySelector(`[data-found-tool="${tool.id}"]`)).not.toBeNull());
    fireEvent.input(await screen.findByRole('searchbox'), { target: { value: 'img src' } });
    await waitFor(() => expect(container.querySelectorAll('[data-result-tool]').length).toBeGreaterThan(0));
    expectLiteral(container, [NAME, '<i>OpenAI</i>']);
    expect(container.querySelector('[data-result-tool]')?.textContent).toContain(NAME);
    expect(container.querySelector('i')).toBeNull();
  });

  it('on-page panel: the tool list, its price and the verdict against the alternative', async () => {
    const store = memoryCatalogStore(doc);
    const { container } = render(
      <Panel
        found={[{ id: tool.id, name: tool.name, overall: tool.overall, count: 1 }]}
        settings={{ ...DEFAULT_SETTINGS, alternatives: { 'llm-api': rival.id } }}
        source={{ tools: (ids) => store.getTools(ids), category: (c) => store.byCategory(c) }}
        onClose={() => {}}
        onCompare={() => {}}
        onDismissPage={() => {}}
        onTurnOffSite={() => {}}
      />,
    );
    await waitFor(() => expect(container.querySelector('[data-panel-verdict]')).not.toBeNull());
    expectLiteral(container, [NAME, PRICE]);
    expect(container.querySelector('[data-panel-verdict]')?.textContent).toContain(TAGLINE);
  });

  it('on-page card: name, tagline, price and the line against the alternative', () => {
    const line = `vs ${rival.name}: ${headToHead(tool, rival).verdict}`;
    const { container } = render(<ToolCard tool={tool} versusLine={line} onCompare={() => {}} />);
    expectLiteral(container, [NAME, TAGLINE, PRICE]);
    expect(container.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toContain(NAME);
  });

  it.each(['a', 'b'] as const)('comparison page, with the tool on side %s: heading, verdict, pros, best for, choose-if and FAQ', (side) => {
    const result = side === 'a' ? headToHead(tool, rival) : headToHead(rival, tool);
    const { container } = render(<ComparePage result={result} scoringUrl="scoring.html" />);
    expectLiteral(container, [NAME, TAGLINE, PRO, BEST_FOR, PRICE]);
    expect(container.querySelector('h1')?.textContent).toContain(NAME);
    expect(container.querySelector('.vl-verdict')?.textContent).toMatch(/<script>|<img src=x/);
    expect(container.querySelector('.vl-faq')?.textContent).toContain(NAME);
    expect(container.querySelector(`[data-details="${tool.id}"]`)?.textContent).toContain(PRO);
  });
});
