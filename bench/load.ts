/**
 * `npm run bench:load`: the CMS as in production (`next start`, SQLite) with
 * 1,000 published articles, on loopback:
 *  - the published list and detail endpoints at 50 concurrent connections
 *    for 30 s each (autocannon): p50/p95/p99 from every response, throughput, errors;
 *  - 20 editors saving their drafts at the same time (25 saves each, as
 *    autosave would): latency, errors, and then a check that no write was
 *    lost — each draft ends with its editor's last save, and has one version
 *    per save.
 * Results: bench/results/load.json. Nothing is asserted by the tests; the run
 * exits non-zero when a request failed or a write was lost.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { toLexical } from '../src/seed/lexical';
import { ACCOUNTS, startAdminServer } from '../tests/admin/support/admin-server';
import { apiClient, loginToken, seedPublishedArticles } from './support/cms-client';
import { cannon } from './support/cannon';
import { percentiles, round } from './support/stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTICLES = Number(process.env.BENCH_LOAD_ARTICLES ?? 1000);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const EDITORS = 20;
const SAVES = 25;

export async function benchLoad() {
  const server = await startAdminServer({ env: { LOGIN_RATE_LIMIT: '1000' } });
  try {
    const admin = apiClient(server.url, await loginToken(server.url, ACCOUNTS.admin.email, ACCOUNTS.admin.password));
    console.log(`[load] ${ARTICLES} published articles…`);
    await seedPublishedArticles(admin, ARTICLES);
    const someId = (
      (await (await fetch(`${server.url}/api/articles?limit=1&depth=0`)).json()) as { docs: { id: number }[] }
    ).docs[0]!.id;

    const reads: Record<string, unknown> = {};
    for (const [name, route] of [
      ['list', '/api/articles?limit=10&depth=1'],
      ['detail', `/api/articles/${someId}?depth=1`],
    ] as const) {
      const r = await cannon(`${server.url}${route}`, 50, SECONDS);
      reads[name] = { connections: 50, seconds: SECONDS, ...r };
      console.log(
        `[load] ${name} at 50 connections for ${SECONDS} s: ${r.requests} requests, ${r.requestsPerSecond}/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}`,
      );
    }

    // 20 editors, each with a draft of their own, all saving at once.
    const editors = await Promise.all(
      Array.from({ length: EDITORS }, async (_, i) => {
        const email = `bientap-tai-${i + 1}@truong.test`;
        const password = `mat-khau-tai-${i + 1}-dai-du`;
        await admin('POST', '/api/users', { email, password, name: `Biên tập ${i + 1}`, role: 'editor' });
        const api = apiClient(server.url, await loginToken(server.url, email, password));
        const created = await api('POST', '/api/articles?draft=true', {
          title: `Bản nháp của biên tập ${i + 1} — lần 0`,
          _status: 'draft',
        });
        return { api, id: (created.doc as { id: number }).id, n: i + 1 };
      }),
    );
    const saveTimes: number[] = [];
    let saveErrors = 0;
    const started = performance.now();
    await Promise.all(
      editors.map(async ({ api, id, n }) => {
        for (let k = 1; k <= SAVES; k++) {
          const t0 = performance.now();
          try {
            await api('PATCH', `/api/articles/${id}?draft=true`, {
              title: `Bản nháp của biên tập ${n} — lần ${k}`,
              body: toLexical([`Đoạn viết lần ${k}.`]),
            });
            saveTimes.push(performance.now() - t0);
          } catch (error) {
            saveErrors++;
            console.error(`[load] save ${n}/${k}: ${(error as Error).message.slice(0, 200)}`);
          }
        }
      }),
    );
    const saveSeconds = (performance.now() - started) / 1000;
    const lost: string[] = [];
    for (const { id, n } of editors) {
      const doc = await admin('GET', `/api/articles/${id}?draft=true&depth=0`);
      if (doc.title !== `Bản nháp của biên tập ${n} — lần ${SAVES}`)
        lost.push(`editor ${n}: draft says "${String(doc.title)}"`);
      const versions = (await admin('GET', `/api/articles/versions?where[parent][equals]=${id}&limit=1&depth=0`))
        .totalDocs as number;
      if (versions !== SAVES + 1) lost.push(`editor ${n}: ${versions} versions for ${SAVES + 1} writes`);
    }
    const writes = {
      editors: EDITORS,
      savesEach: SAVES,
      saves: saveTimes.length,
      errors: saveErrors,
      seconds: round(saveSeconds),
      savesPerSecond: round(saveTimes.length / saveSeconds),
      ...percentiles(saveTimes),
      lostWrites: lost,
    };
    console.log(
      `[load] ${EDITORS} editors × ${SAVES} saves: ${saveTimes.length} saved in ${writes.seconds} s (${writes.savesPerSecond}/s), p50 ${writes.p50} ms, p99 ${writes.p99} ms, errors ${saveErrors}, lost ${lost.length}`,
    );

    const result = {
      benchmark: 'load',
      articles: ARTICLES,
      database: 'SQLite',
      reads,
      writes,
      measuredAt: new Date().toISOString(),
    };
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(path.join(ROOT, 'bench/results/load.json'), `${JSON.stringify(result, null, 2)}\n`);
    const failed =
      Object.values(reads).some(
        (r) =>
          (r as { errors: number; timeouts: number; non2xx: number }).errors +
            (r as { timeouts: number }).timeouts +
            (r as { non2xx: number }).non2xx >
          0,
      ) ||
      saveErrors > 0 ||
      lost.length > 0;
    if (failed) process.exitCode = 1;
    return result;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchLoad(), null, 2));
