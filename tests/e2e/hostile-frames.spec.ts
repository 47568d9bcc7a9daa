/**
 * Hostile pages, part two: frames, shadow DOM, editable regions, an SPA, page styles aimed at us,
 * forged messages and events, and an extension reload under open tabs. For each: no error of ours in
 * the page's console (any world, any frame we can reach), the page's DOM as the page built it but for
 * our one host element per document, the page still working, and the right marks, badge and popup.
 *
 * "The DOM as the page built it" is measured against the same page, driven the same way, in a plain
 * Chromium without the extension: every frame's DOM (open shadow roots and form values included) is
 * serialised with our host left out and compared.
 */
import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, chromiumArgs } from '../../scripts/lib/chromium.mjs';
import { ExtensionHandle, expect, prepareExtension, test } from './support/fixtures';

const HOST = 'https://hostile-b.example.com';
const OTHER = 'https://hostile-b-other.example.org';
const HOST_TAG = 'versus-lens-overlay';

test.use({ allSites: true });

// ---------------------------------------------------------------------------------------------
// Helpers

/** A frame's DOM as text, with our host elements left out and counted. Runs in the page's world. */
function serialiseDom(hostTag: string) {
  let hosts = 0;
  const hostsUnderRoot: boolean[] = [];
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return JSON.stringify((n as Text).data);
    if (n.nodeType === Node.COMMENT_NODE) return `<!--${(n as Comment).data}-->`;
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (el.localName === hostTag) {
        hosts++;
        hostsUnderRoot.push(el.parentNode === document.documentElement);
        return '';
      }
      const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
      const value = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? ` .value=${JSON.stringify(el.value)}` : '';
      const shadow = el.shadowRoot ? `#shadow(${[...el.shadowRoot.childNodes].map(walk).join('')})` : '';
      return `<${el.localName} ${attrs}${value}>${shadow}${[...el.childNodes].map(walk).join('')}</${el.localName}>`;
    }
    return [...n.childNodes].map(walk).join('');
  };
  return { dom: walk(document), hosts, hostsUnderRoot };
}

type Snapshot = ReturnType<typeof serialiseDom>;

async function snapshotFrames(page: Page): Promise<Record<string, Snapshot>> {
  const out: Record<string, Snapshot> = {};
  for (const frame of page.frames()) out[frameKey(frame)] = await frame.evaluate(serialiseDom, HOST_TAG);
  return out;
}

const frameKey = (frame: Frame) => `${frame.parentFrame() ? 'child' : 'top'} ${frame.url()}`;

let plain: BrowserContext | undefined;

/** The same page in Chromium without the extension, driven by the same steps: the DOM the page builds itself. */
async function baseline(url: string, steps: (page: Page) => Promise<void> = async () => {}): Promise<Record<string, Snapshot>> {
  const page = await plain!.newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  await steps(page);
  const snap = await snapshotFrames(page);
  await page.close();
  return snap;
}

/** Every frame's DOM equals the page's own (our host left out), with at most one host per document, on <html>. */
async function expectDomAsBuilt(page: Page, url: string, steps?: (page: Page) => Promise<void>): Promise<Record<string, number>> {
  const expected = await baseline(url, steps);
  const actual = await snapshotFrames(page);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  const hosts: Record<string, number> = {};
  for (const [key, snap] of Object.entries(actual)) {
    expect(snap.dom, `DOM of ${key}`).toBe(expected[key]!.dom);
    expect(snap.hosts, `our hosts in ${key}`).toBeLessThanOrEqual(1);
    expect(snap.hostsUnderRoot.every(Boolean), `our host sits on <html> in ${key}`).toBe(true);
    hosts[key] = snap.hosts;
  }
  return hosts;
}

interface Watched {
  page: Page;
  errors: string[];
  /** Evaluate in our content script's world of the top frame (the one created last, after a reload). */
  inOurWorld<T>(expression: string): Promise<T>;
}

