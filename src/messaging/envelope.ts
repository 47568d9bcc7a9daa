/**
 * Wrapping a message for sending. Kept apart from the zod schemas (protocol.ts) so senders such as the
 * content script do not carry the validator: only receivers parse.
 */
import type { MessageName, RequestOf } from './protocol';

export interface Envelope {
  /** Marks our messages apart from any other extension traffic. */
  vl: 1;
  type: string;
  payload: unknown;
}

export function envelope<K extends MessageName>(type: K, payload: RequestOf<K>): Envelope {
  return { vl: 1, type, payload };
}
