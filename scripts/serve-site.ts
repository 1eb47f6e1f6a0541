/**
 * Serves the built site (dist/client/) under its base path, as the school's
 * portal would: http://localhost:4321/binh-dang-gioi/ . Directory URLs get
 * their index.html, unknown addresses the site's 404 page with status 404.
 * Draft previews (xem-truoc/) and on-request images (_image) go to Astro's
 * Node server from the same build (scripts/lib/render-server.ts).
 *
 *   npm run serve:site            (PORT_SITE=4321, SITE_BASE=/binh-dang-gioi/, SITE_DIST=dist)
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

import { siteSecurityHeaders } from '../src/domain/security-headers';
import { PREVIEW_SEGMENT } from '../src/domain/site-paths';
import { RenderServer } from './lib/render-server';
import { clientDir } from './lib/site-dist';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export function serveSite(options: { dir: string; base: string; port: number; host?: string; env?: Record<string, string | undefined> }): Promise<Server> {
  const root = clientDir(path.resolve(options.dir));
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const renderer = new RenderServer(path.resolve(options.dir), { ...process.env, ...options.env, SITE_BASE: base });
  const onRequest = [`${base}${PREVIEW_SEGMENT}/`, `${base}_image`];
  // Over plain HTTP (this server) HSTS would be ignored; a TLS proxy in front adds it from _headers / the nginx snippet.
  const security = siteSecurityHeaders({ https: false });
  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (pathname === '/robots.txt') {
      // Serving the whole origin (npm start): the column's robots.txt is the origin's.
      pathname = `${base}robots.txt`;
    } else if (!pathname.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    if (onRequest.some((prefix) => pathname.startsWith(prefix))) {
      await renderer.forward(req, res);
      return;
    }
    let file = path.join(root, pathname.slice(base.length));
    // The headers file is for the host, not for readers.
    if (file === path.join(root, '_headers')) file = path.join(root, '_khong-co');
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    let status = 200;
    if (!info?.isFile()) {
      status = 404;
      file = path.join(root, '404.html');
      info = await stat(file).catch(() => undefined);
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
        return;
      }
    }
    res.writeHead(status, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  server.on('close', () => void renderer.stop());
  return new Promise((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT_SITE ?? 4321);
  const base = process.env.SITE_BASE ?? '/binh-dang-gioi/';
  await serveSite({ dir: process.env.SITE_DIST ?? 'dist', base, port, host: process.env.HOST_SITE ?? '0.0.0.0' });
  console.log(`Trang chuyên mục: http://localhost:${port}${base}`);
}
