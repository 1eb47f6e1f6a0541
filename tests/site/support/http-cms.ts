import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleEndpoints } from 'payload';

import { startTestCms, type TestCms } from '../../support/cms';

/** One REST request the test CMS answered (for "the second sync fetched only …"). */
export type Hit = { method: string; path: string; search: URLSearchParams };

export type HttpCms = TestCms & {
  url: string;
  hits: Hit[];
  /** Replace every answer (e.g. to simulate bad data); `null` restores the real CMS. */
  override: ((hit: Hit) => Response | undefined) | null;
  close: () => Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real Payload (fresh temporary database) behind a real HTTP server on
 * 127.0.0.1, so the site's loader talks to it exactly as to a CMS on another host.
 */
export async function startHttpCms(): Promise<HttpCms> {
  const cms = await startTestCms();
  const state: HttpCms = {
    ...cms,
    url: '',
    hits: [],
    override: null,
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const hit: Hit = { method: req.method ?? 'GET', path: url.pathname, search: url.searchParams };
      state.hits.push(hit);
      const replaced = state.override?.(hit);
      const body = await readBody(req);
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: body ? new Uint8Array(body) : undefined,
      });
      const response = replaced ?? (await handleEndpoints({ config: cms.config, request }));
      res.statusCode = response.status;
      response.headers.forEach((value, key) => res.setHeader(key, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await cms.stop();
  };
  return state;
}
