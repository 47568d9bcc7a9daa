/**
 * Turning untrusted input (a feed response, an imported file) into a catalog document, or a clear
 * reason why not. The caller keeps its last good catalog whenever this says no.
 */
import { MAX_DOCUMENT_BYTES, megabytes, tooLarge } from './constants';
import { CatalogDocumentSchema, describeFirstIssue, type CatalogDocument } from './schema';

export { MAX_DOCUMENT_BYTES };

export type ParseResult = { ok: true; doc: CatalogDocument } | { ok: false; error: string };

export function parseCatalogText(text: string): ParseResult {
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: tooLarge('document', megabytes(text.length)) };
  }
  // Editors on Windows save UTF-8 with a byte-order mark; JSON.parse would call that "not JSON".
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, error: 'the document is empty (expected a JSON catalog)' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `the document is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return parseCatalogValue(json);
}

export function parseCatalogValue(value: unknown): ParseResult {
  const result = CatalogDocumentSchema.safeParse(value);
  return result.success ? { ok: true, doc: result.data } : { ok: false, error: describeFirstIssue(result.error) };
}
