/**
 * Whether a bare, ambiguous mention ("Gemini", "Claude", "cursor") names the AI tool. It counts only
 * with evidence: the page is the tool's vendor's; or an AI context is near (another unambiguous tool,
 * or words such as AI, API, prompt, tokens, pricing); or a qualifier follows ("Gemini 2.5", "Claude
 * Pro"). Lower-case prose ("move the cursor", "the mistral wind") and a person's name ("Claude
 * Monet") never count off the vendor's own pages.
 */
import { digitsEnd, gapsEnd, isAsciiDigit, isCapitalizedAt, isSpace, notAsciiWordChar, notLetterOrNumber, wordAt } from './char-class';

/** How far around a mention we look for context, in characters. */
export const CONTEXT_CHARS = 200;

/**
 * Words that put a mention in an AI context. The matcher finds them in its one pass over the text,
 * as it finds tool names (compiled-matcher.ts), with the same folding of case and separators and the
 * same word boundaries: "A.I." and "fine-tuning" as well as "AI" and "finetuning".
 */
export const AI_CONTEXT_WORDS: readonly string[] = [
  'ai', 'a.i.', 'artificial intelligence', 'llm', 'llms', 'language model', 'language models',
  'api', 'apis', 'prompt', 'prompts', 'prompting', 'token', 'tokens', 'chatbot', 'chatbots',
  'generative', 'gen ai', 'genai', 'machine learning', 'openai', 'anthropic', 'deepmind',
  'hugging face', 'huggingface', 'inference', 'fine-tune', 'finetune', 'fine-tuning', 'finetuning',
  'subscription', 'subscriptions', 'per month', 'pricing',
];

/** Context words that count only right after a slash, as in a price: "$20/mo", "$8 /month". */
export const AI_CONTEXT_AFTER_SLASH: readonly string[] = ['mo', 'month'];

/**
 * Words that qualify a bare name as the product ("Gemini Pro", "Claude Code", "Copilot Chat"), or a
 * digit ("Gemini 2.5"). The checks around a mention are written as code (char-class.ts): a content
 * script compiles every regular expression afresh on each page.
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'pro', 'plus', 'advanced', 'ultra', 'max', 'business', 'enterprise', 'team', 'teams', 'free', 'premium', 'code',
  'chat', 'app', 'api', 'studio', 'workspace', 'ai', 'flash', 'opus', 'sonnet', 'haiku', 'nano', 'mini', 'turbo',
  'large', 'small',
]);
/** How far after a mention the qualifier and variant checks look. */
const AFTER_WINDOW = 40;

/** Names that are also people's first names: followed by a capitalized word, they are a person. */
const FIRST_NAMES = new Set(['claude', 'jasper', 'leonardo', 'poe', 'aiva', 'gemma', 'lindy', 'kling']);

export interface AmbiguityInput {
  text: string;
  start: number;
  end: number;
  /** The spelling as it appears in the page. */
  surface: string;
  folded: string;
  onVendorPage: boolean;
  /** Offsets of unambiguous tool mentions on the page (sorted). */
  anchors: ArrayLike<number>;
  /** Offsets of AI context words (AI_CONTEXT_WORDS) on the page (sorted). */
  contexts: ArrayLike<number>;
}

function nearAnchor(anchors: ArrayLike<number>, at: number): boolean {
  let lo = 0;
  let hi = anchors.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = anchors[mid]!;
    if (Math.abs(v - at) <= CONTEXT_CHARS) return true;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** "Gemini 2.5 Flash", "Claude 3 Haiku": a specific model the catalog does not list, not the bare product. */
const VERSION_TIERS: ReadonlySet<string> = new Set([
  'mini', 'nano', 'pro', 'flash', 'lite', 'ultra', 'opus', 'sonnet', 'haiku', 'turbo', 'large', 'small', 'medium', 'preview',
]);

/** Gaps, a version ("2", "2.5"), gaps, a tier word: "Gemini 2.5 Flash" when the mention is "Gemini". */
function versionedVariantAt(text: string, at: number, stop: number): boolean {
  const version = gapsEnd(text, at, stop);
  if (version === at) return false;
  let end = digitsEnd(text, version, stop);
  if (end === version) return false;
  while (end + 1 < stop && text.charCodeAt(end) === 0x2e && isAsciiDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1, stop);
  const tier = gapsEnd(text, end, stop);
  return tier > end && wordAt(text, tier, stop, VERSION_TIERS, notLetterOrNumber) >= 0;
}

/** Gaps or none, then a digit or a qualifier word: "Gemini 2.5", "Claude Pro". */
function qualifierAt(text: string, at: number, stop: number): boolean {
  const word = gapsEnd(text, at, stop);
  if (word < stop && isAsciiDigit(text.charCodeAt(word))) return true;
  return wordAt(text, word, stop, QUALIFIERS, notAsciiWordChar) >= 0;
}

/** White space, then a capitalized word: "Claude Monet". */
function capitalizedWordAt(text: string, at: number, stop: number): boolean {
  let word = at;
  while (word < stop && isSpace(text.charCodeAt(word))) word++;
  return word > at && word + 1 < stop && isCapitalizedAt(text, word);
}

export function acceptAmbiguous(input: AmbiguityInput): boolean {
  const { text, end } = input;
  const stop = Math.min(text.length, end + AFTER_WINDOW);
  if (versionedVariantAt(text, end, stop)) return false;
  if (input.onVendorPage) return true;
  // Lower-case prose is the ordinary word: "move the cursor", "a look of perplexity".
  if (input.surface === input.surface.toLowerCase()) return false;
  const qualified = qualifierAt(text, end, stop);
  if (FIRST_NAMES.has(input.folded) && capitalizedWordAt(text, end, stop) && !qualified) return false;
  if (qualified) return true;
  return nearAnchor(input.anchors, input.start) || nearAnchor(input.contexts, input.start);
}
