/**
 * Names that are also ordinary words or people's names. A bare mention of one counts only with
 * evidence that the page is about AI tools (see disambiguate.ts). Each entry says why it is here.
 * A spelling with a version or a qualifier ("Gemini 2.5 Pro", "GitHub Copilot") is never ambiguous.
 */
export const AMBIGUOUS_WORDS: ReadonlyMap<string, string> = new Map([
  ['gemini', 'the zodiac sign and the NASA programme'],
  ['claude', 'a first name: Claude Monet, Claude Debussy'],
  ['copilot', 'the second pilot of an aircraft'],
  ['cursor', 'the mouse or text cursor'],
  ['jasper', 'a gemstone and a first name'],
  ['bard', 'a poet; the Bard of Avon'],
  ['perplexity', 'the English word for bewilderment'],
  ['mistral', 'the wind of southern France'],
  ['runway', 'an airstrip and a fashion catwalk'],
  ['notion', 'the English word for an idea'],
  ['grok', 'the English verb, to understand'],
  ['pi', 'the number'],
  ['poe', 'Edgar Allan Poe'],
  ['sora', 'a Japanese word and a name'],
  ['luma', 'brightness in video'],
  ['codex', 'an ancient book'],
  ['make', 'the English verb'],
  ['motion', 'the English word'],
  ['fathom', 'a unit of depth and a verb'],
  ['whisper', 'the English word'],
  ['elicit', 'the English verb'],
  ['consensus', 'the English word'],
  ['bolt', 'the English word'],
  ['otter', 'the animal'],
  ['flux', 'the English word; magnetic flux'],
  ['lindy', 'a dance; the Lindy effect'],
  ['reclaim', 'the English verb'],
  ['firefly', 'the insect'],
  ['leonardo', 'Leonardo da Vinci'],
  ['replit', 'rarely a word, but short and lower-cased in prose'],
  ['windsurf', 'the sport'],
  ['lovable', 'the English adjective'],
  ['phind', 'close to "find"'],
  ['kling', 'a surname'],
  ['pika', 'the animal; Pikachu'],
  ['descript', 'close to "describe"'],
  ['manus', 'Latin for hand'],
  ['operator', 'the English word'],
  ['suno', 'a word in several languages'],
  ['udio', 'short and name-like'],
  ['you', 'the English pronoun (You.com)'],
  ['meta ai', 'rarely, but "meta" is a common word'],
  ['gemma', 'a first name'],
  ['granite', 'the stone'],
  ['command', 'the English word'],
  ['aiva', 'a first name'],
  ['murf', 'short and name-like'],
  ['tabnine', 'rarely a word, kept for lower-case prose'],
  ['ideogram', 'a written symbol'],
  ['imagen', 'Spanish for image'],
  ['veo', 'Spanish for "I see"'],
  ['recraft', 'the English verb'],
  ['synthesia', 'close to synesthesia'],
  ['heygen', 'short and name-like'],
  ['zapier', 'rarely, kept for lower-case prose'],
]);

/** Folded like the matcher folds text: lower case, separators as single spaces. */
export function foldWords(text: string): string {
  const lower = text.toLowerCase();
  return isFoldedAscii(lower) ? lower : lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Already folded: ASCII letters, digits and single spaces between words ("claude", "gpt 4o"), which
 * most names on a page are. Saves compiling the Unicode pattern on a page that needs it for none.
 */
function isFoldedAscii(lower: string): boolean {
  let space = true; // no space at the start
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code === 0x20) {
      if (space) return false;
      space = true;
    } else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) space = false;
    else return false;
  }
  return !space || lower.length === 0;
}

/** A bare spelling that is an ordinary word: no digits, and on the list. */
export function isAmbiguousSpelling(spelling: string): boolean {
  return AMBIGUOUS_WORDS.has(foldWords(spelling));
}
