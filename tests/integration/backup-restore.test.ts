import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Manifest, readArchive, writeArchive } from '../../src/cms/backup/archive';
import { createBackup } from '../../src/cms/backup/backup';
import { objectIdAt } from '../../src/cms/backup/relations';
import { backedUpCollections } from '../../src/cms/backup/scope';
import { seedDemoContent } from '../../src/seed/seed';
import { bin, ROOT, run } from '../process/run';
import { readBackup, withNaturalKeys } from '../support/backup-compare';
import { backend, backendLabel, useCmsWithStaff, withDatabaseName } from '../support/cms';
import { STAND_IN_LABEL, startMongoStandIn } from '../support/mongo-standin';

/**
 * Backup and restore through the real commands (`scripts/backup.ts`,
 * `scripts/restore.ts` as child processes, as `npm run backup|restore` runs
 * them) between this suite's database and fresh ones: the same kind (byte
 * for byte) and the other kind (SQLite ⇄ MongoDB code path, ids moved).
 */
const ctx = useCmsWithStaff();
const SECRET = 'test-secret-for-vitest-runs-only-0123456789';
let dir = '';
let archiveA = '';
let manifestA: Manifest;
let standIn: { uri: string; stop: () => Promise<void> } | undefined;

type Kind = 'sqlite' | 'mongo';
type Target = { kind: Kind; label: string; env: Record<string, string>; uploads: string };
const sameKind: Kind = backend === 'sqlite' ? 'sqlite' : 'mongo';
const otherKind: Kind = backend === 'sqlite' ? 'mongo' : 'sqlite';
const migrated = new Set<string>();

async function target(kind: Kind, name: string): Promise<Target> {
  const uploads = path.join(dir, `${name}-uploads`);
  if (kind === 'sqlite')
    return {
      kind,
      label: 'SQLite',
      uploads,
      env: { DATABASE_URI: `file:${path.join(dir, `${name}.db`)}`, UPLOADS_DIR: uploads, PAYLOAD_SECRET: SECRET },
    };
  let uri: string;
  if (backend === 'mongodb')
    uri = withDatabaseName(process.env.MONGODB_URI!, `ge_restore_${name}_${path.basename(dir).replace(/\W/g, '')}`);
  else {
    standIn ??= await startMongoStandIn();
    uri = withDatabaseName(standIn.uri, `restore_${name}`);
  }
  return {
    kind,
    label: backend === 'mongodb' ? 'MongoDB' : STAND_IN_LABEL,
    uploads,
    env: { DATABASE_URI: uri, UPLOADS_DIR: uploads, PAYLOAD_SECRET: SECRET },
  };
}

async function restore(t: Target, file: string, ...flags: string[]) {
  if (t.kind === 'sqlite' && !migrated.has(t.env.DATABASE_URI!)) {
    const migrate = await run(bin('payload'), ['migrate'], t.env, 120_000);
    expect(migrate.code, migrate.stderr).toBe(0);
    migrated.add(t.env.DATABASE_URI!);
  }
  return run(bin('tsx'), ['scripts/restore.ts', file, ...flags], t.env, 240_000);
}

