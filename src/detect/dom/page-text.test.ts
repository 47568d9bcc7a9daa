// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDetector } from '../detector';
import { PLAIN_PAGE, TEST_INDEX } from '../test-index';
import { collectPageText, createTextCollector, rangeOf, spanFor, type PageText } from './page-text';

/** The text a range covers, through a live Range (a StaticRange has no toString). */
function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('collectPageText', () => {
  it('joins inline elements without a break so split names read whole', () => {
    const { text } = collectPageText(page('<p>Try <b>GPT</b>-4o and <span>Claude</span> <i>3.5</i> Sonnet.</p>'));
    expect(text).toBe('Try GPT-4o and Claude 3.5 Sonnet.');
  });

  it('breaks between blocks so names never run across paragraphs', () => {
    const { text } = collectPageText(page('<p>Ends with GPT</p><p>4o starts here</p>'));
    expect(text).toBe('Ends with GPT\n4o starts here');
  });

  it('never reads scripts, styles, inputs, textareas or editable regions', () => {
    const { text } = collectPageText(
      page(
        '<p>seen</p><script>var a = "GPT-4o"</script><style>.x{}</style><noscript>GPT-4o</noscript>' +
          '<textarea>GPT-4o</textarea><input value="GPT-4o"><div contenteditable="true">GPT-4o</div><p>also seen</p>',
      ),
    );
    expect(text).toBe('seen\nalso seen');
  });

  it('reads what is inside contenteditable="false", and skips editable regions of every spelling', () => {
    const { text } = collectPageText(
      page('<div contenteditable="false">GPT-4o</div><div contenteditable="">typed</div><div contenteditable="plaintext-only">typed</div><p>end</p>'),
    );
    expect(text).toBe('GPT-4o\nend');
  });

  it('reads nothing from a document in design mode', () => {
    page('<p>GPT-4o</p>');
    document.designMode = 'on';
    try {
      expect(collectPageText(document.body).text).toBe('');
    } finally {
      document.designMode = 'off';
    }
  });

  it('breaks between a block child and the text that follows it in the same parent', () => {
    const { text } = collectPageText(page('<div>GPT<p>inner</p>4o <b>bold</b> tail</div>'));
    expect(text).toBe('GPT\ninner\n4o bold tail');
  });

  it('steps over skipped elements at the end of a parent and in a row', () => {
    const { text } = collectPageText(page('<div><p>a</p><textarea>GPT-4o</textarea></div><script>1</script><style>x{}</style><p>b</p><div><input value="x"></div><p>c</p>'));
    expect(text).toBe('a\nb\nc');
  });

  it('skips our own host element', () => {
    const root = page('<p>page text</p><div id="vl-host">Versus Lens panel GPT-4o</div>');
    const { text } = collectPageText(root, { ignore: document.getElementById('vl-host') });
    expect(text).toBe('page text');
  });

  it('reads open shadow roots of the page’s components', () => {
    const root = page('<p>before</p><my-card></my-card>');
    const shadow = root.querySelector('my-card')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Midjourney inside</p>';
    expect(collectPageText(root).text).toBe('before\nMidjourney inside');
  });
  it('reads the shadow roots of every kind of element that can host one, among elements that cannot', () => {
    const hosts = ['div', 'span', 'p', 'section', 'article', 'aside', 'blockquote', 'header', 'footer', 'main', 'nav', 'h1', 'h2', 'h3', 'x-card'];
    const root = page(`<ul><li><a href="#">link</a></li></ul><table><tr><td><b>cell</b></td></tr></table>${hosts.map((t) => `<${t} class="host"></${t}>`).join('')}`);
    root.querySelectorAll('.host').forEach((el) => (el.attachShadow({ mode: 'open' }).innerHTML = `<p>in ${el.tagName.toLowerCase()}</p>`));
    expect(collectPageText(root).text).toBe(['link', 'cell', ...hosts.map((t) => `in ${t}`)].join('\n'));
  });

  it('reads a shadow root before what follows its host, skipped regions and nested shadow roots included', () => {
    const root = page('<p>one</p><x-a></x-a><script>GPT-4o</script><p>three <b>bold</b></p><x-b>light</x-b>');
    const a = root.querySelector('x-a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>two</p><textarea>typed</textarea><x-c></x-c><p>two and a half</p>';
    a.querySelector('x-c')!.attachShadow({ mode: 'open' }).innerHTML = '<span>nested</span>';
    root.querySelector('x-b')!.attachShadow({ mode: 'open' }).innerHTML = '<p>four</p>';
    expect(collectPageText(root).text).toBe('one\ntwo\nnested\ntwo and a half\nthree bold\nfour\nlight');
  });

  it('reads nothing under a root that is itself never read', () => {
    page('<textarea id="t">GPT-4o</textarea>');
    expect(collectPageText(document.getElementById('t')!).text).toBe('');
  });
});

describe('spanFor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('maps a mention split across nodes back to one range, with every text node it covers', () => {
    const root = page('<p>Try <b>GPT</b>-4o today, and Claude <i>3.5</i> Sonnet</p>');
    const collected = collectPageText(root);
    const start = collected.text.indexOf('GPT-4o');
    const span = spanFor(collected, start, start + 'GPT-4o'.length)!;
    expect(textOf(rangeOf(span))).toBe('GPT-4o');
    expect(span.startContainer.textContent).toBe('GPT');
    expect(span.nodes.map((n) => n.data)).toEqual(['GPT', '-4o today, and Claude ']);
    const claude = collected.text.indexOf('Claude');
    expect(spanFor(collected, claude, claude + 'Claude 3.5 Sonnet'.length)!.nodes.map((n) => n.data)).toEqual(['-4o today, and Claude ', '3.5', ' Sonnet']);
  });

  it('gives a StaticRange where the browser has one (no live Range for the document to update)', () => {
    class FakeStaticRange {
      constructor(readonly init: StaticRangeInit) {}
    }
    vi.stubGlobal('StaticRange', FakeStaticRange);
    const collected = collectPageText(page('<p>Try <b>GPT</b>-4o today</p>'));
    const start = collected.text.indexOf('GPT-4o');
    const range = rangeOf(spanFor(collected, start, start + 6)!);
    expect(range).toBeInstanceOf(FakeStaticRange);
    const init = (range as unknown as FakeStaticRange).init;
    expect([init.startContainer.textContent, init.startOffset, init.endContainer.textContent, init.endOffset]).toEqual(['GPT', 0, '-4o today', 3]);
  });

  it('returns nothing for offsets outside the text', () => {
    const collected = collectPageText(page('<p>short</p>'));
    expect(spanFor(collected, 50, 60)).toBeUndefined();
  });
});