/**
 * A new tab, watched from before its first load: console errors and uncaught exceptions from every
 * world (the page's and our content script's) through the DevTools protocol, plus Playwright's own
 * console and pageerror events, which also cover the tab's out-of-process frames.
 */
async function watchedPage(extension: ExtensionHandle): Promise<Watched> {
  const page = await extension.context.newPage();
  // The browser's own favicon request (a saved page that has none) is nobody's error.
  const errors: string[] = [];
  const note = (e: string) => void (e.includes('/favicon.ico') || errors.push(e));
  page.on('console', (m) => {
    if (m.type() === 'error') note(`console (${m.location().url}): ${m.text()}`);
  });
  page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
  const cdp = await extension.context.newCDPSession(page);
  const worlds: { id: number; frameId: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { frameId?: string; type?: string } | undefined;
    // A content script's world: isolated, named after the extension, with the extension's origin.
    const ours = context.origin.startsWith(`chrome-extension://${extension.id}`) || context.name === 'Versus Lens';
    if (aux?.type === 'isolated' && ours) worlds.push({ id: context.id, frameId: aux.frameId ?? '' });
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    const i = worlds.findIndex((w) => w.id === executionContextId);
    if (i >= 0) worlds.splice(i, 1);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    note(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`),
  );
  cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    if (type === 'error' || type === 'assert') note(`console.${type} in context ${executionContextId}: ${args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error') note(`log (${entry.source}): ${entry.text} ${entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await cdp.send('Page.enable');
  return {
    page,
    errors,
    async inOurWorld<T>(expression: string) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const mine = worlds.filter((w) => w.frameId === frameTree.frame.id);
      const world = mine[mine.length - 1];
      if (!world) throw new Error('no content-script world in the top frame');
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
  };
}

/**
 * The texts our highlights mark in the top frame, and whether any sits in an editable place. The
 * marks are StaticRanges, which have no text of their own: read through a live Range.
 */
const MARKS = `(() => {
  const out = [];
  for (const name of ['versus-lens-high', 'versus-lens-good', 'versus-lens-fair']) {
    const h = CSS.highlights.get(name);
    if (!h) continue;
    for (const r of h) {
      const el = r.startContainer.parentElement;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      out.push({ text: live.toString(), editable: !!el && (el.isContentEditable || !!el.closest('input, textarea, [contenteditable]')) });
    }
  }
  return out.sort((a, b) => a.text.localeCompare(b.text));
})()`;

/** The marks as MARKS reads them; polled, since marks are registered once the observer has reported. */
const markedTexts = (watched: { inOurWorld<T>(expression: string): Promise<T> }) => watched.inOurWorld<{ text: string; editable: boolean }[]>(MARKS);

async function foundIds(extension: ExtensionHandle, page: Page): Promise<string[]> {
  const tabId = await extension.tabIdOf(page);
  const popup = await extension.openPopup(tabId);
  await expect(popup.locator('[data-found-tool]').first()).toBeVisible();
  const ids = await popup.locator('[data-found-tool]').evaluateAll((els) => els.map((e) => e.getAttribute('data-found-tool')!));
  await popup.close();
  return ids.sort();
}

/** The tab's state as the background holds it. */
async function storedTools(extension: ExtensionHandle, tabId: number): Promise<string[]> {
  const sw = await extension.worker();
  return sw.evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { tools: { id: string }[] } | undefined;
    return (state?.tools.map((t) => t.id) ?? []).sort();
  }, tabId);
}

test.beforeAll(async ({ server }) => {
  plain = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: chromiumArgs(undefined, server.port),
  });
});

test.afterAll(async () => {
  await plain?.close();
  plain = undefined;
});

// ---------------------------------------------------------------------------------------------
// a. Frames

