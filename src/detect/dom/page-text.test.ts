// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectPageText, createTextCollector, rangeFor } from './page-text';

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
});

describe('rangeFor', () => {
  it('maps a mention split across nodes back to one Range', () => {
    const root = page('<p>Try <b>GPT</b>-4o today</p>');
    const collected = collectPageText(root);
    const start = collected.text.indexOf('GPT-4o');
    const range = rangeFor(collected, start, start + 'GPT-4o'.length)!;
    expect(range.toString()).toBe('GPT-4o');
    expect(range.startContainer.textContent).toBe('GPT');
  });

  it('returns nothing for offsets outside the text', () => {
    const collected = collectPageText(page('<p>short</p>'));
    expect(rangeFor(collected, 50, 60)).toBeUndefined();
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
    expect(collector.result().text).toBe(whole.text);
    expect(collector.result().nodes.length).toBe(whole.nodes.length);
  });

  it('stops at maxChars', () => {
    const root = page('<p>aaaa</p><p>bbbb</p><p>cccc</p>');
    expect(collectPageText(root, { maxChars: 6 }).text).toBe('aaaa\nbbbb');
  });
});
