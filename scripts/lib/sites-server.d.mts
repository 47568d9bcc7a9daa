import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const SITES_DIR: string;

export interface SitesServer {
  port: number;
  /** Every request the browser made to the server, as "host/path". */
  requests: string[];
  /** Extra routes: "host/path" → handler, for feeds and dynamic pages. */
  route(hostPath: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

export declare function startSitesServer(options?: { sitesDir?: string }): Promise<SitesServer>;
