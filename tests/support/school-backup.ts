import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { expect } from 'vitest';

import { bin, run } from '../process/run';

/**
 * One school's own install, as `npm run backup` saves it after the upgrade
 * to schools: the school, its accounts (the first one also runs the
 * platform), content with images, a document, drafts, links, a scheduled
 * publication and an admin preference. Made by make-school-backup.ts in a
 * child process on its own SQLite file and uploads folder.
 */
export const SOURCE = {
  school: {
    name: 'Trường THCS Lê Lợi',
    slug: 'truong-thcs-le-loi',
    district: 'Phòng GDĐT quận Hoàn Kiếm',
    columnTitle: 'Góc bình đẳng giới',
    reportingStartQuarter: '2024-Q3',
    minimumItemsPerQuarter: 2,
    countedCollections: ['articles', 'model-stories'] as ('articles' | 'model-stories')[],
  },
  password: 'mat-khau-le-loi-1',
  accounts: [
    { email: 'hieutruong@leloi.edu.vn', name: 'Phạm Văn Hiệu', role: 'admin' },
    { email: 'bientap@leloi.edu.vn', name: 'Đỗ Thị Biên', role: 'editor' },
    { email: 'congtac@leloi.edu.vn', name: 'Vũ Văn Cộng', role: 'contributor' },
    // An account the target install already has (a teacher who writes for two schools).
    { email: 'chung@phonggd.edu.vn', name: 'Ngô Thị Chung', role: 'editor' },
  ] as const,
  sharedEmail: 'chung@phonggd.edu.vn',
  /** The cover's file name, which the target install's other school also uses. */
  coverFile: 'anh-bia.jpg',
  photoFile: 'hoat-dong-ngoai-khoa.jpg',
  documentFile: 'phieu-hoc-tap-gdcd-8.docx',
  topics: ['Bình đẳng giới', 'Phòng chống bạo lực học đường'],
  articles: {
    /** Its slug is also an article of the target's other school. */
    linking: { title: 'Ngày Gia đình Việt Nam', slug: 'ngay-gia-dinh-viet-nam' },
    linked: { title: 'Tháng hành động vì bình đẳng giới', slug: 'thang-hanh-dong-vi-binh-dang-gioi' },
    draft: { title: 'Ngày Quốc tế Phụ nữ 8/3', slug: 'ngay-quoc-te-phu-nu-8-3' },
  },
  story: 'Cô Lan và câu lạc bộ STEM của nữ sinh',
  resource: {
    title: 'Phiếu học tập GDCD 8: Chia sẻ việc nhà',
    goals: ['Nêu được ví dụ về bình đẳng giới trong gia đình', 'Lập bảng phân công việc nhà công bằng'],
  },
};

/** Makes the source install in `dir` and writes its backup to `out`. */
export async function makeSchoolBackup(dir: string, out: string, secret: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const env = {
    DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
    UPLOADS_DIR: path.join(dir, 'uploads'),
    PAYLOAD_SECRET: secret,
    // A fresh file: the schema is pushed, as for every test database.
    NODE_ENV: 'test',
  };
  const made = await run(bin('tsx'), ['tests/support/make-school-backup.ts', out], env, 180_000);
  expect(made.code, made.stderr + made.stdout).toBe(0);
}
