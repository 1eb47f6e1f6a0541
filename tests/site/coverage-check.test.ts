import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSite } from '../../scripts/build-site';
import { clientDir } from '../../scripts/lib/site-dist';
import { coverageStrict, settingsFromEnv } from '../../src/settings';
import { seedDemoContent } from '../../src/seed/seed';
import { type HttpCms, startHttpCms } from './support/http-cms';
import { setSchoolSettings } from '../support/fixtures';

/**
 * The site build runs the coverage check. The demo covers every quarter from
 * 2022-Q1; reporting from 2021-Q4 adds a quarter with nothing in it.
 */
let cms: HttpCms;
let dir: string;

beforeAll(async () => {
  cms = await startHttpCms();
  await seedDemoContent(cms.payload);
  await setSchoolSettings(cms.payload, { reportingStartQuarter: '2021-Q4', name: 'Trường THCS Đống Đa' });
  dir = await mkdtemp(path.join(os.tmpdir(), 'ge-check-'));
}, 180_000);
afterAll(async () => {
  await cms?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('strictness', () => {
  it('is on in CI and with NODE_ENV=production, and COVERAGE_STRICT decides explicitly', () => {
    const isStrict = (env: Record<string, string>) => coverageStrict(settingsFromEnv(env));
    expect(isStrict({ CI: 'true' })).toBe(true);
    expect(isStrict({ NODE_ENV: 'production' })).toBe(true);
    expect(isStrict({})).toBe(false);
    expect(isStrict({ CI: 'true', COVERAGE_STRICT: 'false' })).toBe(false);
    expect(isStrict({ COVERAGE_STRICT: 'true' })).toBe(true);
  });
});

describe('the build check', () => {
  it('strict: a missed quarter fails the build, naming it in Vietnamese and English; no site is published', async () => {
    const dist = path.join(dir, 'strict');
    const result = await buildSite({ dist, env: { PAYLOAD_URL: cms.url, COVERAGE_STRICT: 'true' }, quiet: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('Quý IV/2021 (2021-Q4)');
      expect(result.message).toContain('The column was not updated in 1 quarter(s): 2021-Q4');
      expect(result.failure?.name).toBe('QuarterMissed');
    }
    expect(existsSync(dist)).toBe(false);
  });

  it('not strict: it warns, builds, and publishes the report with the missed quarter', async () => {
    const dist = path.join(dir, 'lenient');
    const result = await buildSite({
      dist,
      env: { PAYLOAD_URL: cms.url, COVERAGE_STRICT: 'false', CI: '' },
      quiet: true,
    });
    expect(result.ok).toBe(true);
    const report = JSON.parse(readFileSync(path.join(clientDir(dist), 'coverage.json'), 'utf8'));
    expect(report.version).toBe(1);
    expect(report.summary.missedQuarters).toEqual(['2021-Q4']);
    expect(report.quarters[0]).toMatchObject({ quarter: '2021-Q4', status: 'missed', count: 0 });
    const csv = readFileSync(path.join(clientDir(dist), 'coverage.csv'), 'utf8');
    expect(csv).toContain('2021-Q4,Quý IV/2021,');
    const page = readFileSync(path.join(clientDir(dist), 'bao-cao', 'index.html'), 'utf8');
    expect(page).toContain('bỏ lỡ 1 quý (2021-Q4)');
    expect(page).toMatch(/class="status-missed"[^>]*>\s*<th scope="row"[^>]*>Quý IV\/2021/);
    // The school's name comes from the CMS settings, in the header and the report.
    expect(page).toContain('<small>Trường THCS Đống Đa</small>');
    expect(report.school.name).toBe('Trường THCS Đống Đa');
    // Every counted article is linked to its page.
    expect(page).toMatch(/href="\/binh-dang-gioi\/bai-viet\/[a-z0-9-]+\/"/);
  });
});
