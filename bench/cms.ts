/**
 * The CMS as it runs in production (`next build`, scripts/cms-server.ts with the job
 * runner, SQLite) holding 1,000 published articles, with the site built by
 * its rebuild jobs and served as by `npm start`:
 *  - publish to live: an editor's publish (REST) until the article's page
 *    answers on the served site, median of 5; the same for an unpublish until
 *    the page is gone. Baseline: a site build of the same content run directly
 *    (what is left is the debounce, the queue and the swap).
 *  - REST list and detail of published articles (anonymous, depth 1), p50/p95/p99
 *    and requests/s at 1 and 50 connections (autocannon), against a bare Node
 *    HTTP server answering the same bytes on the same machine (the HTTP part).
 *  - Local API (find, findByID, overrideAccess: false) in a second process on
 *    the same SQLite file, at 1 and 50 concurrent calls, against the same
 *    query in plain SQL on the same connection (the database part).
 * Results: bench/results/cms.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSite } from '../scripts/build-site';
import { freePort } from '../scripts/lib/ports';
import { serveSite } from '../scripts/serve-site';
import { toLexical } from '../src/seed/lexical';
import { ACCOUNTS, startAdminServer, buildStatusOf } from '../tests/admin/support/admin-server';
import { apiClient, loginToken, seedPublishedArticles } from './support/cms-client';
import { cannon } from './support/cannon';
import { median, percentiles, round } from './support/stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, '.astro/bench-cms/dist');
const BASE = '/binh-dang-gioi/';
const ARTICLES = Number(process.env.BENCH_CMS_ARTICLES ?? 1000);
const SAMPLES = 5;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Latency = { p50: number; p95: number; p99: number; requestsPerSecond: number; errors: number; non2xx: number };

async function load(url: string, connections: number): Promise<Latency> {
  const r = await cannon(url, connections, LOAD_SECONDS);
  return {
    p50: r.p50,
    p95: r.p95,
    p99: r.p99,
    requestsPerSecond: r.requestsPerSecond,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** What any HTTP answer of these bytes costs here: a bare server replying with them. */
