/**
 * Serves every school's built site (SITE_DIST/<slug>/client/) under its base
 * path, as the district's portal would: http://localhost:4321/binh-dang-gioi/
 * for the first school, /<slug>/binh-dang-gioi/ for the others; the origin's
 * front page lists the schools when there are several. The files are served
 * by sirv: ETag and 304, Range, the brotli/gzip copies the build wrote
 * (src/site/integrations/precompress.ts), hashed `_astro/` assets cached for
 * a year, pages revalidated. Unknown addresses get the site's 404 page.
 * Draft previews (xem-truoc/) and on-request images (_image) go to Astro's
 * Node server from the same build (scripts/lib/render-server.ts).
 *
 * A hostile or malformed path gets 400 and nothing else: no error in one
 * request can end the process (every reader would then get nothing).
 *
 *   npm run serve:site            (PORT_SITE=4321, SITE_DIST=dist)
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';

import { lookup } from 'mrmime';
import sirv from 'sirv';

import { encodePath, parseRequestPath } from '../src/domain/request-path';
import { siteSecurityHeaders } from '../src/domain/security-headers';
import { PREVIEW_SEGMENT } from '../src/domain/site-paths';
import { renderMessage } from '../src/messages/catalogue';
import { RenderServer } from './lib/render-server';
import { builtSites, clientDir } from './lib/site-dist';
import { normaliseBasePath, siteForPath } from '../src/domain/school-site';
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

/** One school's built site as the server sees it. */
type Site = {
  slug: string;
  name: string;
  base: string;
  baseSegments: string[];
  root: string;
  statics: StaticFiles;
  renderer: RenderServer;
};

function openSite(
  dir: string,
  base: string,
  env: Record<string, string | undefined> | undefined,
  names: { slug: string; name: string },
): Site {
  const normalised = normaliseBasePath(base);
  return {
    ...names,
    base: normalised,
    baseSegments: normalised.split('/').filter(Boolean),
    root: clientDir(path.resolve(dir)),
    statics: new StaticFiles(clientDir(path.resolve(dir))),
    renderer: new RenderServer(
      path.resolve(dir),
      childEnvironment({ ...env, SITE_BASE: normalised, SITE_SCHOOL: names.slug }),
    ),
  };
}

/**
 * The sites a request may belong to: a fixed one (`dir` + `base`), or every
 * school's site under the sites' root, found by their manifests and looked
 * for again every few seconds, so a school built after the server started is
 * served without a restart (and an archived one, whose folder is gone, no longer is).
 */
class Sites {
  private sites: Site[] = [];
  private scannedAt = 0;

  constructor(
    private readonly source: { dir: string; base: string } | { root: string },
    private readonly env: Record<string, string | undefined> | undefined,
  ) {
    if ('dir' in source) this.sites = [openSite(source.dir, source.base, env, { slug: '', name: '' })];
  }

  list(): Site[] {
    if ('root' in this.source && Date.now() - this.scannedAt > RESCAN_MS) {
      this.scannedAt = Date.now();
      const found = builtSites(this.source.root);
      const kept = new Map(this.sites.map((site) => [`${site.slug}:${site.base}`, site]));
      const next = found.map(
        (m) => kept.get(`${m.slug}:${normaliseBasePath(m.basePath)}`) ?? openSite(m.dir, m.basePath, this.env, m),
      );
      for (const site of this.sites) if (!next.includes(site)) void site.renderer.stop();
      this.sites = next;
    }
    return this.sites;
  }

  stop() {
    for (const site of this.sites) void site.renderer.stop();
  }
}

