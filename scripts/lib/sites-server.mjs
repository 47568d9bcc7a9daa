/**
 * An https server on 127.0.0.1 serving saved pages under <sitesDir>/<host>/<path>, so a vendor page is
 * served at its real host name (Chromium maps every host here with --host-resolver-rules). The
 * certificate is self-signed, made when the server starts, with openssl. Used by `npm start` and the
 * end-to-end tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const SITES_DIR = resolve('tests/fixtures/sites');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'vl-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=versus-lens-test'], {
    stdio: 'ignore',
  });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** @param {{ sitesDir?: string }} [options] @returns {Promise<import('./sites-server').SitesServer>} */
export async function startSitesServer(options = {}) {
  const sitesDir = options.sitesDir ?? SITES_DIR;
  const routes = new Map();
  /** @type {string[]} */
  const requests = [];
  const server = createServer(selfSignedCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push(`${host}${path}`);
    const custom = routes.get(`${host}${path}`);
    if (custom) return custom(req, res);
    let file = normalize(join(sitesDir, host, decodeURIComponent(path)));
    if (!file.startsWith(sitesDir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    requests,
    route: (hostPath, handler) => void routes.set(hostPath, handler),
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}
