/**
 * The CMS's HTTP server: Next.js (Payload's admin, REST, GraphQL) behind a
 * plain Node server that first decides who is asking. `next start` cannot:
 * it keeps an `X-Forwarded-For` the client wrote, so the login limit could be
 * dodged by sending another one. Here the client's address is taken from the
 * connection, or through the proxies TRUST_PROXY names, and handed on in one
 * header that replaces anything the client sent under that name. It also
 * gives every response the admin's security headers (no framing by others).
 *
 *   tsx scripts/cms-server.ts [-p PORT] [-H HOST]      (PORT, default 3000; NODE_ENV=production)
 */
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import next from 'next';

import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  parseTrustProxy,
  type TrustProxy,
  TrustProxyError,
} from '../src/domain/client-address';
import { adminSecurityHeaders } from '../src/domain/security-headers';
import { renderMessage } from '../src/messages/catalogue';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const host = values.host;

let trust: TrustProxy;
try {
  trust = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  if (!(error instanceof TrustProxyError)) throw error;
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}
const trustsNoProxy = !process.env.TRUST_PROXY || process.env.TRUST_PROXY === 'false';

const app = next({ dev: false, dir: root, hostname: host ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();

const securityHeaders = Object.entries(adminSecurityHeaders());

const server = createServer((req, res) => {
  withDefaultHeaders(res);
  const forwarded = req.headers['x-forwarded-for'];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    req.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trust,
  );
  // With no proxy in front, the header is only the client's claim: Next would pass it on as it is.
  if (trustsNoProxy) delete req.headers['x-forwarded-for'];
  handle(req, res).catch((error: unknown) => {
    console.error('cms-server: request failed', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(renderMessage('ServerError').text);
  });
});
/**
 * The admin's security headers on every response that does not send its own:
 * uploaded files keep their stricter CSP whatever spelling of their path was
 * asked for. (Next's config `headers()`, and headers set before Next answers,
 * would win over the route's.) Node sends headers through `writeHead`, also
 * when a response only writes its body.
 */
function withDefaultHeaders(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    for (const [name, value] of securityHeaders) if (!this.hasHeader(name)) this.setHeader(name, value);
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

server.listen(port, host, () => console.log(`▶ CMS ready on http://${host ?? 'localhost'}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
