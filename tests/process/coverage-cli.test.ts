import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { bin, run } from './run';

/** `npm run coverage -- --input FILE` as a reader of the README would run it. */
describe('the coverage CLI on a JSON file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-coverage-'));
  const write = async (name: string, content: unknown) => {
    const file = path.join(dir, name);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const coverage = (...args: string[]) => run(bin('tsx'), ['scripts/coverage.ts', ...args], {});
  const item = (id: number, publishedAt: string, extra: object = {}) => ({
    id,
    collection: 'articles',
    title: `Bài ${id}`,
    status: 'published',
    publishedAt,
    firstPublishedAt: null,
    countsTowardColumn: true,
    ...extra,
  });
  const covered = await write('covered.json', {
    policy: { start: '2022-Q1', minPerQuarter: 1 },
    now: '2022-05-01T00:00:00Z',
    items: [item(1, '2022-02-01T03:00:00Z')],
  });
  const missed = await write('missed.json', {
    policy: { start: '2022-Q1', minPerQuarter: 1 },
    now: '2022-08-01T00:00:00Z',
    items: [
      item(1, '2022-02-01T03:00:00Z'),
      item(2, '2022-05-01T03:00:00Z', { firstPublishedAt: '2022-07-02T00:00:00Z' }),
    ],
  });

  it('prints a Vietnamese table by default', async () => {
    const r = await coverage('--input', missed);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Quý I\/2022\s+Đạt\s+1/);
    expect(r.stdout).toMatch(/Quý II\/2022\s+Bỏ lỡ\s+0\s+1/);
    expect(r.stdout).toMatch(/Quý III\/2022\s+Đang thực hiện \(còn 61 ngày\)/);
  });

  it('--json prints the versioned report', async () => {
    const r = await coverage('--input', missed, '--json');
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.quarters.map((q: { quarter: string; status: string }) => `${q.quarter}:${q.status}`)).toEqual([
      '2022-Q1:covered',
      '2022-Q2:missed',
      '2022-Q3:in-progress',
    ]);
    expect(report.quarters[1]).toMatchObject({ count: 0, late: 1, daysLeft: 0 });
    for (const key of ['school', 'generatedAt', 'policy', 'quarters']) expect(report).toHaveProperty(key);
  });

  it('--csv prints one row per quarter after the header', async () => {
    const r = await coverage('--input', missed, '--csv');
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('quarter,label,start,end,status,count,late,days_left,items');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^2022-Q2,Quý II\/2022,.*,missed,0,1,0,$/);
  });

  it('--strict exits 1 naming the missed quarters, and 0 when none is missed', async () => {
    const bad = await coverage('--input', missed, '--strict');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Quý II/2022 (2022-Q2)');
    expect(bad.stderr).toContain('The column was not updated in 1 quarter(s): 2022-Q2');
    expect((await coverage('--input', covered, '--strict')).code).toBe(0);
  });

  it.each([
    ['an unreadable file', async () => path.join(dir, 'khong-co.json'), /Không đọc được tệp/],
    ['a file that is not JSON', () => write('broken.json', '{ "policy": '), /không phải JSON hợp lệ/],
    [
      'a wrong structure',
      () => write('shape.json', { policy: { start: '2022-Q1' }, items: {} }),
      /sai cấu trúc.*policy\.minPerQuarter/,
    ],
    [
      'a bad date',
      () =>
        write('date.json', {
          policy: { start: '2022-Q1', minPerQuarter: 1 },
          now: '2022-05-01T00:00:00Z',
          items: [item(1, '2022-13-01T00:00:00Z')],
        }),
      /không phải thời điểm hợp lệ/,
    ],
    [
      'an unknown quarter id',
      () => write('q.json', { policy: { start: '2022-Q7', minPerQuarter: 1 }, items: [] }),
      /Quý bắt đầu "2022-Q7" không hợp lệ/,
    ],
    [
      'a start in the future',
      () =>
        write('future.json', {
          policy: { start: '2030-Q1', minPerQuarter: 1 },
          now: '2026-01-01T00:00:00Z',
          items: [],
        }),
      /nằm sau quý hiện tại/,
    ],
  ])('refuses %s with exit 2 and no report', async (_name, makeFile, message) => {
    const r = await coverage('--input', await makeFile(), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a missing "now" means the current time', async () => {
    const file = await write('now.json', { policy: { start: '2022-Q1', minPerQuarter: 1 }, items: [] });
    const report = JSON.parse((await coverage('--input', file, '--json')).stdout);
    expect(Math.abs(Date.parse(report.generatedAt) - Date.now())).toBeLessThan(120_000);
  });
});