async function backupOf(t: Target, name: string) {
  const out = path.join(dir, `${name}.tar.gz`);
  const result = await run(bin('tsx'), ['scripts/backup.ts', '--out', out], t.env, 120_000);
  expect(result.code, result.stderr).toBe(0);
  return { out, ...(await readBackup(out)) };
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ge-backup-'));
  const { payload } = ctx.cms;
  await seedDemoContent(payload);
  // Beyond the demo: an internal link in rich text, a draft over a published
  // article (two versions), a scheduled publication and an admin preference.
  const [first, second] = (
    await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      limit: 2,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs;
  await payload.update({
    collection: 'articles',
    id: second!.id,
    draft: true,
    data: {
      title: `${second!.title} (bản nháp mới)`,
      body: {
        root: {
          type: 'root',
          direction: 'ltr',
          format: '',
          indent: 0,
          version: 1,
          children: [
            {
              type: 'paragraph',
              direction: 'ltr',
              format: '',
              indent: 0,
              version: 1,
              textFormat: 0,
              textStyle: '',
              children: [
                {
                  type: 'link',
                  direction: 'ltr',
                  format: '',
                  indent: 0,
                  version: 3,
                  fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: first!.id } },
                  children: [
                    {
                      type: 'text',
                      text: 'Xem bài trước',
                      format: 0,
                      detail: 0,
                      mode: 'normal',
                      style: '',
                      version: 1,
                    },
                  ],
                },
              ],
            },
          ],
        },
      } as never,
    },
  });
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'articles', value: String(second!.id) },
      user: { relationTo: 'users', value: ctx.staff.editor.id },
    },
    waitUntil: new Date(Date.now() + 86_400_000),
  } as never);
  await payload.create({
    collection: 'payload-preferences',
    data: { key: 'articles-list', user: { relationTo: 'users', value: ctx.staff.editor.id }, value: { limit: 25 } },
    user: ctx.staff.editor,
  });

  archiveA = path.join(dir, 'a.tar.gz');
  manifestA = await createBackup(payload, archiveA);
}, 300_000);

