/**
 * Every message between contexts, named once and typed once. Payloads are parsed with zod where they
 * are received; an unknown or malformed message is dropped and logged, never acted on.
 */
import { z } from 'zod';
import { CATEGORIES } from '../catalog/schema';

const toolId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120);

export const MentionCountSchema = z.strictObject({ toolId, count: z.number().int().min(1).max(1_000_000) });

export const PageReportSchema = z.strictObject({
  url: z.string().max(4096),
  mentions: z.array(MentionCountSchema).max(20_000),
  subject: toolId.optional(),
  isPricingPage: z.boolean(),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** Request payload and response for each message name. */
export const requests = {
  /** content → background: what this frame found. */
  'page:report': PageReportSchema,
  /** popup → background: what a tab holds. */
  'tab:get': z.strictObject({ tabId: z.number().int().min(0) }),
  /** popup → background: scan a tab now (activeTab). */
  'tab:scan': z.strictObject({ tabId: z.number().int().min(0) }),
  /** content/popup → background: full records for some tools. */
  'catalog:tools': z.strictObject({ ids: z.array(toolId).max(500) }),
  /** content → background: every tool of a category (the panel's alternative picker). */
  'catalog:category': z.strictObject({ category: z.enum(CATEGORIES) }),
  /** content → background: the user's settings, repaired (the content script carries no validator). */
  'settings:get': z.strictObject({}),
  /** content → background: may this frame's document compile WebAssembly (its response's policies)? */
  'frame:wasm': z.strictObject({}),
  /** content → background: open the comparison page in a new tab (a page cannot open our pages itself). */
  'compare:open': z.strictObject({ a: toolId, b: toolId.optional() }),
  /** content → background: the user chose "Turn off on this site" in the panel. */
  'settings:turn-off-site': z.strictObject({ host: z.string().regex(/^[a-z0-9.-]+$/).max(253) }),
  /** options → background: the catalog's state. */
  'catalog:status': z.strictObject({}),
  /** options → background: fetch the feed now. */
  'feed:update-now': z.strictObject({}),
  /** options → background: a catalog document the user picked from a file. */
  'catalog:import': z.strictObject({ text: z.string().max(25 * 1024 * 1024) }),
  /** options → background: go back to the catalog that ships with the extension. */
  'catalog:reset': z.strictObject({}),
} as const;

export type MessageName = keyof typeof requests;
export type RequestOf<K extends MessageName> = z.infer<(typeof requests)[K]>;

export const EnvelopeSchema = z.strictObject({
  /** Marks our messages apart from any other extension traffic. */
  vl: z.literal(1),
  type: z.string().max(64),
  payload: z.unknown(),
});

export { envelope } from './envelope';

export type ParsedMessage = { [K in MessageName]: { type: K; payload: RequestOf<K> } }[MessageName];

/** Parse a received message, or say why it was dropped. */
export function parseMessage(raw: unknown): { ok: true; message: ParsedMessage } | { ok: false; error: string } {
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) return { ok: false, error: 'not a Versus Lens message' };
  const { type, payload } = env.data;
  if (!Object.hasOwn(requests, type)) return { ok: false, error: `unknown message type "${type}"` };
  const schema = requests[type as MessageName];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `malformed "${type}" payload` };
  return { ok: true, message: { type, payload: parsed.data } as ParsedMessage };
}
