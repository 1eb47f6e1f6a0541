import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

import { buildCoverageReport } from '../../src/domain/coverage';
import { bin, run } from './run';

describe('npm run district', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-district-'));
  const report = (name: string, covered: boolean) =>
    buildCoverageReport({
      policy: { start: '2022-Q1', minPerQuarter: 1 },
      now: new Date('2022-05-01T00:00:00Z'),
      items: covered
        ? [
            {
              id: 1,
              collection: 'articles',
              title: 'Bài',
              status: 'published',
              publishedAt: '2022-02-01T00:00:00Z',
              countsTowardColumn: true,
            },
          ]
        : [],
      school: { name, district: 'Quận Ba Đình' },
    });
  const fileA = path.join(dir, 'a.json');
  await writeFile(fileA, JSON.stringify(report('THCS Đống Đa', true)));
  // A tiny local "school site": its coverage.json, plus a broken one.
  const server: Server = createServer((req, res) => {
    if (req.url === '/truong-b/coverage.json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(report('THCS Ba Đình', false)));
    } else if (req.url === '/hong/coverage.json') {
      res.end('<html>not json</html>');
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('writes HTML and CSV for files and site URLs; unreadable schools are flagged and make the exit non-zero', async () => {
    const out = path.join(dir, 'out');
    const r = await run(
      bin('tsx'),
      [
        'scripts/district.ts',
        fileA,
        `${base}/truong-b/`,
        `${base}/hong/`,
        `${base}/khong-co/`,
        path.join(dir, 'none.json'),
        '--out',
        out,
      ],
      {},
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Đã tổng hợp 5 trường × 2 quý');
    expect(r.stdout).toContain('✖ THCS Ba Đình: bỏ lỡ 1 quý');
    expect(r.stderr).toContain(`${base}/hong/: không phải JSON hợp lệ`);
    expect(r.stderr).toContain('HTTP 404');
    expect(r.stderr).toContain('không tìm thấy tệp');
    const csv = await readFile(path.join(out, 'district-report.csv'), 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(7);
    expect(rows.at(-1)).toBe('Tổng: số trường đạt / số trường theo dõi,,,,,,,1/5 (20%),0/5 (0%)');
    expect(r.stdout).toContain('Quý I/2022: 1/5 trường đạt (20%)');
    // Đống Đa covered Q1 and Q2 is in progress; Ba Đình missed Q1; three reports unreadable.
    expect(r.stdout).toContain('Năm 2022: 1/5 trường duy trì đủ các quý (20%)');
    expect(rows[1]).toMatch(/^THCS Đống Đa,Quận Ba Đình,.*,self-reported,.*,0,covered,in-progress$/);
    expect(rows[2]).toMatch(/^THCS Ba Đình,.*,1,missed,in-progress$/);
    for (const row of rows.slice(3, 6)) expect(row).toMatch(/,no-data,no-data$/);
    const html = await readFile(path.join(out, 'district-report.html'), 'utf8');
    expect(html).toContain('THCS Đống Đa');
    expect(html.match(/Không đọc được báo cáo<br>/g)).toHaveLength(3);
  });

  it('counts a school given twice once, and says so', async () => {
    const r = await run(
      bin('tsx'),
      [
        'scripts/district.ts',
        fileA,
        `${base}/truong-b/`,
        `${base}/truong-b/coverage.json`,
        '--out',
        path.join(dir, 'twice'),
      ],
      {},
    );
    expect(r.stdout).toContain('Đã tổng hợp 2 trường × 2 quý');
    expect(r.stderr).toContain('THCS Ba Đình được liệt kê 2 lần');
    expect(r.stdout).toContain('Quý I/2022: 1/2 trường đạt (50%)');
  });

  it('writes the workbook too with --xlsx, into a folder it makes', async () => {
    const xlsx = path.join(dir, 'xlsx', 'nam-hoc', 'tong-hop.xlsx');
    const out = path.join(dir, 'with-xlsx');
    const r = await run(
      bin('tsx'),
      ['scripts/district.ts', fileA, `${base}/truong-b/`, '--out', out, '--xlsx', xlsx],
      {},
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `→ ${path.join(out, 'district-report.html')}, ${path.join(out, 'district-report.csv')}, ${xlsx}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A4').value).toBe('THCS Đống Đa');
    expect(summary.getCell('C4').value).toBe('tự báo cáo');
    expect(summary.getCell('E4').value).toBe('Đạt (1)');
    expect(summary.getCell('E6').value).toBe('1/2 trường đạt (50%)');
    expect(workbook.getWorksheet('Chi tiết')!.rowCount).toBe(1 + 2 * 2);
  });

  it('refuses a workbook name Excel would not open, and an option without its value, before reading anything', async () => {
    const named = await run(
      bin('tsx'),
      ['scripts/district.ts', `${base}/truong-b/`, '--xlsx', path.join(dir, 'tong-hop.xls')],
      {},
    );
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('cần có đuôi .xlsx');
    expect(named.stderr).toContain('npm run district --');
    expect(named.stdout).toBe('');
    const bare = await run(bin('tsx'), ['scripts/district.ts', fileA, '--xlsx'], {});
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--xlsx');
    expect(bare.stderr).toContain('Gợi ý / Hint');
  });

  it('exits 0 when every report was read', async () => {
    const r = await run(bin('tsx'), ['scripts/district.ts', fileA, '--out', path.join(dir, 'ok')], {});
    expect(r.code).toBe(0);
  });

  it('explains its usage when given nothing', async () => {
    const r = await run(bin('tsx'), ['scripts/district.ts'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('npm run district --');
  });
});