test('a. same- and cross-origin iframes each scan themselves; the badge counts the tab’s tools once', async ({ extension }) => {
  const { page, errors } = await watchedPage(extension);
  await page.goto(`${HOST}/frames/`);
  // Top: GPT-4o; same-origin frame: Claude Sonnet 4; cross-origin frame: Midjourney; the comments frame: none.
  await extension.expectBadge(page, '3');
  expect(await foundIds(extension, page)).toEqual(['claude-sonnet-4', 'gpt-4o', 'midjourney']);

  const same = page.frameLocator('#same');
  const cross = page.frameLocator('#cross');
  // Each frame marks its own mentions, in its own host (a chip must sit beside the words it scores).
  await expect(page.locator(`${HOST_TAG} [data-chip-tool="gpt-4o"]`)).toBeVisible();
  await expect(same.locator(`${HOST_TAG} [data-chip-tool="claude-sonnet-4"]`)).toBeVisible();
  await expect(cross.locator(`${HOST_TAG} [data-chip-tool="midjourney"]`)).toBeVisible();
  // A frame's host holds only that frame's tools.
  await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(1);
  await expect(cross.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(1);

  const hosts = await expectDomAsBuilt(page, `${HOST}/frames/`);
  expect(hosts).toEqual({
    [`top ${HOST}/frames/`]: 1,
    [`child ${HOST}/frames/same.html`]: 1,
    [`child ${OTHER}/frame/`]: 1,
    // A frame that names no tool gets nothing added.
    [`child ${HOST}/frames/quiet.html`]: 0,
  });

  // The page and its frames still work.
  await page.locator('#top-count').click();
  await expect(page.locator('#top-count')).toHaveText('Clicked 1');
  await same.locator('#frame-count').click();
  await expect(same.locator('#frame-count')).toHaveText('Clicked 1');
  await cross.locator('#frame-count').click();
  await expect(cross.locator('#frame-count')).toHaveText('Clicked 1');
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// b. Shadow DOM

test('b. text in open shadow roots (nested too) is found and marked; a closed root is left alone', async ({ extension }) => {
  const watched = await watchedPage(extension);
  const { page, errors } = watched;
  await page.goto(`${HOST}/shadow/`);
  await extension.expectBadge(page, /^[34]$/);
  const ids = await foundIds(extension, page);
  for (const id of ['claude-sonnet-4', 'perplexity', 'deepseek-r1']) expect(ids).toContain(id);
  // What a closed root holds is the page's secret: finding it is not required, and never an error.
  expect(ids.filter((id) => !['claude-sonnet-4', 'perplexity', 'deepseek-r1'].includes(id))).toEqual(ids.includes('elevenlabs') ? ['elevenlabs'] : []);
  await extension.expectBadge(page, String(ids.length));

  await expect.poll(async () => (await markedTexts(watched)).map((m) => m.text)).toEqual(expect.arrayContaining(['Claude Sonnet 4', 'DeepSeek R1', 'Perplexity']));

  // A mark inside a shadow root, nested in another, opens its card under the pointer like any other
  // (the overlay asks the caret position at the pointer, told which shadow roots hold marks).
  const nested = page.getByText('Runner-up for research: DeepSeek R1.');
  const box = (await nested.boundingBox())!;
  const width = await nested.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return r.getBoundingClientRect().width;
  });
  await page.mouse.move(box.x + width - 20, box.y + box.height / 2, { steps: 4 });
  await expect(page.locator('versus-lens-overlay [data-card-tool="deepseek-r1"]')).toBeVisible();

  await expectDomAsBuilt(page, `${HOST}/shadow/`);
  expect(await page.evaluate(() => (window as unknown as { closedText: () => string }).closedText())).toBe('For voice-overs, ElevenLabs sounded the most natural.');
  // The component still works.
  await page.locator('#open').getByRole('button', { name: 'Likes 0' }).click();
  await expect(page.locator('#open').getByRole('button', { name: 'Likes 1' })).toBeVisible();
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// c. Editable regions and form fields

test('c. inputs, textareas and contenteditable regions are never read or marked, and typing in them is undisturbed', async ({ extension }) => {
  const watched = await watchedPage(extension);
  const { page, errors } = watched;
  await page.goto(`${HOST}/editable/`);
  await extension.expectBadge(page, '1');
  expect(await foundIds(extension, page)).toEqual(['midjourney']);
  await expect.poll(() => markedTexts(watched)).toEqual([{ text: 'Midjourney', editable: false }]);
  await expectDomAsBuilt(page, `${HOST}/editable/`);

  // Type into the middle of the textarea: the caret stays where the user put it.
  const notes = page.locator('#notes');
  await notes.focus();
  await notes.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(16, 16)); // after "Claude Sonnet 4 "
  await page.keyboard.type('(and GPT-4o) ');
  await expect(notes).toHaveValue('Claude Sonnet 4 (and GPT-4o) wrote my first draft.');

  // Type tool names into the rich editor, at its end.
  const rich = page.locator('#rich p');
  await rich.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Then Suno');
  // The page changes too: a published note naming a tool. One rescan covers both changes.
  await page.locator('#add').click();
  await extension.expectBadge(page, '2');
  expect(await foundIds(extension, page)).toEqual(['midjourney', 'stable-diffusion']);
  // Names typed into the editor never count, however long we wait for rescans to settle.
  await page.waitForTimeout(1_000);
  expect(await extension.badge(await extension.tabIdOf(page))).toBe('2');
  await expect.poll(async () => (await markedTexts(watched)).map((m) => m.text)).toEqual(['Midjourney', 'Stable Diffusion']);

  // Back in the editor after our rescans: the caret is where typing left it, and typing goes on there.
  await rich.click();
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await expect(page.locator('#rich')).toHaveJSProperty('innerHTML', '<p>GPT-4o drafts, <b>Gemini 2.5 Pro</b> edits. Then Suno!</p><span contenteditable="false">@DeepSeek R1</span>');
  await notes.focus();
  await notes.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
  await page.keyboard.type(' Done.');
  await expect(notes).toHaveValue('Claude Sonnet 4 (and GPT-4o) wrote my first draft. Done.');
  expect(await notes.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, document.activeElement === el])).toEqual([56, 56, true]);
  await expect(page.locator('#title')).toHaveValue('Why I switched to Perplexity');

  // The same typing in a page without us leaves the same DOM.
  await expectDomAsBuilt(page, `${HOST}/editable/`, async (p) => {
    const n = p.locator('#notes');
    await n.focus();
    await n.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(16, 16));
    await p.keyboard.type('(and GPT-4o) ');
    await p.locator('#rich p').click();
    await p.keyboard.press('End');
    await p.keyboard.type(' Then Suno');
    await p.locator('#add').click();
    await p.locator('#rich p').click();
    await p.keyboard.press('End');
    await p.keyboard.type('!');
    await n.focus();
    await n.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
    await p.keyboard.type(' Done.');
  });
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// d. SPA navigation

test('d. an SPA view swap by pushState, and back by popstate: the old view’s tools are replaced, the app shell’s frame stays counted', async ({ extension }) => {
  const { page, errors } = await watchedPage(extension);
  await page.goto(`${HOST}/spa/`);
  // The view names two tools; the sponsor iframe in the app shell names one, for every view.
  const models = ['claude-sonnet-4', 'elevenlabs', 'gpt-4o'];
  const images = ['adobe-firefly', 'elevenlabs', 'midjourney', 'stable-diffusion'];
  await extension.expectBadge(page, '3');
  expect(await foundIds(extension, page)).toEqual(models);
  const tabId = await extension.tabIdOf(page);

  await page.getByRole('link', { name: 'Image generators' }).click();
  await expect(page).toHaveURL(`${HOST}/spa/images`);
  await extension.expectBadge(page, '4');
  await expect.poll(() => storedTools(extension, tabId)).toEqual(images);
  expect(await foundIds(extension, page)).toEqual(images);
  await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(3);

  await page.goBack();
  await expect(page).toHaveURL(`${HOST}/spa/`);
  await expect(page.locator('#view h2')).toHaveText('Language models');
  await extension.expectBadge(page, '3');
  await expect.poll(() => storedTools(extension, tabId)).toEqual(models);
  expect(await foundIds(extension, page)).toEqual(models);

  await page.goForward();
  await extension.expectBadge(page, '4');
  await expect.poll(() => storedTools(extension, tabId)).toEqual(images);
  await expect(page.locator('#renders')).toHaveText('Rendered 4 views');
  // Settled, not just passing through: the state holds a moment later.
  await page.waitForTimeout(1_000);
  expect(await storedTools(extension, tabId)).toEqual(images);
  expect(await extension.badge(tabId)).toBe('4');

  await expectDomAsBuilt(page, `${HOST}/spa/`, async (p) => {
    await p.getByRole('link', { name: 'Image generators' }).click();
    await p.goBack();
    await p.goForward();
  });
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// e. Hostile page styles

/** Our dock's look: computed styles and boxes of every element in it, and a screenshot. */
async function dockLook(page: Page) {
  const overlay = page.locator(HOST_TAG);
  await overlay.locator('[data-launcher]').click();
  const panel = overlay.locator('.vl-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-panel-tool]').first()).toBeVisible();
  // Let our own transitions and fonts finish (the page's `transition: all 9s` must not reach us
  // either): wait for every animation in the dock to end, then for two frames, however slow the machine.
  await overlay.locator('.vl-dock').evaluate(async (dock) => {
    await document.fonts.ready;
    await Promise.all(dock.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => {})));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const styles = await overlay.locator('.vl-dock').evaluate((dock) => {
    const props = ['display', 'position', 'font-family', 'font-size', 'font-weight', 'line-height', 'color', 'background-color', 'direction', 'text-align',
      'text-transform', 'letter-spacing', 'visibility', 'opacity', 'transform', 'filter', 'z-index', 'width', 'height', 'padding-top', 'border-top-width',
      'box-sizing', 'cursor', 'pointer-events', 'transition-duration', 'writing-mode'];
    return [dock, ...dock.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return `${el.localName}.${el.getAttribute('class') ?? ''} ${[r.x, r.y, r.width, r.height].map(Math.round).join(',')} ${props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';')}`;
    });
  });
  const hostStyle = await overlay.evaluate((host) => {
    const cs = getComputedStyle(host);
    return ['display', 'position', 'visibility', 'opacity', 'transform', 'filter', 'z-index', 'clip-path', 'direction'].map((p) => `${p}:${cs.getPropertyValue(p)}`);
  });
  // The panel's opaque inside: its rounded corners and shadow let the page's own background through,
  // which is the page's business, not ours.
  const box = (await panel.boundingBox())!;
  const shot = await page.screenshot({ clip: { x: box.x + 12, y: box.y + 12, width: box.width - 24, height: box.height - 24 } });
  return { styles, hostStyle, shot };
}

test('e. a page restyling everything (all: unset, our tag, :host, layers, max z-index covers) leaves our panel exactly as on a plain page', async ({ extension }) => {
  const reference = await watchedPage(extension);
  await reference.page.goto(`${HOST}/plain/`);
  await extension.expectBadge(reference.page, '3');
  const expected = await dockLook(reference.page);
  await reference.page.close();

  const { page, errors } = await watchedPage(extension);
  await page.goto(`${HOST}/styles/`);
  await extension.expectBadge(page, '3');
  expect(await foundIds(extension, page)).toEqual(['claude-sonnet-4', 'github-copilot', 'gpt-4o']);
  // The click itself proves no page layer covers our launcher (Playwright clicks only what is on top).
  const actual = await dockLook(page);
  expect(actual.hostStyle).toEqual(expected.hostStyle);
  expect(actual.styles).toEqual(expected.styles);
  expect(actual.shot.equals(expected.shot), 'the panel looks the same, pixel for pixel').toBe(true);

  await expectDomAsBuilt(page, `${HOST}/styles/`);
  await page.keyboard.press('Escape');
  await page.locator('#count').dispatchEvent('click');
  await expect(page.locator('#count')).toHaveText('Clicked 1');
  expect(errors).toEqual([]);
  expect(reference.errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// f. Forged messages and events

test('f. forged window messages and WXT events from the page are ignored: the script keeps running, state stays right', async ({ extension }) => {
  const { page, errors } = await watchedPage(extension);
  await page.goto(`${HOST}/forged/`);
  await extension.expectBadge(page, '2');
  const tabId = await extension.tabIdOf(page);
  expect(await storedTools(extension, tabId)).toEqual(['otter-ai', 'whisper']);
  await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(2);

  // Everything a page could send that looks like us: WXT's start note (event and message), its
  // location-change event, our message envelope, with the real extension id and entrypoint name.
  const sent = await page.evaluate((id) => {
    const started = `${id}:content:wxt:content-script-started`;
    const forgeries: unknown[] = [
      { type: started, contentScriptName: 'content', messageId: 'forged' },
      { vl: 1, type: 'page:report', payload: { url: location.href, mentions: [{ toolId: 'sora', count: 9 }], isPricingPage: true } },
      { vl: 1, type: 'catalog:reset', payload: {} },
      { vl: 1, type: 'settings:turn-off-site', payload: { host: location.hostname } },
    ];
    for (const data of forgeries) window.postMessage(data, '*');
    for (const detail of [{ contentScriptName: 'content', messageId: 'forged' }, { contentScriptName: 'content' }, null]) {
      document.dispatchEvent(new CustomEvent(started, { detail }));
      window.dispatchEvent(new CustomEvent(started, { detail }));
    }
    for (let i = 0; i < 20; i++) window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
    return forgeries.length;
  }, extension.id);
  await expect(page.locator('#received')).toHaveText(`Received ${sent} messages`);

  // Still running: our host and chips stay, and a change to the page is scanned.
  await page.waitForTimeout(500);
  await expect(page.locator(HOST_TAG)).toHaveCount(1);
  await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(2);
  await page.locator('#more').click();
  await extension.expectBadge(page, '3');
  expect(await storedTools(extension, tabId)).toEqual(['elevenlabs', 'otter-ai', 'whisper']);
  await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(3);
  // No state changed in the background: the site is not turned off, the catalog is the bundled one.
  const sw = await extension.worker();
  expect(await sw.evaluate(async () => JSON.stringify((await chrome.storage.local.get('settings')).settings ?? {}))).not.toContain('hostile-b.example.com');

  await expectDomAsBuilt(page, `${HOST}/forged/`, async (p) => {
    await p.evaluate(() => {
      for (let i = 0; i < 4; i++) window.postMessage({}, '*');
    });
    await p.locator('#more').click();
  });
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// g. Extension reload under an open tab

/** Reload the extension from its service worker and wait until the new one has taken over. */
async function reloadExtension(extension: ExtensionHandle, allSites: boolean): Promise<void> {
  const before = await extension.worker();
  // Wait for the old worker to be gone as well as the new one to start, so no handle reaches the old one.
  const gone = new Promise((resolve) => before.once('close', resolve));
  const next = extension.context.waitForEvent('serviceworker', { predicate: (w) => w !== before && w.url().startsWith(`chrome-extension://${extension.id}/`) });
  await before.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the worker goes away mid-call
  await Promise.all([gone, next]);
  await extension.ready(allSites);
}

/**
 * Chromium disables a command-line extension that reloads itself unless developer mode is on (as it is
 * for anyone who loads an unpacked build), so this test runs the extension in a profile with it on.
 */
async function launchInDeveloperMode(port: number, allSites: boolean): Promise<{ extension: ExtensionHandle; close: () => Promise<void> }> {
  const dir = prepareExtension({ allSites });
  const profile = mkdtempSync(join(tmpdir(), 'vl-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: chromiumArgs(dir, port),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extension = new ExtensionHandle(context, new URL(sw.url()).host);
  await extension.ready(allSites);
  return {
    extension,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

test('g. the extension reloads under an open tab: the old script stops quietly, the new one takes over alone', async ({ server }) => {
  const { extension, close } = await launchInDeveloperMode(server.port, true);
  try {
    const watched = await watchedPage(extension);
    const { page, errors } = watched;
    await page.goto(`${HOST}/reload/`);
    await extension.expectBadge(page, '2');
    await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(2);
    // The watch sees what our content script's world throws (so its silence below means something).
    await watched.inOurWorld('setTimeout(() => { throw new Error("self-check: thrown"); }); Promise.reject(new Error("self-check: rejected")); 0');
    await expect.poll(() => ['self-check: thrown', 'self-check: rejected'].every((m) => errors.some((e) => e.includes(m)))).toBe(true);
    errors.length = 0;

    await reloadExtension(extension, true);

    // The new script runs in the open tab (all-sites access re-injects it); the old one has gone quietly.
    await extension.expectBadge(page, '2');
    await expect(page.locator(HOST_TAG)).toHaveCount(1);
    await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(2);
    // The marks are the new script's (the old one's highlights went with it).
    await expect.poll(async () => (await markedTexts(watched)).map((m) => m.text)).toEqual(['Runway', 'Synthesia']);

    // Page changes after the reload: scanned once, by the new script, still one host.
    await page.locator('#more').click();
    await extension.expectBadge(page, '3');
    await expect(page.locator(HOST_TAG)).toHaveCount(1);
    await expect(page.locator(`${HOST_TAG} [data-chip-tool]`)).toHaveCount(3);
    await page.locator('#count').click();
    await expect(page.locator('#count')).toHaveText('Clicked 1');
    // Give an old script every chance to trip over its dead context (a rescan, a hover, a resize).
    await page.mouse.move(200, 150);
    await page.setViewportSize({ width: 1200, height: 860 });
    await page.waitForTimeout(1_000);
    await expect(page.locator(HOST_TAG)).toHaveCount(1);

    await expectDomAsBuilt(page, `${HOST}/reload/`, async (p) => {
      await p.locator('#more').click();
      await p.locator('#count').click();
    });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('g2. reloaded with no new copy injected (a vendor page, no all-sites access): the stale panel goes at the first touch, quietly', async ({ server }) => {
  const { extension, close } = await launchInDeveloperMode(server.port, false);
  try {
    const { page, errors } = await watchedPage(extension);
    await page.goto('https://openai.com/api/pricing/');
    await extension.expectBadge(page, /^[1-9]/);
    await expect(page.locator(`${HOST_TAG} [data-chip-tool="gpt-4-1-mini"]`)).toBeVisible();

    await reloadExtension(extension, false);
    // Chromium injects no manifest script into open tabs, and without all-sites access we inject none:
    // the old copy is alone in the tab with a dead context. The person comes back and reaches for it.
    await page.bringToFront();
    await page.getByText('GPT-4.1 mini', { exact: true }).hover({ position: { x: 20, y: 20 } });
    await expect(page.locator(HOST_TAG)).toHaveCount(0);
    // Its marks went with it (the page's world shares the document's highlight registry).
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

    // The page is as it was built, and a reload of the page brings the new copy, alone.
    await expectDomAsBuilt(page, 'https://openai.com/api/pricing/');
    await page.reload();
    await extension.expectBadge(page, /^[1-9]/);
    await expect(page.locator(`${HOST_TAG} [data-chip-tool="gpt-4-1-mini"]`)).toBeVisible();
    await expect(page.locator(HOST_TAG)).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