async function bareServer(bodies: Map<string, Buffer>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function timeCalls(
  fn: () => Promise<unknown>,
  concurrency: number,
  total: number,
): Promise<{ p50: number; p95: number; p99: number; requestsPerSecond: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { ...percentiles(times, 2), requestsPerSecond: Math.round(times.length / elapsed) };
}

export async function benchCms() {
  await rm(path.dirname(DIST), { recursive: true, force: true });
  const sitePort = await freePort();
  const server = await startAdminServer({
    runJobs: true,
    env: {
      SITE_DIST: DIST,
      SITE_URL: `http://127.0.0.1:${sitePort}`,
      SITE_BASE: BASE,
      COVERAGE_STRICT: 'false',
    },
  });
  let site: Server | undefined;
  try {
    const token = await loginToken(server.url, ACCOUNTS.admin.email, ACCOUNTS.admin.password);
    const api = apiClient(server.url, token);
    const buildStatus = async () =>
      (await buildStatusOf(api)) as {
        state?: string;
        lastSuccessAt?: string;
        lastStartedAt?: string;
      };

    // 1,000 published articles, spread over the quarters since 2022, through REST as editors would.
    console.log(`[bench cms] ${ARTICLES} articles through REST…`);
    await seedPublishedArticles(api, ARTICLES);
    // The seeding queued rebuilds; wait for one that started after the last article and succeeded.
    const seededAt = new Date().toISOString();
    for (;;) {
      await sleep(2000);
      const s = (await buildStatus()) as Awaited<ReturnType<typeof buildStatus>> & {
        lastFailureAt?: string;
        lastFailureLog?: string;
      };
      if (s.lastFailureAt && s.lastFailureAt > seededAt) throw new Error(`the site build failed:\n${s.lastFailureLog}`);
      if (
        s.state !== 'running' &&
        s.lastStartedAt &&
        s.lastStartedAt > seededAt &&
        s.lastSuccessAt &&
        s.lastSuccessAt > s.lastStartedAt
      )
        break;
    }
    site = await serveSite({ root: DIST, port: sitePort, env: { PAYLOAD_URL: server.url } });
    const siteUrl = `http://127.0.0.1:${sitePort}${BASE}`;

    // Baseline: the same site built directly (into another folder).
    const direct = await buildSite({
      dist: path.join(path.dirname(DIST), 'direct'),
      env: { PAYLOAD_URL: server.url, SITE_BASE: BASE, COVERAGE_STRICT: 'false' },
      quiet: true,
    });
    if (!direct.ok) throw new Error(direct.message);

    const publishMs: number[] = [];
    const unpublishMs: number[] = [];
    for (let k = 0; k < SAMPLES; k++) {
      const draft = await api('POST', '/api/articles?draft=true', {
        title: `Bài đo xuất bản số ${k + 1}`,
        body: toLexical(['Một bài mới.']),
        _status: 'draft',
      });
      const id = (draft.doc as { id: number }).id;
      const slug = String((draft.doc as unknown as { slug: string }).slug);
      const page = `${siteUrl}bai-viet/${slug}/`;
      let t0 = performance.now();
      await api('PATCH', `/api/articles/${id}`, { _status: 'published' });
      while ((await fetch(page)).status !== 200) await sleep(200);
      publishMs.push(performance.now() - t0);
      t0 = performance.now();
      await api('PATCH', `/api/articles/${id}`, { _status: 'draft' });
      while ((await fetch(page)).status !== 404) await sleep(200);
      unpublishMs.push(performance.now() - t0);
      console.log(
        `[bench cms] sample ${k + 1}: live in ${(publishMs.at(-1)! / 1000).toFixed(1)} s, gone in ${(unpublishMs.at(-1)! / 1000).toFixed(1)} s`,
      );
    }

    // REST under load, beside a bare server answering the same bytes.
    // A published article, as readers (anonymous) see them.
    const someId = (
      (await (await fetch(`${server.url}/api/articles?limit=1&depth=0`)).json()) as { docs: { id: number }[] }
    ).docs[0]!.id;
    const routes = { list: '/api/articles?limit=10&depth=1', detail: `/api/articles/${someId}?depth=1` };
    const bodies = new Map<string, Buffer>();
    for (const route of Object.values(routes))
      bodies.set(route, Buffer.from(await (await fetch(`${server.url}${route}`)).arrayBuffer()));
    const bare = await bareServer(bodies);
    const rest: Record<string, unknown> = {};
    for (const [name, route] of Object.entries(routes)) {
      for (const connections of [1, 50]) {
        const cms = await load(`${server.url}${route}`, connections);
        const baseline = await load(`${bare.url}${route}`, connections);
        rest[`${name}@${connections}`] = {
          cms,
          baseline,
          throughputVsBaseline: round(cms.requestsPerSecond / baseline.requestsPerSecond, 3),
          bytes: bodies.get(route)!.length,
        };
        console.log(
          `[bench cms] REST ${name} at ${connections}: p50 ${cms.p50} ms, p99 ${cms.p99} ms, ${cms.requestsPerSecond}/s (bare server p50 ${baseline.p50} ms, ${baseline.requestsPerSecond}/s)`,
        );
      }
    }
    bare.server.close();

    const local = localApi(server.env, someId);
    const result = {
      benchmark: 'cms',
      articles: ARTICLES,
      publishToLive: {
        samples: SAMPLES,
        publishMedianSeconds: round(median(publishMs) / 1000),
        unpublishMedianSeconds: round(median(unpublishMs) / 1000),
        publishSeconds: publishMs.map((ms) => round(ms / 1000)),
        unpublishSeconds: unpublishMs.map((ms) => round(ms / 1000)),
        directBuildSeconds: round(direct.ms / 1000),
        publishVsDirectBuild: round(median(publishMs) / direct.ms, 2),
        debounceMs: Number(process.env.SITE_REBUILD_DEBOUNCE_MS ?? 2000),
        // The rebuild starts when the debounce ends (src/cms/site-build/wake.ts), not at the queue's next tick.
        wokenAtDebounceEnd: true,
      },
      rest: { seconds: LOAD_SECONDS, ...rest },
      localApi: local,
      measuredAt: new Date().toISOString(),
    };
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(path.join(ROOT, 'bench/results/cms.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
    await server.stop();
    await rm(path.dirname(DIST), { recursive: true, force: true });
  }
}

/**
 * Payload's Local API on the server's SQLite file, in a second process of its
 * own (a fresh Payload: this one may already hold another instance).
 */
function localApi(env: Record<string, string>, id: number): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--local-api', String(id)],
    {
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

async function localApiHere(id: number) {
  const { getPayload } = await import('payload');
  // Logs on stderr: stdout carries the result.
  const { buildCmsConfig } = await import('../src/cms/config');
  const { settings } = await import('../src/settings');
  const payload = await getPayload({ config: await buildCmsConfig(settings(), { logToStderr: true }) });
  const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client;
  const list = () => payload.find({ collection: 'articles', limit: 10, depth: 1, overrideAccess: false });
  const detail = () => payload.findByID({ collection: 'articles', id, depth: 1, overrideAccess: false });
  const sqlList = () =>
    client.execute("SELECT * FROM articles WHERE _status = 'published' ORDER BY published_at DESC LIMIT 10");
  const sqlDetail = () => client.execute(`SELECT * FROM articles WHERE id = ${Number(id)}`);
  const out: Record<string, unknown> = {};
  for (const [name, fn, sql] of [
    ['list', list, sqlList],
    ['detail', detail, sqlDetail],
  ] as const) {
    for (const concurrency of [1, 50]) {
      await timeCalls(fn, concurrency, 50); // warm-up
      const total = concurrency === 1 ? 300 : 2000;
      const api = await timeCalls(fn, concurrency, total);
      const baseline = await timeCalls(sql, concurrency, total);
      out[`${name}@${concurrency}`] = {
        api,
        baseline,
        p50VsBaseline: round(api.p50 / Math.max(baseline.p50, 0.001), 1),
      };
      console.error(
        `[bench cms] Local API ${name} at ${concurrency}: p50 ${api.p50} ms, p99 ${api.p99} ms, ${api.requestsPerSecond}/s (plain SQL p50 ${baseline.p50} ms)`,
      );
    }
  }
  await payload.destroy();
  return out;
}

const localAt = process.argv.indexOf('--local-api');
if (localAt > 0) {
  console.log(JSON.stringify(await localApiHere(Number(process.argv[localAt + 1]))));
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchCms(), null, 2));
