/**
 * Serves the built site (dist/client/) under its base path, as the school's
 * portal would: http://localhost:4321/binh-dang-gioi/ . The files are served
 * by sirv: ETag and 304, Range, the brotli/gzip copies the build wrote
 * (src/site/integrations/precompress.ts), hashed `_astro/` assets cached for
 * a year, pages revalidated. Unknown addresses get the site's 404 page.
 * Draft previews (xem-truoc/) and on-request images (_image) go to Astro's
 * Node server from the same build (scripts/lib/render-server.ts).
 *
 * A hostile or malformed path gets 400 and nothing else: no error in one
 * request can end the process (every reader would then get nothing).
 *
 *   npm run serve:site            (PORT_SITE=4321, SITE_BASE=/binh-dang-gioi/, SITE_DIST=dist)
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';

import { lookup } from 'mrmime';
import sirv from 'sirv';

import { encodePath, parseRequestPath } from '../src/domain/request-path';
import { siteSecurityHeaders } from '../src/domain/security-headers';
import { PREVIEW_SEGMENT } from '../src/domain/site-paths';
import { renderMessage } from '../src/messages/catalogue';
import { RenderServer } from './lib/render-server';
import { clientDir } from './lib/site-dist';
import { childEnvironment } from '../src/settings';
import { scriptSettings } from './lib/settings';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** sirv names text types without a charset; Vietnamese CSV and text need it said. Unknown types (Pagefind's chunks) are bytes. */
function contentType(pathname: string): string | undefined {
  if (!path.extname(pathname)) return undefined; // a folder: its index.html, which sirv names
  const type = lookup(pathname);
  if (!type) return 'application/octet-stream';
  return /^text\/|^application\/(json|xml|javascript|manifest\+json)$|^image\/svg\+xml$/.test(type)
    ? `${type}; charset=utf-8`
    : type;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * sirv reads the folder's listing once; a rebuild swaps in a new folder
 * (scripts/build-site.ts), so a new handler is made when the folder changes.
 */
class StaticFiles {
  private current: { id: string; handle: Handler } | undefined;

  constructor(private readonly root: string) {}

  handler(): Handler | undefined {
    const info = statSync(this.root, { throwIfNoEntry: false });
    if (!info?.isDirectory()) return undefined;
    const id = `${info.ino}:${info.mtimeMs}`;
    if (this.current?.id !== id) {
      const handle = sirv(this.root, {
        etag: true,
        brotli: true,
        gzip: true,
        dotfiles: false,
        setHeaders: (res, pathname) => {
          res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE);
          const type = contentType(pathname);
          if (type) res.setHeader('Content-Type', type);
        },
      });
      this.current = { id, handle };
    }
    return this.current.handle;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

export function serveSite(options: {
  dir: string;
  base: string;
  port: number;
  host?: string;
  env?: Record<string, string | undefined>;
}): Promise<Server> {
  const root = clientDir(path.resolve(options.dir));
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const baseSegments = base.split('/').filter(Boolean);
  const renderer = new RenderServer(path.resolve(options.dir), childEnvironment({ ...options.env, SITE_BASE: base }));
  const onRequest = [PREVIEW_SEGMENT, '_image'];
  const statics = new StaticFiles(root);
  // Over plain HTTP (this server) HSTS would be ignored; a TLS proxy in front adds it from _headers / the nginx snippet.
  const security = Object.entries(siteSecurityHeaders({ https: false }));

  const notFound = (res: ServerResponse) => {
    const page = path.join(root, '404.html');
    if (!statSync(page, { throwIfNoEntry: false })?.isFile()) return plain(res, 404, '404');
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    createReadStream(page).pipe(res);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of security) res.setHeader(name, value);
    const request = parseRequestPath(req.url);
    if (!request.ok) return plain(res, 400, renderMessage('BadRequest').text);
    let { segments } = request;
    const underBase = baseSegments.every((segment, i) => segments[i] === segment);

    if (segments.length === baseSegments.length && underBase && !request.trailingSlash) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (segments.length === 1 && segments[0] === 'robots.txt') {
      // Serving the whole origin (npm start): the column's robots.txt is the origin's.
      segments = [...baseSegments, 'robots.txt'];
    } else if (!underBase) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    const inside = segments.slice(baseSegments.length);
    if (onRequest.includes(inside[0] ?? '')) return renderer.forward(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, renderMessage('MethodNotAllowed').text);
    }
    // The headers file is for the host, not for readers.
    if (inside.length === 1 && inside[0] === '_headers') return notFound(res);

    const serve = statics.handler();
    if (!serve) return plain(res, 503, renderMessage('SiteNotBuilt').text);
    // A folder asked for without its slash: one canonical address, re-encoded from the segments.
    if (
      !request.trailingSlash &&
      inside.length > 0 &&
      statSync(path.join(root, ...inside), { throwIfNoEntry: false })?.isDirectory()
    ) {
      res.writeHead(301, { location: `${encodePath(segments, true)}${request.search}` }).end();
      return;
    }
    req.url = `${encodePath(inside, request.trailingSlash)}${request.search}`;
    serve(req, res, () => notFound(res));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`serve-site: ${req.method} ${JSON.stringify(req.url)} failed:`, error);
      if (!res.headersSent) plain(res, 500, renderMessage('ServerError').text);
      else res.destroy();
    });
  });
  // A request Node cannot even parse: answer it, and keep serving everyone else.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.on('close', () => void renderer.stop());
  return new Promise((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { PORT_SITE: port, SITE_BASE: base, SITE_DIST, HOST_SITE } = scriptSettings();
  await serveSite({ dir: SITE_DIST, base, port, host: HOST_SITE });
  console.log(`Trang chuyên mục: http://localhost:${port}${base}`);
}
