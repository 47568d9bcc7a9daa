/**
 * The bundled catalog tested like a linter: schema, breadth, order, uniqueness, provenance, dates, the
 * scoring rule, the reference page's two tools, and every token and unit price that LiteLLM's public
 * price table also lists, checked against it. Each check is a function returning the problems it found,
 * and the last block feeds broken copies of the catalog to them to prove they can fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import bundled from '../../public/catalog.json';
import { CATEGORIES, CatalogDocumentSchema, describeFirstIssue, normalizeAliasKey, type Tool } from './schema';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SUBSET_PATH = resolve(repoRoot, 'tests/fixtures/model-prices.subset.json');
/** The shared table the extract was copied from: `../shared/data/model-prices.json` from the repo root. */
const SHARED_PATH = resolve(repoRoot, '../shared/data/model-prices.json');
/** The date of that table (tokencost commit 59042a13…, 2025-09-01). */
const TABLE_DATE = '2025-09-01';

type TableEntry = Record<string, unknown>;
const subset = JSON.parse(readFileSync(SUBSET_PATH, 'utf8')) as Record<string, TableEntry>;

/**
 * The table key each tool's `pricing.api` is checked against, or — where the vendor's price is newer than
 * the table — the dated vendor source the price comes from instead.
 */
type PriceRef = string | { newerSource: string; asOf: string; why: string };
const API_PRICE_KEYS: Record<string, PriceRef> = {
  'claude-3-5-haiku': 'claude-3-5-haiku-20241022',
  'claude-3-5-sonnet': 'claude-3-5-sonnet-20241022',
  'claude-3-7-sonnet': 'claude-3-7-sonnet-20250219',
  'claude-opus-4': 'claude-opus-4-20250514',
  'claude-opus-4-1': 'claude-opus-4-1-20250805',
  'claude-sonnet-4': 'claude-sonnet-4-20250514',
  codestral: {
    newerSource: 'https://mistral.ai/pricing',
    asOf: '2025-09-01',
    why: 'the table’s mistral/codestral-latest still carries Codestral 24.05’s $1/$3; Mistral lists Codestral 25.01 and 25.08 at $0.30/$0.90',
  },
  'command-r-plus': 'command-r-plus',
  'deepseek-r1': 'deepseek/deepseek-reasoner',
  'deepseek-v3': 'deepseek/deepseek-chat',
  'gemini-2-0-flash': 'gemini/gemini-2.0-flash',
  'gemini-2-5-flash': 'gemini/gemini-2.5-flash',
  'gemini-2-5-flash-lite': 'gemini/gemini-2.5-flash-lite',
  'gemini-2-5-pro': 'gemini/gemini-2.5-pro',
  'gpt-4-1': 'gpt-4.1',
  'gpt-4-1-mini': 'gpt-4.1-mini',
  'gpt-4-1-nano': 'gpt-4.1-nano',
  'gpt-4o': 'gpt-4o',
  'gpt-4o-mini': 'gpt-4o-mini',
  'gpt-5': 'gpt-5',
  'gpt-5-mini': 'gpt-5-mini',
  'gpt-5-nano': 'gpt-5-nano',
  'grok-3': 'xai/grok-3',
  'grok-4': 'xai/grok-4',
  'kimi-k2': 'moonshot/kimi-k2-0711-preview',
  'llama-3-3-70b': 'groq/llama-3.3-70b-versatile',
  'llama-4-maverick': 'together_ai/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
  'llama-4-scout': 'together_ai/meta-llama/Llama-4-Scout-17B-16E-Instruct',
  'mistral-large': 'mistral/mistral-large-latest',
  'mistral-medium-3': 'mistral/mistral-medium-2505',
  'mistral-small': 'mistral/mistral-small-latest',
  o1: 'o1',
  o3: 'o3',
  'o3-mini': 'o3-mini',
  'o4-mini': 'o4-mini',
};

