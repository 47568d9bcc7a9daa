/**
 * Turning untrusted input (a feed response, an imported file) into a catalog document, or a clear
 * reason why not. The caller keeps its last good catalog whenever this says no.
 */
import { CatalogDocumentSchema, describeFirstIssue, type CatalogDocument } from './schema';

export type ParseResult = { ok: true; doc: CatalogDocument } | { ok: false; error: string };

/** Documents larger than this are refused before parsing: a catalog of 20,000 tools fits well within. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function parseCatalogText(text: string): ParseResult {
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: `the document is too large (${(text.length / 1024 / 1024).toFixed(1)} MB; 20 MB at most)` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the document is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return parseCatalogValue(json);
}

export function parseCatalogValue(value: unknown): ParseResult {
  const result = CatalogDocumentSchema.safeParse(value);
  return result.success ? { ok: true, doc: result.data } : { ok: false, error: describeFirstIssue(result.error) };
}
