/**
 * Our own documents (docs/*.md) shown in the extension as text: headings, lists, tables and paragraphs
 * become elements; every string is rendered as text, never as HTML.
 */
import type { ComponentChildren } from 'preact';

type Block = { kind: 'h'; level: number; text: string } | { kind: 'ul' | 'ol'; items: string[] } | { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join(' ') });
    para = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'h', level: heading[1]!.length, text: heading[2]! });
    } else if (bullet || numbered) {
      flush();
      const kind = bullet ? 'ul' : 'ol';
      const text = (bullet ?? numbered)![1]!;
      if (last && last.kind === kind) last.items.push(text);
      else blocks.push({ kind, items: [text] });
    } else if (line.startsWith('|')) {
      flush();
      if (/^\|[\s:|-]+\|$/.test(line)) continue; // the header separator row
      const cells = line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (last && last.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else para.push(line.trim());
  }
  flush();
  return blocks;
}

/** Inline `code` and **bold** as elements; everything else as text. */
function inline(text: string): ComponentChildren {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

export function PlainMarkdown({ source }: { source: string }) {
  return (
    <>
      {parseBlocks(source).map((b, i) => {
        if (b.kind === 'h') {
          const Tag = (`h${Math.min(b.level, 4)}`) as 'h1';
          return <Tag key={i}>{inline(b.text)}</Tag>;
        }
        if (b.kind === 'p') return <p key={i}>{inline(b.text)}</p>;
        if (b.kind === 'table') {
          const [head, ...body] = b.rows;
          return (
            <table key={i}>
              <thead>
                <tr>{head?.map((c, j) => <th key={j}>{inline(c)}</th>)}</tr>
              </thead>
              <tbody>
                {body.map((row, r) => (
                  <tr key={r}>{row.map((c, j) => <td key={j}>{inline(c)}</td>)}</tr>
                ))}
              </tbody>
            </table>
          );
        }
        const List = b.kind;
        return (
          <List key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </List>
        );
      })}
    </>
  );
}
