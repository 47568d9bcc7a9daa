/**
 * The user's settings: schema, defaults, and repair. What we read from storage is parsed field by
 * field, so one bad value falls back to its default instead of costing the user every other setting.
 */
import { z } from 'zod';
import { CATEGORIES, DIMENSIONS, type Category } from '../catalog/schema';
import { DEFAULT_PREFERENCES, DEFAULT_USAGE } from '../compare/preferences';

export const SETTINGS_VERSION = 1;

const weight = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const count = z.number().int().min(0).max(1e12);

export const PreferencesSchema = z.strictObject({
  /** Priority order of the four dimensions, most important first. */
  order: z
    .array(z.enum(DIMENSIONS))
    .length(DIMENSIONS.length)
    .refine((list) => new Set(list).size === DIMENSIONS.length, 'must list each dimension once'),
  weights: z.strictObject({ performance: weight, value: weight, reliability: weight, easeOfUse: weight }),
});

export const UsageSchema = z.strictObject({
  inputTokensPerMonth: count,
  outputTokensPerMonth: count,
  seats: count,
  imagesPerMonth: count,
  audioMinutesPerMonth: count,
  videoSecondsPerMonth: count,
});

export const DISPLAY_MODES = ['chips', 'highlights', 'off'] as const;
const hostName = z.string().regex(/^[a-z0-9.-]+$/).max(253);
const toolId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120);

export const SettingsSchema = z.strictObject({
  version: z.number().int(),
  preferences: PreferencesSchema,
  /** The alternative each category's tools are compared against; absent = the top-rated other tool. */
  alternatives: z.partialRecord(z.enum(CATEGORIES), toolId),
  usage: UsageSchema,
  display: z.enum(DISPLAY_MODES),
  /** Sites where the extension stays off. */
  offSites: z.array(hostName).max(1000),
  /** The catalog feed: an https URL, or empty for none. */
  feedUrl: z.union([z.literal(''), z.string().url().startsWith('https://').max(2048)]),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type Preferences = z.infer<typeof PreferencesSchema>;
export type UsageProfile = z.infer<typeof UsageSchema>;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

/** compare/'s defaults: the reference order, all weights equal (no preference), no usage set. */
export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  preferences: { order: [...DEFAULT_PREFERENCES.order], weights: { ...DEFAULT_PREFERENCES.weights } },
  alternatives: {},
  usage: { ...DEFAULT_USAGE },
  display: 'chips',
  offSites: [],
  feedUrl: '',
};

/**
 * Settings from whatever storage held: each top-level field (and each usage and weight field) that
 * fails its schema is replaced by its default; the rest are kept. Returns what was repaired.
 */
export function repairSettings(raw: unknown): { settings: Settings; repaired: string[] } {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const repaired: string[] = [];
  const pick = <T,>(name: string, schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    repaired.push(name);
    return fallback;
  };
  const d = DEFAULT_SETTINGS;
  const prefs = (source.preferences ?? {}) as Record<string, unknown>;
  const rawWeights = (prefs.weights ?? {}) as Record<string, unknown>;
  const weights = Object.fromEntries(
    DIMENSIONS.map((dim) => [dim, pick(`preferences.weights.${dim}`, weight, rawWeights[dim], d.preferences.weights[dim])]),
  ) as Preferences['weights'];
  const rawUsage = (source.usage ?? {}) as Record<string, unknown>;
  const usage = Object.fromEntries(
    (Object.keys(d.usage) as (keyof UsageProfile)[]).map((k) => [k, pick(`usage.${k}`, count, rawUsage[k], d.usage[k])]),
  ) as UsageProfile;
  const rawAlternatives = (source.alternatives ?? {}) as Record<string, unknown>;
  const alternatives: Settings['alternatives'] = {};
  for (const category of CATEGORIES as readonly Category[]) {
    const value = rawAlternatives[category];
    if (value === undefined) continue;
    const parsed = toolId.safeParse(value);
    if (parsed.success) alternatives[category] = parsed.data;
    else repaired.push(`alternatives.${category}`);
  }
  const settings: Settings = {
    version: SETTINGS_VERSION,
    preferences: {
      order: pick('preferences.order', PreferencesSchema.shape.order, prefs.order, [...d.preferences.order]),
      weights,
    },
    alternatives,
    usage,
    display: pick('display', SettingsSchema.shape.display, source.display, d.display),
    offSites: pick('offSites', SettingsSchema.shape.offSites, source.offSites, [...d.offSites]),
    feedUrl: pick('feedUrl', SettingsSchema.shape.feedUrl, source.feedUrl, d.feedUrl),
  };
  return { settings, repaired };
}