afterAll(async () => {
  await standIn?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe(`backup of ${backendLabel[backend]}`, () => {
  it('holds every document and version of every collection, the settings, and every uploaded file', async () => {
    const { payload } = ctx.cms;
    for (const collection of backedUpCollections(payload.config)) {
      const docs = (await payload.db.count({ collection: collection.slug })).totalDocs;
      const versions = collection.versions
        ? (await payload.db.countVersions({ collection: collection.slug })).totalDocs
        : 0;
      expect(manifestA.collections[collection.slug], collection.slug).toEqual({ docs, versions });
    }
    expect(manifestA.collections.articles!.versions).toBeGreaterThan(manifestA.collections.articles!.docs);
    expect(manifestA.collections['payload-jobs']!.docs).toBeGreaterThanOrEqual(1);
    // The column settings live on each school now: no global is left to back up.
    expect(manifestA.globals).toEqual([]);
    expect(manifestA.collections.schools!.docs).toBeGreaterThanOrEqual(1);
    for (const kind of ['media', 'documents'] as const) {
      const onDisk = await readdir(path.join(ctx.cms.uploadsDir, kind));
      expect(manifestA.files[kind], kind).toBe(onDisk.length);
    }
    const { json } = await readBackup(archiveA);
    const users = json.get('collections/users.json') as { hash?: string; salt?: string }[];
    expect(
      users.every((u) => u.hash && u.salt),
      'password hashes come along, so accounts keep their passwords',
    ).toBe(true);
  });
});

describe(`restore of a ${backendLabel[backend]} backup`, () => {
  it(`into a fresh database of the same kind gives the same documents, versions and files, byte for byte`, async () => {
    const t = await target(sameKind, 'same');
    const restored = await restore(t, archiveA);
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
    expect(restored.stdout).toMatch(/Đã khôi phục \d+ mục, \d+ phiên bản và \d+ tệp/);

    const b = await backupOf(t, 'same-again');
    const entries = (m: Manifest, versions: boolean) =>
      m.entries.filter((e) => versions === e.path.startsWith('versions/'));
    expect(entries(b.manifest, false), 'documents, settings and files: identical bytes').toEqual(
      entries(manifestA, false),
    );
    if (sameKind === 'sqlite')
      expect(entries(b.manifest, true), 'versions, ids included: identical bytes').toEqual(entries(manifestA, true));
    // MongoDB: Payload's version writer gives each version a new ObjectId (nothing refers to version ids); all else is equal.
    expect(withNaturalKeys(b.json, ctx.cms.config)).toEqual(
      withNaturalKeys((await readBackup(archiveA)).json, ctx.cms.config),
    );
    for (const entry of manifestA.entries.filter((e) => e.path.startsWith('files/'))) {
      const [, kind, name] = entry.path.split('/');
      expect(await sha256(path.join(t.uploads, kind!, name!)), entry.path).toBe(entry.sha256);
    }
  });

  it(`into the other kind of database (${otherKind === 'mongo' ? 'SQLite → MongoDB code path' : 'MongoDB code path → SQLite'}) with every reference moved to the new ids`, async () => {
    const t = await target(otherKind, 'other');
    const restored = await restore(t, archiveA);
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
    expect(restored.stdout).not.toMatch(/liên kết trỏ tới mục không có/);

    const b = await backupOf(t, 'other-again');
    expect(b.manifest.source.database).toBe(otherKind === 'mongo' ? 'mongodb' : 'sqlite');
    expect(b.manifest.source.idType).not.toBe(manifestA.source.idType);
    expect(
      withNaturalKeys(b.json, ctx.cms.config),
      'same content once ids are replaced by e-mails, file names and slugs',
    ).toEqual(withNaturalKeys((await readBackup(archiveA)).json, ctx.cms.config));
    // From the outside, on the new database: an account signs in with its old password, covers and topics resolve.
    const probe = async (env: Record<string, string>) => {
      const r = await run(
        bin('tsx'),
        ['tests/support/probe-cms.ts', String(ctx.staff.editor.email), 'mat-khau-thu-nghiem-1'],
        env,
        120_000,
      );
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(/^PROBE (.*)$/m.exec(r.stdout)![1]!) as {
        login: boolean;
        articles: { cover: string | null; topics: unknown[] }[];
      };
    };
    const onTarget = await probe(t.env);
    expect(onTarget.login, 'the editor signs in with the same password').toBe(true);
    expect(onTarget.articles.filter((a) => a.cover).length).toBeGreaterThan(0);
    expect(onTarget.articles.flatMap((a) => a.topics)).not.toContain(null);
    const { docs } = await ctx.cms.payload.find({
      collection: 'articles',
      depth: 1,
      limit: 0,
      pagination: false,
      draft: false,
      sort: 'slug',
    });
    expect(onTarget.articles).toEqual(
      docs.map((a) => ({
        slug: a.slug,
        cover: a.cover && typeof a.cover === 'object' ? a.cover.filename : null,
        topics: ((a.topics ?? []) as unknown[]).map((x) =>
          x && typeof x === 'object' ? (x as { slug?: string }).slug : null,
        ),
      })),
    );

    const files = (m: Manifest) =>
      m.entries.filter((e) => e.path.startsWith('files/')).sort((x, y) => x.path.localeCompare(y.path));
    expect(files(b.manifest), 'the same files, byte for byte').toEqual(files(manifestA));
  });

  it('refuses a database that already has content, and replaces it only when told to', async () => {
    const t = await target(sameKind, 'same');
    const refused = await restore(t, archiveA);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/đã có nội dung: .*users \(\d+\).*Không ghi gì cả.*--replace/s);

    const replaced = await restore(t, archiveA, '--replace');
    expect(replaced.code, replaced.stderr).toBe(0);
    const b = await backupOf(t, 'replaced');
    expect(withNaturalKeys(b.json, ctx.cms.config)).toEqual(
      withNaturalKeys((await readBackup(archiveA)).json, ctx.cms.config),
    );
  });

  // These start three or four restore processes each (each ~10 s on two cores): more than the default 60 s.
  it('refuses a truncated or corrupted archive before writing anything', async () => {
    const t = await target(sameKind, 'damaged');
    await mkdir(path.join(t.uploads, 'media'), { recursive: true });
    await writeFile(path.join(t.uploads, 'media', 'da-co-san.txt'), 'tệp có sẵn');
    const bytes = await readFile(archiveA);
    const truncated = path.join(dir, 'truncated.tar.gz');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const corrupted = path.join(dir, 'corrupted.tar.gz');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.4)]! ^= 0x55;
    await writeFile(corrupted, flipped);

    for (const file of [truncated, corrupted]) {
      const result = await restore(t, file);
      expect(result.code, path.basename(file)).toBe(1);
      expect(result.stderr).toMatch(
        /Không khôi phục: bản sao lưu bị hỏng hoặc không đầy đủ \(.+\)\. Không có gì được ghi\./,
      );
    }
    expect(await readdir(path.join(t.uploads, 'media')), 'uploads folder as it was').toEqual(['da-co-san.txt']);
    expect(
      (await readdir(t.uploads)).filter((n) => n.includes('dang-khoi-phuc')),
      'no staging left',
    ).toEqual([]);
    // A good archive, an empty database, but an uploads folder holding a file: refused too, nothing moved.
    const refused = await restore(t, archiveA);
    expect(refused.code, refused.stdout).toBe(1);
    expect(refused.stderr).toMatch(
      /Thư mục tệp tải lên đích đã có tệp: .*media \(1\)\. Không ghi gì cả\.\n\s*The target uploads folder already holds files: .*Nothing was written\.\n.*--replace/s,
    );
    expect(refused.stderr, 'the database was still empty').not.toMatch(/đã có nội dung/);
    expect(await readdir(path.join(t.uploads, 'media')), 'uploads folder as it was').toEqual(['da-co-san.txt']);
    expect((await readdir(t.uploads)).sort(), 'nothing staged or set aside').toEqual(['media']);

    const good = await restore(t, archiveA, '--replace');
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr, 'files found in the way are kept aside').toMatch(
      /tệp có sẵn trước đó được chuyển sang .*truoc-khoi-phuc/,
    );
    const aside = (await readdir(t.uploads)).find((n) => n.startsWith('media.truoc-khoi-phuc-'));
    expect(await readdir(path.join(t.uploads, aside!))).toEqual(['da-co-san.txt']);
  }, 180_000);

  it('into a second database on the same machine, with the default uploads folders, leaves the first one’s files alone', async () => {
    // No UPLOADS_DIR: each SQLite file gets the folder beside it (domain/uploads-location.ts).
    const first = { DATABASE_URI: `file:${path.join(dir, 'live', 'cms.db')}`, PAYLOAD_SECRET: SECRET };
    const second = { DATABASE_URI: `file:${path.join(dir, 'elsewhere', 'other.db')}`, PAYLOAD_SECRET: SECRET };
    const firstUploads = path.join(dir, 'live', 'cms-uploads');
    const secondUploads = path.join(dir, 'elsewhere', 'other-uploads');
    const live = { kind: 'sqlite' as const, label: 'SQLite', uploads: firstUploads, env: first };
    const other = { kind: 'sqlite' as const, label: 'SQLite', uploads: secondUploads, env: second };
    expect((await restore(live, archiveA)).code).toBe(0);
    const snapshot = async (root: string) => {
      const files: Record<string, string> = {};
      for (const kind of await readdir(root))
        for (const name of await readdir(path.join(root, kind)))
          files[`${kind}/${name}`] = await sha256(path.join(root, kind, name));
      return files;
    };
    const before = await snapshot(firstUploads);
    expect(Object.keys(before).length).toBe(manifestA.entries.filter((e) => e.path.startsWith('files/')).length);

    const restored = await restore(other, archiveA);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr, 'nothing was in the way').not.toMatch(/truoc-khoi-phuc/);
    expect(await snapshot(firstUploads), 'the live install’s files: same names, same bytes').toEqual(before);
    expect(await readdir(path.join(dir, 'live')), 'nothing set aside beside them').not.toContainEqual(
      expect.stringMatching(/truoc-khoi-phuc|dang-khoi-phuc/),
    );
    expect(await snapshot(secondUploads), 'the second database has its own copy').toEqual(before);
  }, 180_000);

  it('a refused restore into a new place leaves no folder behind', async () => {
    const t = await target(sameKind, 'same'); // already holds content
    const fresh = { ...t, env: { ...t.env, UPLOADS_DIR: path.join(dir, 'never-created') } };
    const refused = await restore(fresh, archiveA);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/đã có nội dung/);
    await expect(stat(path.join(dir, 'never-created'))).rejects.toThrow(/ENOENT/);
  });

  it('killed in the middle of a restore: the database as it was, and the restore can be run again', async () => {
    const big = await archiveWithManyTopics(3000);
    const t = await target(sameKind, 'killed');
    await mkdir(path.join(t.uploads, 'media'), { recursive: true });
    await writeFile(path.join(t.uploads, 'media', 'da-co-san.txt'), 'tệp có sẵn');
    if (t.kind === 'sqlite') await restore(t, path.join(dir, 'missing.tar.gz')); // migrates the file first

    // --replace: the uploads folder holds a file, which must survive the kill where it was.
    const killed = await killWhenPrinted(t, big, /^ {2}users: /m, '--replace');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout, 'killed while writing').not.toMatch(/Đã khôi phục/);
    expect(await readdir(path.join(t.uploads, 'media')), 'uploads folder as it was').toEqual(['da-co-san.txt']);

    const again = await restore(t, big);
    expect(again.code).toBe(1);
    if (t.kind === 'sqlite' || !/bị ngắt giữa chừng/.test(again.stderr)) {
      // SQLite (and a MongoDB replica set): the transaction was rolled back, the database is empty again;
      // only the file in the uploads folder is in the way.
      expect(again.stderr).toMatch(/Thư mục tệp tải lên đích đã có tệp/);
      expect(again.stderr).not.toMatch(/đã có nội dung/);
      expect(t.kind === 'sqlite' || backend === 'mongodb', 'only a real server can roll back').toBe(true);
    } else {
      // No transactions (a standalone MongoDB, the stand-in): the marker says the database holds part of a restore.
      expect(again.stderr).toMatch(/bị ngắt giữa chừng.*--replace/s);
    }
    const replaced = await restore(t, big, '--replace');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(
      (await readdir(t.uploads)).filter((n) => n.includes('dang-khoi-phuc')),
      'the killed run left its staging folder; the next run removed it',
    ).toEqual([]);
    const b = await backupOf(t, 'killed-again');
    expect(b.manifest.collections.topics!.docs).toBe(manifestA.collections.topics!.docs + 3000);
  }, 180_000);
});