describe('createTextCollector', () => {
  it('reads in slices that add up to the one-go result', () => {
    const root = page(Array.from({ length: 2000 }, (_, i) => `<p>Paragraph ${i} with <b>GPT</b>-4o</p>`).join(''));
    const whole = collectPageText(root);
    const collector = createTextCollector(root);
    let steps = 0;
    let calls = 0;
    // A deadline that expires on every check forces a slice every 256 nodes.
    while (!collector.step(() => ++calls > 0)) steps++;
    expect(steps).toBeGreaterThan(5);
    const result = collector.take()!;
    expect(result.text).toBe(whole.text);
    expect(result.nodes.length).toBe(whole.nodes.length);
    expect(collector.take()).toBeUndefined(); // one chunk: the whole text
  });

  it('reads what the page changed between two slices as it is now, and the rest still lines up', () => {
    const root = page(Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i} about <b>GPT</b>-4o</p>`).join(''));
    const collector = createTextCollector(root);
    // The deadline is asked every 256 nodes: four times in the element pass (1,200 elements), then it
    // stops the text pass after 512 of its 1,800 text nodes.
    let calls = 0;
    expect(collector.step(() => ++calls >= 6)).toBe(false);
    const paragraphs = root.querySelectorAll('p');
    paragraphs[10]!.firstChild!.textContent = 'Already read, then changed: Claude ';
    paragraphs[550]!.firstChild!.textContent = 'Changed ahead of the walk, and longer: Claude 3.5 Sonnet and ';
    root.insertBefore(document.createElement('p'), paragraphs[500]!).textContent = 'Inserted ahead: Midjourney';
    while (!collector.step()) {
      /* read to the end */
    }
    const result = collector.take()!;
    const misread = result.nodes.filter((node, i) => result.text.slice(result.starts[i], result.starts[i]! + node.data.length) !== node.data);
    // Only the node changed behind the walk keeps the text it had when it was read.
    expect(misread.map((node) => node.data)).toEqual(['Already read, then changed: Claude ']);
    expect(result.text).toContain('Changed ahead of the walk, and longer: Claude 3.5 Sonnet and GPT-4o');
    expect(result.text).toContain('Inserted ahead: Midjourney\nParagraph 500 about GPT-4o');
    expect(result.text.endsWith('Paragraph 599 about GPT-4o')).toBe(true);
  });

  it('still never reads scripts or styles the page replaced between two slices, nor any after them', () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i} about <b>GPT</b>-4o</p>`);
    paragraphs[450] += '<style>.a{}</style>';
    paragraphs[500] += '<script>var name = "Claude 3.5 Sonnet"</script>';
    paragraphs[550] += '<textarea>typed GPT-4o</textarea>';
    const root = page(paragraphs.join(''));
    const collector = createTextCollector(root);
    let calls = 0;
    expect(collector.step(() => ++calls >= 6)).toBe(false);
    // The style's text node is replaced: the element pass noted the old one.
    root.querySelector('style')!.textContent = '.gpt-4o::after { content: "Midjourney" }';
    while (!collector.step()) {
      /* read to the end */
    }
    const { text } = collector.take()!;
    expect(text).not.toMatch(/Midjourney|Claude|typed/);
    expect(text).toContain('Paragraph 449 about GPT-4o\nParagraph 450 about GPT-4o\nParagraph 451');
    expect(text.endsWith('Paragraph 599 about GPT-4o')).toBe(true);
  });

  it('never reads a script the page added behind the element pass, nor one in a component met after', () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i} about <b>GPT</b>-4o</p>`);
    paragraphs[500] += '<x-card></x-card>';
    const root = page(paragraphs.join(''));
    root.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML =
      '<p>Before <b>the</b> script <script>var name = "Claude 3.5 Sonnet"</script>and <i>after</i> it</p>';
    const collector = createTextCollector(root);
    let calls = 0;
    // Stopped in the element pass, past paragraph 10: the script added there is not among its regions.
    expect(collector.step(() => ++calls >= 2)).toBe(false);
    root.querySelectorAll('p')[10]!.querySelector('b')!.after(Object.assign(document.createElement('script'), { textContent: 'var x = "Midjourney";' }));
    while (!collector.step()) {
      /* read to the end */
    }
    const { text } = collector.take()!;
    expect(text).toContain('Paragraph 10 about GPT-4o\nParagraph 11');
    expect(text).toContain('Paragraph 500 about GPT-4o\nBefore the script and after it\nParagraph 501');
    expect(text).not.toMatch(/Claude|Midjourney/);
  });

  it('keeps the h1 and h2 headings it walks past: in order, with text, none from skipped regions, at most 20', () => {
    const root = page(
      '<h1> Plans </h1><h3>Not this level</h3><h2><img alt=""></h2><div contenteditable><h2>Typed</h2></div>' +
        '<section><h2>Pricing <b>for teams</b></h2></section><x-card></x-card>' +
        Array.from({ length: 30 }, (_, i) => `<h2>Section ${i}</h2>`).join(''),
    );
    root.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML = '<h2>In a component</h2>';
    const collector = createTextCollector(root);
    collector.step();
    const headings = collector.headings();
    expect(headings.slice(0, 4)).toEqual(['Plans', 'Pricing for teams', 'In a component', 'Section 0']);
    expect(headings).toHaveLength(20);
    expect(headings.at(-1)).toBe('Section 16');
  });

  it('keeps a heading whose text sits in blocks of its own inside it', () => {
    // Component libraries wrap a heading's words in divs; the heading is the h1 or h2 itself.
    const root = page('<h1><div class="title"><div>Cursor</div></div></h1><p>Intro</p><h2><div>Pricing</div><p>for <b>teams</b></p></h2>');
    const collector = createTextCollector(root);
    collector.step();
    expect(collector.headings()).toEqual(['Cursor', 'Pricingfor teams']);
  });

  describe('a scope of more than four parts of elements, read a part at a time', () => {
    // Parts of 10 elements (the extension's are 10,000): 100 paragraphs of three elements each, with
    // scripts and styles among them (some right where a part starts), runs of empty elements longer
    // than a part, and a component. Every node's text must come from the right place in its part.
    const partElements = 10;
    const paragraphs = 100;
    const html = () =>
      Array.from({ length: paragraphs }, (_, i) => {
        const skipped = i % 23 === 0 ? `<script>var gpt = "Claude ${i}";</script>` : i % 31 === 0 ? `<style>.c${i}::after { content: "Midjourney" }</style>` : '';
        const empty = i % 41 === 0 ? '<span></span>'.repeat(2 * partElements) : '';
        return `${skipped}<p>P${i} uses <b>GPT</b>-4o <i>now</i></p>${empty}`;
      }).join('') + '<x-card></x-card><p>The end</p>';
    const expected = (line: (i: number) => string) => [...Array.from({ length: paragraphs }, (_, i) => line(i)), 'In a component', 'The end'].join('\n');

    function big(): HTMLElement {
      const root = page(html());
      root.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML = '<p>In a component</p>';
      return root;
    }

    it('gives the text and nodes of the whole, in slices', () => {
      const root = big();
      expect(root.querySelectorAll('*').length).toBeGreaterThan(4 * partElements * 5);
      const collector = createTextCollector(root, { partElements });
      let checks = 0;
      while (!collector.step(() => ++checks % 3 === 0)) {
        /* read in slices */
      }
      const read = collector.take()!;
      expect(read.text).toBe(expected((i) => `P${i} uses GPT-4o now`));
      expect(read.text).toBe(collectPageText(big()).text);
      // Each node's offset is its own text's: the last paragraph's "GPT" maps back to its <b>.
      const at = read.text.lastIndexOf('GPT-4o');
      const span = spanFor(read, at, at + 6)!;
      expect(textOf(rangeOf(span))).toBe('GPT-4o');
      expect(span.startContainer.parentElement!.tagName).toBe('B');
      expect(span.startContainer.parentElement!.parentElement!.textContent).toBe(`P${paragraphs - 1} uses GPT-4o now`);
    });

    it('reads what the page changed between two slices as it is now', () => {
      const root = big();
      const collector = createTextCollector(root, { partElements });
      let checks = 0;
      expect(collector.step(() => ++checks >= 2)).toBe(false);
      // Far ahead of the walk: a paragraph rewritten and a script added.
      const p = root.querySelectorAll('p')[80]!;
      p.firstChild!.textContent = 'Rewritten ';
      p.before(Object.assign(document.createElement('script'), { textContent: 'var x = "Claude";' }));
      while (!collector.step()) {
        /* read to the end */
      }
      expect(collector.take()!.text).toBe(expected((i) => (i === 80 ? 'Rewritten GPT-4o now' : `P${i} uses GPT-4o now`)));
    });
  });

  it('stops at maxChars', () => {
    const root = page('<p>aaaa</p><p>bbbb</p><p>cccc</p>');
    expect(collectPageText(root, { maxChars: 6 }).text).toBe('aaaa\nbbbb');
  });
});

describe('reading in chunks', () => {
  const html = Array.from({ length: 500 }, (_, i) => `<p>line ${i} with <b>GPT</b>-4o and Claude <i>3.5</i> Sonnet</p>`).join('') + '<div>no break at the end</div>';

  /** Read in slices (a deadline every 256 nodes), taking chunks as they are sealed. */
  function chunksOf(root: HTMLElement, chunkChars: number): PageText[] {
    const collector = createTextCollector(root, { chunkChars });
    const chunks: PageText[] = [];
    let checks = 0;
    for (let done = false; !done; ) {
      done = collector.step(() => ++checks % 2 === 0 || collector.ready());
      for (let c = collector.take(); c; c = collector.take()) chunks.push(c);
    }
    return chunks;
  }

  it('cover the text exactly, each cut right after a block break and at least the size asked', () => {
    const root = page(html);
    const whole = collectPageText(root);
    const chunks = chunksOf(root, 1000);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.map((c) => c.text).join('')).toBe(whole.text);
    for (const c of chunks) expect(whole.text.slice(c.base, c.base + c.text.length)).toBe(c.text);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith('\n')).toBe(true);
    for (const c of chunks.slice(0, -1)) expect(c.text.length).toBeGreaterThanOrEqual(1000);
    expect(chunks.reduce((n, c) => n + c.nodes.length, 0)).toBe(whole.nodes.length);
  });

  it('find the same mentions, with Ranges over the same words, as the whole text', () => {
    const root = page(html);
    const detector = createDetector(TEST_INDEX);
    const whole = collectPageText(root);
    const expected = detector.detect(whole.text, PLAIN_PAGE);
    const chunked = chunksOf(root, 1000).flatMap((c) =>
      detector.detect(c.text, PLAIN_PAGE).map((m) => ({ ...m, start: m.start + c.base, end: m.end + c.base, range: textOf(rangeOf(spanFor(c, m.start, m.end)!)) })),
    );
    expect(expected.length).toBeGreaterThanOrEqual(1000);
    expect(chunked.map(({ range: _, ...m }) => m)).toEqual(expected);
    expect(chunked.map((m) => m.range)).toEqual(expected.map((m) => textOf(rangeOf(spanFor(whole, m.start, m.end)!))));
  });

  it('keep a text with no block break whole, and give nothing for no text', () => {
    const long = 'x'.repeat(2500);
    expect(chunksOf(page(`<p>${long}<b>${long}</b></p>`), 1000).map((c) => c.text)).toEqual([long + long]);
    expect(chunksOf(page('<p></p><div> </div>'), 1000).map((c) => c.text)).toEqual([' ']);
    expect(chunksOf(page(''), 1000)).toEqual([]);
  });
});
