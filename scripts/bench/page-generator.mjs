import { readFileSync } from 'node:fs';
/**
 * Deterministic pages for the detection bench: an article of sections with paragraphs, tables and
 * lists, inline <b>/<a>/<code>/<em>, a nav and a footer, plus the <script>/<style> a real page carries
 * (never read). Tool names and aliases are sprinkled at about one mention per kilobyte of text, some
 * split across inline elements the way pages write them (`<b>GPT-4.1</b> Mini`).
 */

/** Our highlight styles, which the content script's manifest CSS puts in every page. */
const HIGHLIGHT_CSS = readFileSync(new URL('../../assets/highlights.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** mulberry32: a small seeded PRNG, so every run measures the same pages. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is for that with on as it by this be are from at or an was which have not can more ' +
  'model models pricing price token tokens input output context window latency throughput benchmark ' +
  'accuracy reasoning quality cost costs per million month plan plans team teams enterprise developer ' +
  'developers api apis request requests response image images video generation prompt prompts fine tuning ' +
  'vision audio speech embedding embeddings search agent agents workflow workflows integration support ' +
  'documentation release version faster cheaper better worse compared against while however although ' +
  'because users customers production deploy deployment scale scaling limit limits rate free tier paid ' +
  'annual monthly billing seat seats usage dashboard console playground evaluation results score scores ' +
  'open source weights license hosted cloud local hardware gpu memory speed stable reliable consistent ' +
  'uptime outage review reviews verdict winner choose option options alternative alternatives feature ' +
  'features update updates new old previous next first second third best worst typical average large small ' +
  'long short simple complex task tasks code coding writing summarization translation chat assistant data'
).split(' ');

/** Names that look like tools but are not in the bench catalog: text a matcher must pass over. */
const DECOYS = ['Claude', 'Gemini Flash', 'Llama', 'Mistral', 'Midjourney', 'Copilot', 'GPT-4o', 'DALL·E', 'Whisper', 'Runway'];

/**
 * @param {{ targetChars: number, terms: string[], seed?: number, mentionEvery?: number }} options
 *   terms: every spelling of the catalog's tools (names and aliases); mentionEvery: characters of
 *   text per mention, on average (default 1,500; tables add more)
 * @returns {{ html: string, textChars: number, mentionsPlaced: number }}
 */
export function generatePage({ targetChars, terms, seed = 1, mentionEvery = 1500 }) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  let textChars = 0;
  let mentionsPlaced = 0;
  const out = [];
  const emit = (html, chars) => {
    out.push(html);
    textChars += chars;
  };

  /** One mention, sometimes split across an inline element at a space. */
  const mention = () => {
    mentionsPlaced++;
    const term = pick(terms);
    const space = term.lastIndexOf(' ');
    const r = rand();
    if (space > 0 && r < 0.2) return [`<b>${term.slice(0, space)}</b>${term.slice(space)}`, term.length];
    if (r < 0.4) return [`<a href="#${encodeURIComponent(term)}">${term}</a>`, term.length];
    if (r < 0.5) return [`<strong>${term}</strong>`, term.length];
    return [term, term.length];
  };

  const sentence = () => {
    const parts = [];
    let chars = 0;
    const n = int(8, 24);
    for (let i = 0; i < n; i++) {
      let word = pick(WORDS);
      if (i === 0) word = word[0].toUpperCase() + word.slice(1);
      let html = word;
      const r = rand();
      if (r < 0.03) html = `<b>${word}</b>`;
      else if (r < 0.05) html = `<a href="/docs/${word}">${word}</a>`;
      else if (r < 0.065) {
        word = `${word}_${int(10, 99)}`;
        html = `<code>${word}</code>`;
      }
      else if (r < 0.08) html = `<em>${word}</em>`;
      else if (r < 0.09) html = word = pick(DECOYS);
      else if (r < 0.1) html = word = `$${int(0, 99)}.${int(10, 99)}`;
      parts.push(html);
      chars += word.length + 1;
    }
    // A mention with probability sentence-length / mentionEvery: about one per `mentionEvery` chars.
    if (rand() < chars / mentionEvery) {
      const [html, len] = mention();
      parts.splice(int(1, parts.length - 1), 0, html);
      chars += len + 1;
    }
    return [parts.join(' ') + '.', chars + 1];
  };

  const paragraph = () => {
    const sentences = [];
    let chars = 0;
    for (let i = int(2, 6); i > 0; i--) {
      const [html, len] = sentence();
      sentences.push(html);
      chars += len;
    }
    emit(`<p>${sentences.join(' ')}</p>\n`, chars);
  };

  const table = () => {
    const rows = int(5, 15);
    const body = [];
    let chars = 0;
    for (let i = 0; i < rows; i++) {
      const [name, len] = rand() < 0.25 ? mention() : [pick(DECOYS), 6];
      const cells = [name, `$${int(0, 30)}.${int(10, 99)}/M`, `${int(1, 10)}.${int(0, 9)}/10`, pick(WORDS) + ' ' + pick(WORDS)];
      body.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
      chars += len + 30;
    }
    emit(`<table><thead><tr><th>Tool</th><th>Price</th><th>Score</th><th>Notes</th></tr></thead><tbody>${body.join('')}</tbody></table>\n`, chars + 20);
  };

  const list = () => {
    const items = [];
    let chars = 0;
    for (let i = int(4, 10); i > 0; i--) {
      const [html, len] = sentence();
      items.push(`<li>${html}</li>`);
      chars += len;
    }
    emit(`<ul>${items.join('')}</ul>\n`, chars);
  };

  emit('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Best AI tools compared</title>', 24);
  emit('<style>body{font:16px/1.5 system-ui;max-width:60rem;margin:auto}td,th{padding:2px 6px}</style>', 0);
  // Our highlight styles, as the content script's manifest CSS puts them in the page from the start.
  emit(`<style>${HIGHLIGHT_CSS}</style>`, 0);
  emit('<script>window.__pageData={"tracking":false,"items":["GPT-4.1 Mini","Stable Diffusion"]};</script></head><body>', 0);
  emit(`<header><nav><ul>${['Home', 'Reviews', 'Pricing', 'Compare', 'About'].map((n) => `<li><a href="/${n}">${n}</a></li>`).join('')}</ul></nav></header><main><article><h1>Best AI tools compared</h1>\n`, 60);
  let section = 0;
  while (textChars < targetChars) {
    section++;
    emit(`<section><h2>Section ${section}: ${pick(WORDS)} and ${pick(WORDS)}</h2>\n`, 30);
    for (let i = int(3, 8); i > 0 && textChars < targetChars; i--) {
      const r = rand();
      if (r < 0.12) table();
      else if (r < 0.25) list();
      else paragraph();
    }
    emit('</section>\n', 0);
  }
  emit('</article></main><footer><p>© 2026 Example reviews. <a href="/privacy">Privacy</a></p></footer></body></html>\n', 40);
  return { html: out.join(''), textChars, mentionsPlaced };
}

/** Plain text of about `targetChars` (paragraphs split by "\n") for the Node matcher bench. */
export function generateText({ targetChars, terms, seed = 2, mentionEvery = 1500 }) {
  const { html } = generatePage({ targetChars, terms, seed, mentionEvery });
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<\/(p|li|tr|h1|h2|section|table|ul)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\n+/g, '\n');
}