/** Per-unit prices the table also lists: `pricing.units[index].priceUSD` = table[key][field] × factor. */
const UNIT_PRICE_KEYS: { id: string; index: number; unit: string; key: string; field: string; factor: number }[] = [
  { id: 'dall-e-3', index: 0, unit: 'image', key: 'standard/1024-x-1024/dall-e-3', field: 'input_cost_per_pixel', factor: 1024 * 1024 },
  { id: 'deepgram', index: 0, unit: 'audio-minute', key: 'deepgram/nova-3', field: 'input_cost_per_second', factor: 60 },
  { id: 'gemini-2-5-flash-image', index: 0, unit: 'image', key: 'gemini/gemini-2.5-flash-image-preview', field: 'output_cost_per_image', factor: 1 },
  { id: 'gpt-image-1', index: 0, unit: 'image', key: 'low/1024-x-1024/gpt-image-1', field: 'input_cost_per_pixel', factor: 1024 * 1024 },
  { id: 'gpt-image-1', index: 1, unit: 'image', key: 'medium/1024-x-1024/gpt-image-1', field: 'input_cost_per_pixel', factor: 1024 * 1024 },
  { id: 'gpt-image-1', index: 2, unit: 'image', key: 'high/1024-x-1024/gpt-image-1', field: 'input_cost_per_pixel', factor: 1024 * 1024 },
  { id: 'imagen-4', index: 0, unit: 'image', key: 'gemini/imagen-4.0-generate-001', field: 'output_cost_per_image', factor: 1 },
  { id: 'openai-tts', index: 0, unit: 'character', key: 'tts-1', field: 'input_cost_per_character', factor: 1 },
  { id: 'openai-tts', index: 1, unit: 'character', key: 'tts-1-hd', field: 'input_cost_per_character', factor: 1 },
  { id: 'recraft', index: 0, unit: 'image', key: 'recraft/recraftv3', field: 'output_cost_per_image', factor: 1 },
  { id: 'whisper', index: 0, unit: 'audio-minute', key: 'whisper-1', field: 'input_cost_per_second', factor: 60 },
];

/** The reference page (seed-comparison.txt), figure by figure. */
const REFERENCE = {
  'gpt-4-1-mini': {
    name: 'GPT-4.1 Mini',
    vendor: 'OpenAI',
    tagline: 'Best budget OpenAI model',
    overall: 8.9,
    scores: { performance: 8.2, value: 9.5, reliability: 9.0, easeOfUse: 9.5 },
    display: 'API: $0.40/M input · $1.60/M output',
    pros: ['Near GPT-4o quality at fraction of the API cost', 'Fastest OpenAI model for production', 'Full OpenAI ecosystem compatibility'],
    cons: ['Lower reasoning ceiling than GPT-4o or o1', 'Still more expensive than Gemini Flash', 'Not suitable for advanced reasoning tasks'],
    bestFor: ['Bulk API use', 'chatbots', 'content generation at scale', 'OpenAI ecosystem teams'],
  },
  'stable-diffusion': {
    name: 'Stable Diffusion',
    vendor: 'Stability AI',
    tagline: 'Best open-source image generator',
    overall: 8.0,
    scores: { performance: 8.0, value: 10.0, reliability: 7.0, easeOfUse: 5.5 },
    display: 'Free (self-hosted) · DreamStudio API credits',
    pros: ['Completely free to run locally', 'Unlimited generation — no restrictions', 'Massive model and LoRA ecosystem'],
    cons: ['Requires GPU for fast generation', 'Complex setup vs hosted solutions', 'Requires prompt engineering knowledge'],
    bestFor: ['Developers', 'researchers', 'power users', 'privacy-first generation'],
  },
} as const;

// ---------------------------------------------------------------------------------------------------
// The checks. Each takes a catalog document (as JSON) and returns the problems found, in words.

