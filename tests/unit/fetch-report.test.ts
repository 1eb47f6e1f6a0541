import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  coverageJsonUrl,
  fetchCoverageReport,
  type FetchedReport,
  loadCoverageReport,
  readCoverageReportFile,
} from '../../src/district/fetch-report';
import { freePort } from '../support/ports';
import { schoolB } from '../support/district-reports';

const valid = JSON.stringify(schoolB);
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/truong/coverage.json': (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(valid);
  },
  '/bom/coverage.json': (_req, res) => res.end(`\uFEFF${valid}`),
  '/html/coverage.json': (_req, res) => res.end('<!doctype html><p>Trang chủ</p>'),
  '/foreign/coverage.json': (_req, res) => res.end(JSON.stringify({ version: 1, school: { name: 'X' } })),
  '/inconsistent/coverage.json': (_req, res) => {
    const report = JSON.parse(valid);
    report.quarters[0].items = [];
    res.end(JSON.stringify(report));
  },
  '/moved/coverage.json': (_req, res) => {
    res.writeHead(301, { location: '/truong/coverage.json' });
    res.end();
  },
  '/loop/coverage.json': (_req, res) => {
    res.writeHead(302, { location: '/loop/coverage.json' });
    res.end();
  },
  '/silent/coverage.json': () => {}, // never answers
  '/stalls/coverage.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(valid.slice(0, 20)); // then nothing more
  },
  '/declared-huge/coverage.json': (_req, res) => {
    res.writeHead(200, { 'content-length': String(10_000) });
    res.end('x'.repeat(10_000));
  },
  '/streamed-huge/coverage.json': (_req, res) => {
    res.writeHead(200); // chunked: no length to refuse up front
    for (let i = 0; i < 10; i++) res.write('x'.repeat(1_000));
    res.end();
  },
};

