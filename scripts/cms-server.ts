/**
 * The CMS's HTTP server: Next.js (Payload's admin, REST, GraphQL) behind a
 * plain Node server that first decides who is asking. `next start` cannot:
 * it keeps an `X-Forwarded-For` the client wrote, so the login limit could be
 * dodged by sending another one. Here the client's address is taken from the
 * connection, or through the proxies TRUST_PROXY names, and handed on in one
 * header that replaces anything the client sent under that name. It also
 * gives every response the admin's security headers (no framing by others).
 *
 *   tsx scripts/cms-server.ts [-p PORT] [-H HOST] [--run-jobs]      (PORT, default 3000; NODE_ENV=production)
 *
 * --run-jobs runs the job queues (npm start); Next's copy of the config reads
 * it from this command line (src/cms/config-options.ts).
 */
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import next from 'next';

import { RUN_JOBS_FLAG } from '../src/cms/config-options';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustProxy } from '../src/domain/client-address';
import { adminSecurityHeaders } from '../src/domain/security-headers';
import { renderMessage } from '../src/messages/catalogue';
import { scriptSettings } from './lib/settings';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string', short: 'H' },
    [RUN_JOBS_FLAG.slice(2)]: { type: 'boolean' },
  },
});
// A wrong TRUST_PROXY (or any other setting) stops the server here, with its message.
const settings = scriptSettings();
const port = Number(values.port ?? settings.PORT);
const host = values.host;

const trust = parseTrustProxy(settings.TRUST_PROXY);
const trustsNoProxy = !settings.TRUST_PROXY || settings.TRUST_PROXY === 'false';

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
