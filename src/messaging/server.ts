/**
 * The background's one message listener: parse, check the sender, dispatch to one handler per
 * message, and return `{ ok, value | error }` so a handler's error is rethrown at the sender.
 */
import type { Browser } from 'wxt/browser';
import { parseMessage, type MessageName, type RequestOf } from './protocol';
import type { ResponseOf } from './responses';

type Sender = Browser.runtime.MessageSender;

export type Handlers = {
  [K in MessageName]: (payload: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
};

/** Messages a web page's content script may send; the rest come only from our own pages. */
const FROM_CONTENT: ReadonlySet<MessageName> = new Set(['page:report', 'catalog:tools', 'catalog:category', 'settings:get', 'frame:wasm', 'compare:open', 'settings:turn-off-site']);

export function createMessageListener(handlers: Handlers, extensionOrigin: string, log: (msg: string) => void = () => {}) {
  return (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      log(`dropped a message: ${parsed.error}`);
      return undefined;
    }
    const { type, payload } = parsed.message;
    const fromOurPage = !sender.tab || (sender.url ?? '').startsWith(extensionOrigin);
    if (!fromOurPage && !FROM_CONTENT.has(type)) {
      log(`dropped "${type}" from a content script`);
      return undefined;
    }
    if (type === 'page:report' && sender.tab?.id === undefined) {
      log('dropped "page:report" with no sending tab');
      return undefined;
    }
    const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
    return handler(payload, sender).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
}
