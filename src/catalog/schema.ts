/**
 * The catalog document: one JSON object `{ schemaVersion, version, updated, tools }`
 * (ARCHITECTURE.md §3). The same format for the bundled file, the feed and file import/export.
 * Field names are a contract: outside tests read /catalog.json.
 */
import { z } from 'zod';
import { CATEGORIES, DIMENSIONS, UNIT_KINDS, type Category, type Dimension } from './constants';

export { CATEGORIES, DIMENSIONS, UNIT_KINDS, type Category, type Dimension };

export const SCHEMA_VERSION = 1;

/** `GPT-4.1 Mini` → `gpt-4-1-mini`; `DALL·E 3` → `dall-e-3`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

const text = z.string().trim().min(1, 'must not be empty').max(600, 'is too long (600 characters at most)');
const shortText = z.string().trim().min(1, 'must not be empty').max(200, 'is too long (200 characters at most)');
const httpsUrl = z
  .string()
  .url('must be a URL')
  .refine((u) => u.startsWith('https://'), 'must be an https URL');
const host = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lowercase host name such as openai.com');

/** A score out of ten, to one decimal. */
export const ScoreSchema = z
  .number()
  .min(0, 'must be 0 or more')
  .max(10, 'must be 10 or less')
  .refine((n) => Math.round(n * 10) === n * 10 || Math.abs(Math.round(n * 10) - n * 10) < 1e-9, 'must have one decimal at most');


export const ScoresSchema = z.strictObject({
  performance: ScoreSchema,
  value: ScoreSchema,
  reliability: ScoreSchema,
  easeOfUse: ScoreSchema,
});

export const ScoreReasonsSchema = z.strictObject({
  performance: shortText,
  value: shortText,
  reliability: shortText,
  easeOfUse: shortText,
});

export const CategorySchema = z.enum(CATEGORIES);

const usd = z.number().min(0, 'must be 0 or more').max(100_000, 'is implausibly large');

export const ApiPricingSchema = z.strictObject({
  /** US dollars per million input tokens. */
  inputPerMTok: usd,
  /** US dollars per million output tokens. */
  outputPerMTok: usd,
  cachedInputPerMTok: usd.optional(),
});

export const PlanSchema = z.strictObject({
  name: shortText,
  /** US dollars a month (billed monthly unless `billedAnnually`). */
  monthlyUSD: usd,
  perSeat: z.boolean(),
  billedAnnually: z.boolean().optional(),
  note: shortText.optional(),
});

export const UnitPriceSchema = z.strictObject({
  unit: z.enum(UNIT_KINDS),
  /** US dollars per one unit. */
  priceUSD: usd,
  note: shortText.optional(),
});

export const PricingSchema = z.strictObject({
  /** The line shown to people, in the reference page's style: "API: $0.40/M input · $1.60/M output". */
  display: shortText,
  api: ApiPricingSchema.optional(),
  plans: z.array(PlanSchema).optional(),
  freeTier: z.boolean().optional(),
  units: z.array(UnitPriceSchema).optional(),
  /** Runs on your own hardware: no vendor bill to estimate. */
  selfHosted: z.boolean().optional(),
  /** The vendor quotes a price only on request (enterprise). */
  onRequest: z.boolean().optional(),
  /** Where the prices come from: one of the tool's `sources`. */
  source: httpsUrl,
  /** The date the prices were read from that source. */
  asOf: isoDate,
});

export const ToolSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as gpt-4-1-mini'),
    name: shortText,
    vendor: shortText,
    category: CategorySchema,
    tagline: shortText,
    summary: text,
    overall: ScoreSchema,
    scores: ScoresSchema,
    scoreReasons: ScoreReasonsSchema,
    pricing: PricingSchema,
    pros: z.array(shortText).min(1, 'needs at least one entry').max(6),
    cons: z.array(shortText).min(1, 'needs at least one entry').max(6),
    bestFor: z.array(shortText).min(1, 'needs at least one entry').max(8),
    aliases: z.array(shortText).max(40),
    domains: z.array(host).max(10),
    updated: isoDate,
    sources: z.array(httpsUrl).min(1, 'needs at least one source'),
  })
  .superRefine((tool, ctx) => {
    if (slugify(tool.name) !== tool.id) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be the slug of the name ("${slugify(tool.name)}")` });
    }
    if (!tool.sources.includes(tool.pricing.source)) {
      ctx.addIssue({ code: 'custom', path: ['pricing', 'source'], message: 'must be one of the tool\'s sources' });
    }
  });

export type Tool = z.infer<typeof ToolSchema>;
export type Scores = z.infer<typeof ScoresSchema>;
export type Pricing = z.infer<typeof PricingSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type UnitPrice = z.infer<typeof UnitPriceSchema>;

export const CatalogDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION} (this version of Versus Lens reads no other)` }),
    /** Monotonic; a document older than the stored one is refused. Dotted numbers or a date-stamp: "2026.11.25". */
    version: z.string().regex(/^\d+(\.\d+){0,3}$/, 'must be dotted numbers such as 2026.11.25'),
    updated: isoDate,
    tools: z.array(ToolSchema).min(1, 'needs at least one tool').max(20_000, 'has too many tools (20,000 at most)'),
  })
  .superRefine((doc, ctx) => {
    const ids = new Map<string, number>();
    const aliases = new Map<string, string>();
    doc.tools.forEach((tool, i) => {
      if (ids.has(tool.id)) {
        ctx.addIssue({ code: 'custom', path: ['tools', i, 'id'], message: `duplicates the id of tools[${ids.get(tool.id)}] ("${tool.id}")` });
      } else ids.set(tool.id, i);
      for (const spelling of [tool.name, ...tool.aliases]) {
        const key = normalizeAliasKey(spelling);
        const owner = aliases.get(key);
        if (owner !== undefined && owner !== tool.id) {
          ctx.addIssue({ code: 'custom', path: ['tools', i, 'aliases'], message: `"${spelling}" is already a name or alias of ${owner}` });
        } else aliases.set(key, tool.id);
      }
    });
  });

export type CatalogDocument = z.infer<typeof CatalogDocumentSchema>;

/** How two spellings are judged to be the same alias: case, dashes and spacing folded. */
export function normalizeAliasKey(spelling: string): string {
  return spelling
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\u00b7\u2027\u30fb._\s-]+/g, ' ')
    .trim();
}

/** Compare two catalog versions ("2026.11.25" > "2026.4.1"). Negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first problem with a document, in words, naming the field: `tools[3].scores.value: must be 10 or less`. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the document is not valid';
  const path = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
  if (issue.code === 'invalid_type') {
    const received = /received (\S+)$/.exec(issue.message)?.[1] ?? 'something else';
    if (!path) return `the document must be a JSON object with schemaVersion, version, updated and tools (received ${received})`;
    if (received === 'undefined') return `${path}: is missing (expected ${issue.expected})`;
  }
  return path ? `${path}: ${issue.message}` : issue.message;
}