const server = createServer((req, res) => {
  const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
  if (route) return route(req, res);
  res.statusCode = 404;
  res.end('Không tìm thấy');
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failed = (r: FetchedReport) => {
  if (!('error' in r)) throw new Error(`expected a failure, got the report of ${r.report.school.name}`);
  return r;
};

describe('coverageJsonUrl', () => {
  it.each([
    ['https://thcs-a.edu.vn/binh-dang-gioi/', 'https://thcs-a.edu.vn/binh-dang-gioi/coverage.json'],
    ['https://thcs-a.edu.vn/binh-dang-gioi', 'https://thcs-a.edu.vn/binh-dang-gioi/coverage.json'],
    ['  https://THCS-A.edu.vn  ', 'https://thcs-a.edu.vn/coverage.json'],
    ['https://thcs-a.edu.vn/bdg/coverage.json', 'https://thcs-a.edu.vn/bdg/coverage.json'],
    ['https://thcs-a.edu.vn/bao-cao-2025.JSON', 'https://thcs-a.edu.vn/bao-cao-2025.JSON'],
    ['https://thcs-a.edu.vn/bdg/?khoa=1#muc', 'https://thcs-a.edu.vn/bdg/coverage.json?khoa=1'],
    ['http://127.0.0.1:4321/', 'http://127.0.0.1:4321/coverage.json'],
  ])('%s → %s', (given, url) => {
    expect(coverageJsonUrl(given)).toBe(url);
  });

  it.each(['thcs-a.edu.vn/binh-dang-gioi', 'ftp://thcs-a.edu.vn/coverage.json', 'https://', '', 'javascript:alert(1)'])(
    'refuses %j',
    (given) => {
      expect(() => coverageJsonUrl(given)).toThrow(expect.objectContaining({ code: 'DistrictUrlInvalid' }));
    },
  );
});

describe('fetchCoverageReport', () => {
  it('reads a valid report from a site address, with or without coverage.json or the trailing slash', async () => {
    for (const source of [`${base}/truong/`, `${base}/truong`, `${base}/truong/coverage.json`]) {
      const r = await fetchCoverageReport(source, { timeoutMs: 2_000 });
      expect(r).toEqual({ source, report: schoolB });
    }
  });

  it('reads a report that starts with a byte-order mark', async () => {
    const r = await fetchCoverageReport(`${base}/bom/`, { timeoutMs: 2_000 });
    expect('report' in r && r.report.school.name).toBe('THCS B');
  });

  it('follows a redirect; a redirect loop is a failure that says why', async () => {
    const moved = await fetchCoverageReport(`${base}/moved/`, { timeoutMs: 2_000 });
    expect(moved).toEqual({ source: `${base}/moved/`, report: schoolB });
    const loop = failed(await fetchCoverageReport(`${base}/loop/`, { timeoutMs: 2_000 }));
    expect(loop.errorName).toBe('DistrictReadFailed');
    expect(loop.error).toMatch(/^không đọc được \(.*redirect/);
  });

  it('an HTTP error names the status and the address asked', async () => {
    const r = failed(await fetchCoverageReport(`${base}/khong-co`, { timeoutMs: 2_000 }));
    expect(r).toEqual({
      source: `${base}/khong-co`,
      errorName: 'DistrictHttpStatus',
      error: `máy chủ trả lời HTTP 404 cho ${base}/khong-co/coverage.json`,
    });
  });

  it('a page that is not JSON, a foreign JSON file and an inconsistent report are each refused by name', async () => {
    const html = failed(await fetchCoverageReport(`${base}/html/`, { timeoutMs: 2_000 }));
    expect([html.errorName, html.error]).toEqual(['DistrictNotJson', 'không phải JSON hợp lệ']);
    const foreign = failed(await fetchCoverageReport(`${base}/foreign/`, { timeoutMs: 2_000 }));
    expect(foreign.errorName).toBe('CoverageReportInvalid');
    expect(foreign.error).toMatch(/^không đúng định dạng coverage\.json v1 \(school\.district: /);
    const inconsistent = failed(await fetchCoverageReport(`${base}/inconsistent/`, { timeoutMs: 2_000 }));
    expect(inconsistent.errorName).toBe('CoverageReportInconsistent');
    expect(inconsistent.error).toContain('số liệu quý 2022-Q2 mâu thuẫn');
  });

  it('times out on a server that never answers, and on one that stops sending', async () => {
    for (const source of [`${base}/silent/`, `${base}/stalls/`]) {
      const started = Date.now();
      const r = failed(await fetchCoverageReport(source, { timeoutMs: 300 }));
      expect([r.errorName, r.error]).toEqual(['DistrictTimeout', 'quá thời gian chờ (0.3 giây)']);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('refuses a body larger than the limit, declared or streamed', async () => {
    for (const source of [`${base}/declared-huge/`, `${base}/streamed-huge/`]) {
      const r = failed(await fetchCoverageReport(source, { timeoutMs: 2_000, maxBytes: 5_000 }));
      expect([r.errorName, r.error]).toEqual([
        'DistrictTooLarge',
        'tệp báo cáo lớn hơn 5 KB, không phải một coverage.json',
      ]);
    }
  });

  it('a server nobody listens on is unreachable, with the network error code', async () => {
    const source = `http://127.0.0.1:${await freePort()}/`;
    const r = failed(await fetchCoverageReport(source, { timeoutMs: 2_000 }));
    expect([r.errorName, r.error]).toEqual(['DistrictUnreachable', 'không kết nối được (ECONNREFUSED)']);
  });

  it('an address that is not http(s) is refused before anything is fetched', async () => {
    let asked = 0;
    const r = failed(
      await fetchCoverageReport('thcs-a.edu.vn', {
        fetch: async () => {
          asked += 1;
          return new Response(valid);
        },
      }),
    );
    expect([r.errorName, r.error, asked]).toEqual(['DistrictUrlInvalid', 'địa chỉ không hợp lệ (thcs-a.edu.vn)', 0]);
  });

  it('uses the fetch it is given, with the coverage.json address and a timeout signal', async () => {
    const asked: { url: string; signal: boolean }[] = [];
    const r = await fetchCoverageReport('https://thcs-b.edu.vn/bdg', {
      fetch: async (url, init) => {
        asked.push({ url: String(url), signal: init?.signal instanceof AbortSignal });
        return new Response(valid, { headers: { 'content-type': 'application/json' } });
      },
    });
    expect(asked).toEqual([{ url: 'https://thcs-b.edu.vn/bdg/coverage.json', signal: true }]);
    expect('report' in r && r.report.school.name).toBe('THCS B');
  });
});

describe('readCoverageReportFile and loadCoverageReport', () => {
  it('reads a file, says a missing one is missing, and a folder unreadable', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-fetch-report-'));
    const file = path.join(dir, 'coverage.json');
    await writeFile(file, valid);
    expect(await readCoverageReportFile(file)).toEqual({ source: file, report: schoolB });
    const missing = failed(await readCoverageReportFile(path.join(dir, 'khong-co.json')));
    expect([missing.errorName, missing.error]).toEqual(['DistrictFileNotFound', 'không tìm thấy tệp']);
    const folder = failed(await readCoverageReportFile(dir));
    expect(folder.errorName).toBe('DistrictReadFailed');
    expect(folder.error).toContain('EISDIR');
    // A path goes to the disk, an http(s) address to the network.
    expect(await loadCoverageReport(file)).toEqual({ source: file, report: schoolB });
    expect(await loadCoverageReport(`${base}/truong/`, { timeoutMs: 2_000 })).toEqual({
      source: `${base}/truong/`,
      report: schoolB,
    });
  });
});
