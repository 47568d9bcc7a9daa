/**
 * The catalog's fixed vocabularies, without the validator: modules that only need the names (the
 * content script's overlay, compare/) import them from here and stay free of zod.
 */
export const DIMENSIONS = ['performance', 'value', 'reliability', 'easeOfUse'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const CATEGORIES = [
  'llm-api',
  'chat-assistant',
  'coding-assistant',
  'image-generator',
  'video-generator',
  'voice-audio',
  'music-generator',
  'writing-assistant',
  'search-research',
  'meetings-productivity',
  'agents-automation',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const UNIT_KINDS = ['image', 'video-second', 'audio-minute', 'character', 'request', 'credit'] as const;

/**
 * Catalog documents (feed or file) larger than this are refused before they are read or parsed: a
 * catalog of 20,000 tools fits well within. Here, without zod, so the options page can check a file's
 * size before reading it.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** "50.0 MB" for a byte count. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The refusal of a document over the limit, the limit said from the constant: "the file is too large (50.0 MB; 20 MB at most)". */
export function tooLarge(what: string, size: string): string {
  return `the ${what} is too large (${size}; ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB at most)`;
}
