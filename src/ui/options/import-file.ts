/**
 * Importing a catalog file from the options page: a file over the size limit is refused from its
 * size alone, before it is read (a huge file would stall the page, and could not be sent to the
 * background); anything else goes to the background, which validates it.
 */
import { MAX_DOCUMENT_BYTES, megabytes, tooLarge } from '../../catalog/constants';
import type { UpdateOutcome } from '../../catalog/update';

export async function importCatalogFile(file: Blob, importText: (text: string) => Promise<UpdateOutcome>): Promise<UpdateOutcome> {
  if (file.size > MAX_DOCUMENT_BYTES) {
    return { kind: 'refused', error: tooLarge('file', megabytes(file.size)) };
  }
  return importText(await file.text());
}