const RESCAN_MS = 2000;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The origin's front page when it hosts several schools: a plain list of their columns. */
function schoolsIndex(res: ServerResponse, sites: Site[]): void {
  const items = [...sites]
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((site) => `<li><a href="${escapeHtml(site.base)}">${escapeHtml(site.name || site.slug)}</a></li>`)
    .join('');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Chuyên mục Bình đẳng giới các trường</title></head><body><main><h1>Chuyên mục Bình đẳng giới các trường</h1>` +
      `<ul>${items}</ul></main></body></html>`,
  );
}

/** The origin's robots.txt: each site's own rules, under one User-agent line. */
function originRobots(res: ServerResponse, sites: Site[]): void {
  const lines = new Set<string>();
  for (const site of sites) {
    const file = path.join(site.root, 'robots.txt');
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.trim() && !/^user-agent:/i.test(line)) lines.add(line);
  }
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE });
  res.end(['User-agent: *', ...lines, ''].join('\n'));
}

/**
 * One site (`dir` under `base`), or every school's site under `root`
 * (SITE_DIST/<slug>/, as scripts/build-site.ts writes them), each under its
 * own base path.
 */
export function serveSite(
  options: ({ dir: string; base: string } | { root: string }) & {
    port: number;
    host?: string;
    env?: Record<string, string | undefined>;
  },
): Promise<Server> {
  const sites = new Sites(
    'dir' in options ? { dir: options.dir, base: options.base } : { root: options.root },
    options.env,
  );
  // Over plain HTTP (this server) HSTS would be ignored; a TLS proxy in front adds it from _headers / the nginx snippet.
  const security = Object.entries(siteSecurityHeaders({ https: false }));

  const notFound = (res: ServerResponse, root?: string) => {
    const page = root ? path.join(root, '404.html') : undefined;
    if (!page || !statSync(page, { throwIfNoEntry: false })?.isFile()) return plain(res, 404, '404');
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    createReadStream(page).pipe(res);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of security) res.setHeader(name, value);
    const request = parseRequestPath(req.url);
    if (!request.ok) return plain(res, 400, renderMessage('BadRequest').text);
    const { segments } = request;
    const all = sites.list();
    if (all.length === 0) return plain(res, 503, renderMessage('SiteNotBuilt').text);
    const pathname = `/${segments.join('/')}`;
    const site = siteForPath(
      all.map((s) => ({ ...s, basePath: s.base })),
      pathname,
    );

    if (!site) {
      // Serving the whole origin (npm start): the columns' robots.txt is the origin's.
      if (segments.length === 1 && segments[0] === 'robots.txt') {
        if (all.length === 1) return serveInside(req, res, all[0]!, ['robots.txt'], request.search, false);
        return originRobots(res, all);
      }
      if (segments.length === 0 && all.length > 1) return schoolsIndex(res, all);
      if (all.length === 1) {
        res.writeHead(302, { location: all[0]!.base }).end();
        return;
      }
      return notFound(res);
    }
    if (segments.length === site.baseSegments.length && !request.trailingSlash) {
      res.writeHead(301, { location: site.base }).end();
      return;
    }
    return serveInside(req, res, site, segments.slice(site.baseSegments.length), request.search, request.trailingSlash);
  }

  async function serveInside(
    req: IncomingMessage,
    res: ServerResponse,
    site: Site,
    inside: string[],
    search: string,
    trailingSlash: boolean,
  ): Promise<void> {
    if (ON_REQUEST.includes(inside[0] ?? '')) return site.renderer.forward(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, renderMessage('MethodNotAllowed').text);
    }
    // The headers file is for the host, not for readers.
    if (inside.length === 1 && inside[0] === '_headers') return notFound(res, site.root);

    const serve = site.statics.handler();
    if (!serve) return plain(res, 503, renderMessage('SiteNotBuilt').text);
    // A folder asked for without its slash: one canonical address, re-encoded from the segments.
    if (
      !trailingSlash &&
      inside.length > 0 &&
      statSync(path.join(site.root, ...inside), { throwIfNoEntry: false })?.isDirectory()
    ) {
      res.writeHead(301, { location: `${encodePath([...site.baseSegments, ...inside], true)}${search}` }).end();
      return;
    }
    req.url = `${encodePath(inside, trailingSlash)}${search}`;
    serve(req, res, () => notFound(res, site.root));
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
  server.on('close', () => sites.stop());
  return new Promise((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server)));
}

const ON_REQUEST = [PREVIEW_SEGMENT, '_image'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { PORT_SITE: port, SITE_DIST, HOST_SITE } = scriptSettings();
  await serveSite({ root: SITE_DIST, port, host: HOST_SITE });
  const sites = builtSites(SITE_DIST);
  if (sites.length === 0) console.warn(renderMessage('SiteNotBuilt').text);
  for (const site of sites) console.log(`Trang chuyên mục ${site.name}: http://localhost:${port}${site.basePath}`);
}