type Doc = { schemaVersion: unknown; version: string; updated: string; tools: Tool[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (s: unknown): s is string =>
  typeof s === 'string' && ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** $ per million tokens from $ per token, to 4 decimals (so 1e-9 of float noise never matters). */
const perMillion = (perToken: number) => Math.round(perToken * 1e6 * 1e4) / 1e4;
/** Unit prices can be tiny ($0.000015 a character): compare to 4 significant digits. */
const sig4 = (n: number) => Number(n.toPrecision(4));
const money = (n: number) => `$${n.toFixed(2)}`;

function checkSchema(doc: Doc): string[] {
  const parsed = CatalogDocumentSchema.safeParse(doc);
  return parsed.success ? [] : [describeFirstIssue(parsed.error)];
}

function checkDocument(doc: Doc): string[] {
  const problems: string[] = [];
  if (doc.version !== '2026.11.25') problems.push(`version is ${doc.version}`);
  if (doc.updated !== '2026-11-25') problems.push(`updated is ${doc.updated}`);
  return problems;
}

function checkBreadth(doc: Doc): string[] {
  const problems: string[] = [];
  if (doc.tools.length < 100) problems.push(`only ${doc.tools.length} tools`);
  const byCategory = new Map<string, number>();
  for (const t of doc.tools) byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
  if (byCategory.size < 10) problems.push(`only ${byCategory.size} categories`);
  for (const c of CATEGORIES) if ((byCategory.get(c) ?? 0) < 5) problems.push(`${c}: ${byCategory.get(c) ?? 0} tools`);
  return problems;
}

function checkOrderAndUniqueness(doc: Doc): string[] {
  const problems: string[] = [];
  const ids = doc.tools.map((t) => t.id);
  ids.forEach((id, i) => {
    if (i > 0 && ids[i - 1]! >= id) problems.push(`${id} comes after ${ids[i - 1]}: ids must be unique and sorted`);
  });
  const owners = new Map<string, string>();
  for (const t of doc.tools) {
    for (const spelling of [t.name, ...t.aliases]) {
      const key = normalizeAliasKey(spelling);
      const owner = owners.get(key);
      if (owner !== undefined && owner !== t.id) problems.push(`${t.id}: "${spelling}" is already a name or alias of ${owner}`);
      else owners.set(key, t.id);
    }
  }
  return problems;
}

function checkContent(doc: Doc): string[] {
  const problems: string[] = [];
  for (const t of doc.tools) {
    if (t.pros.length !== 3) problems.push(`${t.id}: ${t.pros.length} pros`);
    if (t.cons.length !== 3) problems.push(`${t.id}: ${t.cons.length} cons`);
    if (t.bestFor.length < 2 || t.bestFor.length > 4) problems.push(`${t.id}: ${t.bestFor.length} best-for entries`);
    // The first best-for is used in sentences: "Which is better for <it, lowercased>?", "Choose X if… <it>".
    const first = t.bestFor[0] ?? '';
    if (!/^\p{Lu}/u.test(first)) problems.push(`${t.id}: first best-for "${first}" must start with a capital`);
    const mean = (t.scores.performance + t.scores.value + t.scores.reliability + t.scores.easeOfUse) / 4;
    if (Math.abs(t.overall - mean) > 0.6 + 1e-9) problems.push(`${t.id}: overall ${t.overall} is more than 0.6 from the mean ${mean.toFixed(2)}`);
  }
  return problems;
}

function checkDomains(doc: Doc): string[] {
  const problems: string[] = [];
  for (const t of doc.tools) {
    for (const d of t.domains) {
      let bare = false;
      try {
        bare = new URL(`https://${d}/`).hostname === d;
      } catch {
        bare = false;
      }
      if (!HOST.test(d) || !bare || d.startsWith('www.')) problems.push(`${t.id}: "${d}" is not a bare lowercase host`);
    }
    if (new Set(t.domains).size !== t.domains.length) problems.push(`${t.id}: a domain is listed twice`);
  }
  return problems;
}

function checkDatesAndSources(doc: Doc): string[] {
  const problems: string[] = [];
  if (!isIsoDate(doc.updated)) problems.push(`document updated "${doc.updated}" is not an ISO date`);
  for (const t of doc.tools) {
    for (const [what, date] of [['updated', t.updated], ['pricing.asOf', t.pricing.asOf]] as const) {
      if (!isIsoDate(date)) problems.push(`${t.id}: ${what} "${date}" is not an ISO date`);
      else if (date > doc.updated) problems.push(`${t.id}: ${what} ${date} is after the document's ${doc.updated}`);
    }
    if (!t.sources.includes(t.pricing.source)) problems.push(`${t.id}: pricing.source is not one of its sources`);
    for (const s of t.sources) if (!s.startsWith('https://')) problems.push(`${t.id}: source ${s} is not https`);
    if (new Set(t.sources).size !== t.sources.length) problems.push(`${t.id}: a source is listed twice`);
  }
  return problems;
}

function checkStrings(value: unknown, path = 'catalog'): string[] {
  if (typeof value === 'string') {
    if (value.length === 0) return [`${path} is empty`];
    return value.trim() === value ? [] : [`${path} has leading or trailing whitespace`];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => checkStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => checkStrings(v, `${path}.${k}`));
  return [];
}

function checkApiPrices(doc: Doc, table: Record<string, TableEntry>): string[] {
  const problems: string[] = [];
  const withApi = doc.tools.filter((t) => t.pricing.api);
  for (const t of withApi) if (!(t.id in API_PRICE_KEYS)) problems.push(`${t.id}: API price with no table key or newer source`);
  for (const [id, ref] of Object.entries(API_PRICE_KEYS)) {
    const t = doc.tools.find((x) => x.id === id);
    const api = t?.pricing.api;
    if (!t || !api) {
      problems.push(`${id}: named in API_PRICE_KEYS but has no API price`);
      continue;
    }
    // The line people read says the same as the structured price.
    const display = `API: ${money(api.inputPerMTok)}/M input · ${money(api.outputPerMTok)}/M output`;
    if (!t.pricing.display.startsWith(display)) problems.push(`${id}: display "${t.pricing.display}" does not start with "${display}"`);
    if (typeof ref !== 'string') {
      if (!t.sources.includes(ref.newerSource) || t.pricing.source !== ref.newerSource) problems.push(`${id}: newer source ${ref.newerSource} is not its pricing source`);
      if (!isIsoDate(ref.asOf) || ref.asOf < TABLE_DATE || ref.asOf !== t.pricing.asOf) problems.push(`${id}: newer source must be dated ${TABLE_DATE} or later and match pricing.asOf`);
      continue;
    }
    const entry = table[ref];
    if (!entry) {
      problems.push(`${id}: table key ${ref} is missing`);
      continue;
    }
    const input = perMillion(entry.input_cost_per_token as number);
    const output = perMillion(entry.output_cost_per_token as number);
    if (api.inputPerMTok !== input) problems.push(`${id}: input $${api.inputPerMTok}/M, table ${ref} says $${input}/M`);
    if (api.outputPerMTok !== output) problems.push(`${id}: output $${api.outputPerMTok}/M, table ${ref} says $${output}/M`);
    if (api.cachedInputPerMTok !== undefined) {
      const cached = entry.cache_read_input_token_cost;
      if (typeof cached !== 'number') problems.push(`${id}: cached input price the table cannot confirm`);
      else if (api.cachedInputPerMTok !== perMillion(cached)) problems.push(`${id}: cached input $${api.cachedInputPerMTok}/M, table says $${perMillion(cached)}/M`);
    }
  }
  return problems;
}

function checkUnitPrices(doc: Doc, table: Record<string, TableEntry>): string[] {
  const problems: string[] = [];
  for (const { id, index, unit, key, field, factor } of UNIT_PRICE_KEYS) {
    const price = doc.tools.find((t) => t.id === id)?.pricing.units?.[index];
    const perUnit = table[key]?.[field];
    if (!price || price.unit !== unit) problems.push(`${id}: units[${index}] is not a price per ${unit}`);
    else if (typeof perUnit !== 'number') problems.push(`${id}: table ${key}.${field} is missing`);
    else if (sig4(price.priceUSD) !== sig4(perUnit * factor)) problems.push(`${id}: $${price.priceUSD} per ${unit}, table ${key} says $${sig4(perUnit * factor)}`);
  }
  return problems;
}

function checkReferenceTools(doc: Doc): string[] {
  const problems: string[] = [];
  for (const [id, want] of Object.entries(REFERENCE)) {
    const t = doc.tools.find((x) => x.id === id);
    if (!t) {
      problems.push(`${id} is missing`);
      continue;
    }
    const got = { name: t.name, vendor: t.vendor, tagline: t.tagline, overall: t.overall, scores: t.scores, display: t.pricing.display, pros: t.pros, cons: t.cons, bestFor: t.bestFor };
    for (const field of Object.keys(want) as (keyof typeof want)[]) {
      if (JSON.stringify(got[field]) !== JSON.stringify(want[field])) problems.push(`${id}.${field} differs from the reference page`);
    }
  }
  return problems;
}

function lint(doc: Doc, table: Record<string, TableEntry> = subset): string[] {
  return [
    ...checkSchema(doc),
    ...checkDocument(doc),
    ...checkBreadth(doc),
    ...checkOrderAndUniqueness(doc),
    ...checkContent(doc),
    ...checkDomains(doc),
    ...checkDatesAndSources(doc),
    ...checkStrings(doc),
    ...checkApiPrices(doc, table),
    ...checkUnitPrices(doc, table),
    ...checkReferenceTools(doc),
  ];
}

// ---------------------------------------------------------------------------------------------------

const doc = bundled as unknown as Doc;

describe('the bundled catalog', () => {
  it('parses with the schema', () => expect(checkSchema(doc)).toEqual([]));
  it('keeps the document’s version and date', () => expect(checkDocument(doc)).toEqual([]));
  it('is broad: at least 100 tools, every category with 5 or more', () => expect(checkBreadth(doc)).toEqual([]));
  it('is sorted by id, with unique ids and unique spellings across tools', () => expect(checkOrderAndUniqueness(doc)).toEqual([]));
  it('has 3 pros, 3 cons, 2–4 best-fors led by a use case, and an overall within 0.6 of the mean', () => expect(checkContent(doc)).toEqual([]));
  it('lists domains as bare lowercase hosts', () => expect(checkDomains(doc)).toEqual([]));
  it('dates every entry and price, none after the document, from a cited https source', () => expect(checkDatesAndSources(doc)).toEqual([]));
  it('has no empty or padded string anywhere', () => expect(checkStrings(doc)).toEqual([]));
  it('reproduces the reference page’s two tools exactly', () => expect(checkReferenceTools(doc)).toEqual([]));
});

describe('prices against the public table', () => {
  it('every token API price equals the table’s, or cites a newer dated vendor source', () => expect(checkApiPrices(doc, subset)).toEqual([]));
  it('per-unit prices the table lists equal the table’s', () => expect(checkUnitPrices(doc, subset)).toEqual([]));

  it('the extract holds exactly the keys the checks use', () => {
    const used = new Set([...Object.values(API_PRICE_KEYS).filter((r): r is string => typeof r === 'string'), ...UNIT_PRICE_KEYS.map((u) => u.key)]);
    expect(Object.keys(subset).sort()).toEqual([...used].sort());
  });

  it('the extract equals the shared table it was copied from', () => {
    // No skipping: without the shared file this fails, naming the path.
    expect(existsSync(SHARED_PATH), `${SHARED_PATH} is missing: the extract cannot be checked`).toBe(true);
    const shared = JSON.parse(readFileSync(SHARED_PATH, 'utf8')) as Record<string, TableEntry>;
    for (const [key, entry] of Object.entries(subset)) expect(shared[key], key).toEqual(entry);
    // And the catalog's prices pass against the shared table itself, not only against the extract.
    expect([...checkApiPrices(doc, shared), ...checkUnitPrices(doc, shared)]).toEqual([]);
  });
});

describe('the checks catch broken data', () => {
  const broken = (change: (d: Doc) => void): string[] => {
    const copy = structuredClone(doc);
    change(copy);
    return lint(copy);
  };
  const tool = (d: Doc, id: string) => d.tools.find((t) => t.id === id)!;

  it('the bundled catalog itself passes every check', () => expect(lint(doc)).toEqual([]));

  it.each<[string, (d: Doc) => void, RegExp]>([
    ['a changed token price', (d) => void (tool(d, 'gpt-4o').pricing.api!.inputPerMTok = 2.4), /gpt-4o: input \$2\.4\/M/],
    ['a changed price in both display and structure', (d) => {
      tool(d, 'o3').pricing.api!.outputPerMTok = 40;
      tool(d, 'o3').pricing.display = 'API: $2.00/M input · $40.00/M output';
    }, /o3: output \$40\/M, table o3 says \$8\/M/],
    ['a display that disagrees with the structured price', (d) => void (tool(d, 'gpt-5').pricing.display = 'API: $1.00/M input · $10.00/M output'), /gpt-5: display/],
    ['an unconfirmed cached price', (d) => void (tool(d, 'grok-3').pricing.api!.cachedInputPerMTok = 0.75), /grok-3: cached input/],
    ['an API price with no table key', (d) => {
      tool(d, 'suno').pricing.api = { inputPerMTok: 1, outputPerMTok: 2 };
    }, /suno: API price with no table key/],
    ['a changed unit price', (d) => void (tool(d, 'whisper').pricing.units![0]!.priceUSD = 0.005), /whisper: \$0\.005 per audio-minute/],
    ['a spelling shared by two tools', (d) => void tool(d, 'gemini').aliases.push('claude'), /"claude" is already a name or alias of claude/],
    ['ids out of order', (d) => void d.tools.reverse(), /must be unique and sorted/],
    ['two pros', (d) => void tool(d, 'cursor').pros.pop(), /cursor: 2 pros/],
    ['a lower-case first best-for', (d) => void (tool(d, 'suno').bestFor[0] = 'song ideas'), /suno: first best-for/],
    ['an overall far from the mean', (d) => void (tool(d, 'pi').overall = 9.0), /pi: overall 9 is more than 0\.6/],
    ['a domain with a scheme', (d) => void (tool(d, 'cursor').domains[0] = 'https://cursor.com'), /"https:\/\/cursor\.com" is not a bare lowercase host/],
    ['an upper-case domain', (d) => void (tool(d, 'cursor').domains[0] = 'Cursor.com'), /"Cursor\.com" is not a bare lowercase host/],
    ['a price dated after the document', (d) => void (tool(d, 'suno').pricing.asOf = '2027-01-01'), /suno: pricing\.asOf 2027-01-01 is after/],
    ['a date that is not a calendar date', (d) => void (tool(d, 'suno').updated = '2025-02-30'), /suno: updated "2025-02-30" is not an ISO date/],
    ['a pricing source not among the sources', (d) => void (tool(d, 'suno').pricing.source = 'https://example.com/pricing'), /suno: pricing\.source is not one of its sources/],
    ['a padded string deep inside', (d) => void (tool(d, 'suno').scoreReasons.value = ' Free tier. '), /tools\[\d+\]\.scoreReasons\.value has leading or trailing whitespace/],
    ['an empty alias', (d) => void tool(d, 'suno').aliases.push(''), /tools\[\d+\]\.aliases\[\d+\] is empty/],
    ['a reference figure changed', (d) => void (tool(d, 'gpt-4-1-mini').overall = 9.0), /gpt-4-1-mini\.overall differs from the reference page/],
    ['a reference con reworded', (d) => void (tool(d, 'stable-diffusion').cons[0] = 'Needs a GPU'), /stable-diffusion\.cons differs/],
    ['a category with too few tools', (d) => void (d.tools = d.tools.filter((t) => t.category !== 'music-generator' || t.id === 'suno')), /music-generator: 1 tools/],
  ])('%s', (_what, change, problem) => {
    const problems = broken(change);
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });

  it('a table entry that changed is caught, through the shared-table check too', () => {
    const table = structuredClone(subset);
    table['gpt-4.1-mini']!.output_cost_per_token = 1.7e-6;
    expect(checkApiPrices(doc, table)).toContain('gpt-4-1-mini: output $1.6/M, table gpt-4.1-mini says $1.7/M');
  });
});
