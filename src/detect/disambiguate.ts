/**
 * Whether a bare, ambiguous mention ("Gemini", "Claude", "cursor") names the AI tool. It counts only
 * with evidence: the page is the tool's vendor's; or an AI context is near (another unambiguous tool,
 * or words such as AI, model, API, prompt, tokens); or a qualifier follows ("Gemini 2.5", "Claude
 * Pro"). Lower-case prose ("move the cursor", "the mistral wind") and a person's name ("Claude
 * Monet") never count off the vendor's own pages.
 */

/** How far around a mention we look for context, in characters. */
export const CONTEXT_CHARS = 200;

const AI_CONTEXT =
  /(?:^|[^\p{L}\p{N}])(?:ai|a\.i\.|artificial intelligence|llms?|language models?|ai models?|apis?|prompts?|prompting|tokens?|chatbots?|generative|gen ?ai|machine learning|openai|anthropic|deepmind|hugging ?face|inference|fine-?tun(?:e|ing)|subscriptions?|per month|\/mo|\/month|pricing)(?=$|[^\p{L}\p{N}])/iu;

const QUALIFIER = /^[\s\u00a0\u2010-\u2015-]*(?:\d|(?:pro|plus|advanced|ultra|max|business|enterprise|team|teams|free|premium|code|chat|app|api|studio|workspace|ai|flash|opus|sonnet|haiku|nano|mini|turbo|large|small)\b)/i;

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
  anchors: readonly number[];
}

function nearAnchor(anchors: readonly number[], at: number): boolean {
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
const VERSIONED_VARIANT = /^[\s\u00a0\u2010-\u2015-]+\d+(?:\.\d+)*[\s\u00a0\u2010-\u2015-]+(?:mini|nano|pro|flash|lite|ultra|opus|sonnet|haiku|turbo|large|small|medium|preview)(?![\p{L}\p{N}])/iu;

export function acceptAmbiguous(input: AmbiguityInput): boolean {
  if (VERSIONED_VARIANT.test(input.text.slice(input.end, input.end + 40))) return false;
  if (input.onVendorPage) return true;
  // Lower-case prose is the ordinary word: "move the cursor", "a look of perplexity".
  if (input.surface === input.surface.toLowerCase()) return false;
  const after = input.text.slice(input.end, input.end + 40);
  if (FIRST_NAMES.has(input.folded) && /^[\s\u00a0]+\p{Lu}\p{Ll}/u.test(after) && !QUALIFIER.test(after)) return false;
  if (QUALIFIER.test(after)) return true;
  if (nearAnchor(input.anchors, input.start)) return true;
  const window = input.text.slice(Math.max(0, input.start - CONTEXT_CHARS), Math.min(input.text.length, input.end + CONTEXT_CHARS));
  return AI_CONTEXT.test(window);
}
