// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBlocks, PlainMarkdown } from './PlainMarkdown';

afterEach(cleanup);

describe('PlainMarkdown', () => {
  it('parses headings, lists, tables and paragraphs', () => {
    const blocks = parseBlocks('# Title\n\nSome text\nwrapped.\n\n- one\n- two\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n');
    expect(blocks).toEqual([
      { kind: 'h', level: 1, text: 'Title' },
      { kind: 'p', text: 'Some text wrapped.' },
      { kind: 'ul', items: ['one', 'two'] },
      { kind: 'table', rows: [['a', 'b'], ['1', '2']] },
    ]);
  });

  it('renders markup in the source as text, never as HTML', () => {
    const { container } = render(<PlainMarkdown source={'# <img src=x onerror=alert(1)>\n\nA **bold** and `code` <script>x</script>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('code')?.textContent).toBe('code');
  });
});
