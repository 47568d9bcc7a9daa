/** Sending a typed message to the background from any extension context. */
import { browser } from 'wxt/browser';
import { envelope } from './envelope';
import type { MessageName, RequestOf } from './protocol';
import type { ResponseOf } from './responses';

export async function send<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as { ok: true; value: ResponseOf<K> } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`no answer to "${type}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