/** Archive A plus `count` extra topics, so a restore takes long enough to be killed halfway. */
async function archiveWithManyTopics(count: number): Promise<string> {
  const staging = path.join(dir, 'big-staging');
  const a = await readArchive(archiveA, staging);
  const topics = a.json.get('collections/topics.json') as Record<string, unknown>[];
  const numeric = a.manifest.source.idType === 'number';
  let next = Math.max(0, ...topics.map((t) => (typeof t.id === 'number' ? t.id : 0)));
  const now = new Date().toISOString();
  const extra = Array.from({ length: count }, (_, i) => ({
    ...topics[0],
    id: numeric ? ++next : objectIdAt(now),
    title: `Chủ đề thêm ${i}`,
    slug: `chu-de-them-${i}`,
    createdAt: now,
    updatedAt: now,
  }));
  a.json.set('collections/topics.json', [...topics, ...extra]);
  const out = path.join(dir, 'big.tar.gz');
  const { entries: _entries, format: _format, formatVersion: _version, ...body } = a.manifest;
  body.collections = { ...body.collections, topics: { docs: topics.length + count, versions: 0 } };
  await writeArchive(
    out,
    a.manifest.entries.map((e) =>
      e.path.startsWith('files/')
        ? { path: e.path, file: a.files.get(e.path)! }
        : { path: e.path, json: a.json.get(e.path) },
    ),
    body,
  );
  await rm(staging, { recursive: true, force: true });
  expect((await stat(out)).size).toBeGreaterThan(0);
  return out;
}

/** Runs the restore command and SIGKILLs it as soon as its output matches `when`. */
function killWhenPrinted(
  t: Target,
  file: string,
  when: RegExp,
  ...flags: string[]
): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: the tsx command would run the restore in a child that SIGKILL cannot reach.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', file, ...flags], {
      cwd: ROOT,
      env: {
        PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
        HOME: process.env.HOME,
        ...t.env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (when.test(stdout)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, stdout }));
  });
}
