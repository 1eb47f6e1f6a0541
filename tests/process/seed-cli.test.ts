import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { bin, run } from './run';

/**
 * The way `npm start` prepares the embedded database: the committed migrations
 * (not schema push), then the seed CLI, twice.
 */
describe('migrations and the seed command on a fresh SQLite file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-seed-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const env = {
    DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
    UPLOADS_DIR: path.join(dir, 'uploads'),
    PAYLOAD_SECRET: 'test-secret-for-vitest-runs-only-0123456789',
  };

  // Four commands in a row, the seed hashing ten passwords: more than the project's default minute on a busy machine.
  it('migrates, seeds the district with one account per role per school, and adds nothing the second time', async () => {
    const migrate = await run(bin('payload'), ['migrate'], env, 120_000);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/Migrated:\s+\d+_\d+_initial/);

    const first = await run(bin('tsx'), ['scripts/seed.ts'], env, 120_000);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Đã thêm \d+ mục/);
    for (const role of ['admin', 'editor', 'contributor'])
      expect(first.stdout).toMatch(new RegExp(`│ ${role}\\s+\\S+@\\S+\\s+demo-\\S+`));
    // One account per role in each of the district's three schools, and its officer: each printed once, with its school.
    for (const school of ['Trường THCS Nguyễn Du', 'Trường THCS Lê Lợi', 'Trường THCS Trần Phú'])
      for (const role of ['admin', 'editor', 'contributor'])
        expect(
          first.stdout.match(new RegExp(`│ ${role}\\s+\\S+@\\S+\\s+demo-\\S+\\s+${school}$`, 'gm')),
          `${role} ${school}`,
        ).toHaveLength(1);
    expect(first.stdout).toMatch(/│ district-officer\s+\S+@\S+\s+demo-\S+\s+Phòng GDĐT quận Hoàn Kiếm$/m);
    expect(first.stdout).toMatch(/Trường THCS Trần Phú: \d+ bài viết/);
    // The ended quarters are closed once: their records are there from the start.
    expect(first.stdout).toMatch(/Biên bản quý đã chốt: [1-9]\d*/);

    const second = await run(bin('tsx'), ['scripts/seed.ts'], env, 120_000);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Dữ liệu mẫu đã có đủ: không thêm gì.');
    expect(second.stdout, 'a closed quarter is recorded once').not.toContain('Biên bản quý đã chốt');
    expect(second.stdout, 'passwords are printed once').not.toMatch(/demo-\S{6,}/);

    const ifEmpty = await run(bin('tsx'), ['scripts/seed.ts', '--if-empty'], env, 120_000);
    expect(ifEmpty.stdout).toContain('bỏ qua dữ liệu mẫu');
  }, 180_000);
});
