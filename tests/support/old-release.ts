import { pbkdf2Sync, randomBytes } from 'node:crypto';

import type { Payload } from 'payload';

import { buildCmsConfig } from '../../src/cms/config';
import { settingsFromEnv } from '../../src/settings';

export const SECRET = 'test-secret-for-vitest-runs-only-0123456789';
export const PASSWORD = 'mat-khau-ban-cu-1';

let instances = 0;

/**
 * A Payload on a database of our choosing, built from the project's own
 * config. NODE_ENV is not 'test' for it, so the SQLite schema is never pushed
 * (src/cms/database.ts): the file keeps exactly what the migrations made. Its
 * own getPayload key, because getPayload caches one instance per key and this
 * suite opens several databases in turn.
 */
export async function openCms(databaseUri: string, uploadsDir: string): Promise<Payload> {
  const settings = settingsFromEnv({
    DATABASE_URI: databaseUri,
    UPLOADS_DIR: uploadsDir,
    PAYLOAD_SECRET: SECRET,
    NODE_ENV: 'development',
  });
  const { getPayload } = await import('payload');
  instances += 1;
  return getPayload({ config: await buildCmsConfig(settings), key: `upgrade-to-schools-${instances}` });
}

/** A password hash as Payload 3.90 stores it (the release before schools ran the same Payload). */
export function oldPasswordHash(password = PASSWORD): { salt: string; hash: string } {
  const salt = randomBytes(32).toString('hex');
  const raw = pbkdf2Sync(password, salt, 600_000, 32, 'sha256').toString('hex');
  return { salt, hash: `pbkdf2-sha256-v1:${raw}` };
}

/** The old release's settings, with values unlike every default so that a default cannot pass for them. */
export const OLD_SETTINGS = {
  schoolName: 'Trường THCS Nguyễn Du',
  district: 'Quận Gò Vấp',
  columnTitle: 'Góc bình đẳng giới',
  reportingStartQuarter: '2024-Q3',
  minimumItemsPerQuarter: 2,
  countedCollections: ['articles', 'teaching-resources'],
} as const;

export const FIRST_SCHOOL = {
  name: OLD_SETTINGS.schoolName,
  slug: 'truong-thcs-nguyen-du',
  district: OLD_SETTINGS.district,
  basePath: '/binh-dang-gioi/',
  columnTitle: OLD_SETTINGS.columnTitle,
  reportingStartQuarter: OLD_SETTINGS.reportingStartQuarter,
  minimumItemsPerQuarter: OLD_SETTINGS.minimumItemsPerQuarter,
  countedCollections: [...OLD_SETTINGS.countedCollections],
  archived: false,
};

/**
 * The accounts of the old install: the editor is older than every admin, so
 * "the earliest account" and "the earliest admin" differ; the platform admin
 * must be the earlier of the two admins.
 */
export const OLD_ACCOUNTS = [
  { key: 'editor', email: 'bientap@truong.test', role: 'editor', createdAt: '2025-01-05T01:00:00.000Z' },
  { key: 'admin', email: 'hieutruong@truong.test', role: 'admin', createdAt: '2025-01-10T01:00:00.000Z' },
  { key: 'contributor', email: 'congtac@truong.test', role: 'contributor', createdAt: '2025-02-01T01:00:00.000Z' },
  { key: 'laterAdmin', email: 'phohieutruong@truong.test', role: 'admin', createdAt: '2025-03-01T01:00:00.000Z' },
] as const;

export const OLD_SLUGS = {
  article: 'binh-dang-gioi-bat-dau-tu-gia-dinh',
  draftArticle: 'ngay-gia-dinh-viet-nam',
  story: 'gia-dinh-anh-tuan-chia-se-viec-nha',
  resource: 'phieu-hoc-tap-gdcd-8',
  topic: 'phong-chong-bao-luc-hoc-duong',
};

export const OLD_TITLES = {
  article: 'Bình đẳng giới bắt đầu từ gia đình',
  draftArticle: 'Ngày Gia đình Việt Nam',
  story: 'Gia đình anh Tuấn chia sẻ việc nhà',
  resource: 'Phiếu học tập GDCD 8',
  topic: 'Phòng chống bạo lực học đường',
};

/** A Lexical body as the editor saved it. */
export const LEXICAL_BODY = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        children: [
          { type: 'text', version: 1, text: 'Chia sẻ việc nhà.', format: 0, mode: 'normal', style: '', detail: 0 },
        ],
      },
    ],
  },
});

export const idOf = (value: unknown): string =>
  String(typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value);
