/**
 * Synthetic catalogs for the scaling and lookup benches: unique, realistic tool names ("Novara 3.5
 * Pro", "Quillbot X 12") with the aliases real catalogs carry (a lowercase model id, a squeezed
 * spelling, a dated snapshot id). The first n tools of a bigger catalog are exactly the n-tool
 * catalog, so a text naming those tools finds the same mentions in both.
 */
import { prng } from './page-generator.mjs';

const HEADS = ['No', 'Qui', 'Lu', 'Ve', 'Ar', 'Zen', 'Mi', 'Ka', 'Or', 'Syn', 'Tes', 'Ra', 'Fa', 'Hel', 'Ix', 'Jo', 'Pyr', 'Cel', 'Dra', 'Em', 'Sol', 'Tau', 'Ul', 'Wy'];
const TAILS = ['vara', 'llbot', 'mina', 'rix', 'gon', 'ith', 'ra', 'lon', 'nex', 'sera', 'tos', 'quill', 'dex', 'phon', 'mera', 'lix', 'cor', 'da', 'tra', 'vio', 'ly', 'mos'];
const TIERS = ['', 'Pro', 'Mini', 'Turbo', 'Ultra', 'Lite', 'Max', 'Flash', 'Nano', 'Plus'];
// Vendors named apart from their products (Anthropic / Claude): a name that starts with its vendor's
// name also gets the rest as a loose spelling ("Famera 9" by "Famera Labs" → "9"), which real
// catalogs avoid and which would make the text, not the catalog, decide what the bench measures.
const VENDOR_HEADS = ['North', 'Blue', 'Bright', 'Deep', 'Open', 'Silver', 'Red', 'Clear', 'Stone', 'Green'];
const VENDOR_TAILS = ['wind Labs', 'fin AI', 'path Inc.', 'field Research', 'gate Systems', 'mark AI', 'wave Labs'];
const CATEGORIES = ['llm-api', 'image-generator', 'chat-assistant', 'coding-assistant', 'writing-assistant'];

const slugify = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
/** As src/catalog/schema.ts normalizeAliasKey: how two spellings count as the same. */
const aliasKey = (s) => s.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015\u2212\u00b7\u2027\u30fb._\s-]+/g, ' ').trim();

/**
 * @param {number} count
 * @returns {import('../../src/detect/detection-index').IndexedTool[]}
 */
export function syntheticIndexTools(count, seed = 7) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const taken = new Set();
  const ids = new Set();
  const tools = [];
  while (tools.length < count) {
    const brand = pick(HEADS) + pick(TAILS);
    const r = rand();
    const version = r < 0.5 ? `${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 10)}` : r < 0.75 ? `X ${2 + Math.floor(rand() * 30)}` : `${2 + Math.floor(rand() * 30)}`;
    const tier = pick(TIERS);
    const name = [brand, version, tier].filter(Boolean).join(' ');
    const id = slugify(name);
    if (taken.has(aliasKey(name)) || ids.has(id)) continue;
    ids.add(id);
    const squeezed = `${brand}${version.replace(' ', '')}${tier ? ` ${tier}` : ''}`;
    const dated = `${id}-20${24 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`;
    const aliases = [id.replace(/-(\d+)-(\d+)/, '-$1.$2'), squeezed, dated].filter((a) => {
      const key = aliasKey(a);
      return key === aliasKey(name) || !taken.has(key);
    });
    for (const s of [name, ...aliases]) taken.add(aliasKey(s));
    const score = () => Math.round(50 + rand() * 50) / 10;
    const scores = { performance: score(), value: score(), reliability: score(), easeOfUse: score() };
    tools.push({
      id,
      name,
      vendor: `${pick(VENDOR_HEADS)}${pick(VENDOR_TAILS)}`,
      category: pick(CATEGORIES),
      overall: score(),
      scores,
      aliases: [...new Set(aliases)],
      domains: [`${slugify(brand)}.example`],
    });
  }
  return tools;
}

/** A detection index over the first `count` synthetic tools. */
export function syntheticIndex(count) {
  return { catalogVersion: '2026.1.1', tools: syntheticIndexTools(count) };
}

/** A full catalog document (every schema field) of `count` synthetic tools, for the IndexedDB store. */
export function syntheticDocument(count) {
  const tools = syntheticIndexTools(count).map((t) => ({
    id: t.id,
    name: t.name,
    vendor: t.vendor,
    category: t.category,
    tagline: `${t.name}: a synthetic tool for the bench`,
    summary: `${t.name} by ${t.vendor}, generated so the catalog store can be measured at scale.`,
    overall: t.overall,
    scores: t.scores,
    scoreReasons: { performance: 'Synthetic.', value: 'Synthetic.', reliability: 'Synthetic.', easeOfUse: 'Synthetic.' },
    pricing: {
      display: 'API: $0.40/M input · $1.60/M output',
      api: { inputPerMTok: 0.4, outputPerMTok: 1.6 },
      source: `https://${t.domains[0]}/pricing`,
      asOf: '2026-01-01',
    },
    pros: ['Fast', 'Cheap'],
    cons: ['Synthetic'],
    bestFor: ['Benchmarks'],
    aliases: t.aliases,
    domains: t.domains,
    updated: '2026-01-01',
    sources: [`https://${t.domains[0]}/pricing`],
  }));
  return { schemaVersion: 1, version: '2026.1.1', updated: '2026-01-01', tools };
}
