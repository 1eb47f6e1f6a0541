import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { CollectionSlug } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Manifest, readArchive, writeArchive } from '../../src/cms/backup/archive';
import { createBackup } from '../../src/cms/backup/backup';
import { AS_SCHOOL_MARKER_KEY } from '../../src/cms/backup/scope';
import { SCHOOL_OWNED_COLLECTIONS } from '../../src/domain/school-upgrade';
import { makeImage } from '../../src/seed/images';
import { bin, ROOT, run } from '../process/run';
import { documentsById, readBackup } from '../support/backup-compare';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { firstSchool } from '../support/fixtures';
import { makeSchoolBackup, SOURCE } from '../support/school-backup';

/**
 * `npm run restore -- FILE --as-school <slug>` through the real command
 * (scripts/restore.ts as a child process, transactions on as the command
 * turns them on) into this suite's database, a district install that
 * already has a school with content, accounts and files. The archive is a
 * backup of another school's own install (tests/support/school-backup.ts),
 * always made on SQLite: into the stand-in every id moves to an ObjectId,
 * into SQLite every id is renumbered after the target's own.
 */
const ctx = useCmsWithStaff();
type Doc = Record<string, any> & { id: number | string };

let dir = '';
let archive = '';
let source: Awaited<ReturnType<typeof readBackup>>;
let env: Record<string, string> = {};
let targetSchool: Doc;
const TARGET_PASSWORD = 'mat-khau-dich-1';

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** The target's whole content, as `npm run backup` would save it. */
async function snapshot(name: string) {
  const out = path.join(dir, `${name}.tar.gz`);
  await createBackup(ctx.cms.payload, out);
  return readBackup(out);
}

const restore = (file: string, ...args: string[]) =>
  run(bin('tsx'), ['scripts/restore.ts', file, ...args], env, 240_000);

/**
 * The restore as Node itself runs it (no tsx wrapper process), so a SIGKILL
 * reaches it, with extra modules preloaded and extra environment.
 */
function restoreDirectly(
  args: string[],
  options: { preload?: string; env?: Record<string, string>; killWhen?: RegExp } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const imports = ['--import', 'tsx', ...(options.preload ? ['--import', options.preload] : [])];
    const child = spawn(process.execPath, [...imports, 'scripts/restore.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
        HOME: process.env.HOME,
        ...env,
        ...options.env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (options.killWhen?.test(stdout)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function schoolBySlug(slug: string): Promise<Doc | undefined> {
  const { docs } = await ctx.cms.payload.find({ collection: 'schools', where: { slug: { equals: slug } }, depth: 0 });
  return docs[0] as Doc | undefined;
}

async function userByEmail(email: string): Promise<Doc> {
  const { docs } = await ctx.cms.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    depth: 0,
    overrideAccess: true,
  });
  expect(docs, `one account ${email}`).toHaveLength(1);
  return docs[0] as Doc;
}

const idOf = (ref: unknown) => String(ref && typeof ref === 'object' ? (ref as { id: unknown }).id : ref);
const membershipsOf = (user: Doc) =>
  ((user.schools ?? []) as Doc[]).map((m) => ({ school: idOf(m.school), role: m.role as string }));

/** Every file in the uploads folder (subfolders included), with its SHA-256. */
async function filesOnDisk(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const root = ctx.cms.uploadsDir;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      out[path.relative(root, file)] = await sha256(file);
    }
  return out;
}

/**
 * Everything `before` held is still there, byte for byte: each document and
 * version by id, each file by its checksum. The accounts in `joined` may
 * only have gained memberships after their old ones.
 */
function expectKept(
  before: Awaited<ReturnType<typeof snapshot>>,
  after: Awaited<ReturnType<typeof snapshot>>,
  joined: ReadonlySet<string> = new Set(),
) {
  const was = documentsById(before.json);
  const now = documentsById(after.json);
  for (const [entry, docs] of was)
    for (const [id, bytes] of docs) {
      const doc = JSON.parse(bytes) as Doc;
      const current = now.get(entry)?.get(id);
      if (entry === 'collections/users.json' && joined.has(doc.email)) {
        const { schools, ...rest } = JSON.parse(current!) as Doc;
        const { schools: oldSchools, ...oldRest } = doc;
        expect(rest, `${doc.email}: the account as it was`).toEqual(oldRest);
        expect((schools as unknown[]).slice(0, oldSchools.length), `${doc.email}: its memberships kept`).toEqual(
          oldSchools,
        );
        continue;
      }
      expect(current, `${entry} #${id} unchanged`).toBe(bytes);
    }
  const fileEntries = (m: Manifest) => m.entries.filter((e) => e.path.startsWith('files/'));
  const nowFiles = new Map(fileEntries(after.manifest).map((e) => [e.path, e]));
  for (const entry of fileEntries(before.manifest)) expect(nowFiles.get(entry.path), entry.path).toEqual(entry);
}

const ARCHIVED_ROLES = new Map(SOURCE.accounts.map((a) => [a.email, a.role]));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ge-as-school-'));
  archive = path.join(dir, 'le-loi.tar.gz');
  env = {
    DATABASE_URI: process.env.DATABASE_URI!,
    UPLOADS_DIR: ctx.cms.uploadsDir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
  };
  const made = makeSchoolBackup(path.join(dir, 'source'), archive, env.PAYLOAD_SECRET!);

  // The district install: its first school with an image, a topic and an
  // article whose file name, topic and slug the archive's school also uses,
  // a teacher the archive also has, and a district officer.
  const { payload } = ctx.cms;
  targetSchool = (await firstSchool(payload)) as Doc;
  const data = await makeImage({ palette: ['#264653', '#f4a261'], width: 800, height: 450 });
  const cover = await payload.create({
    collection: 'media',
    data: { alt: 'Ảnh bìa của trường đầu tiên' },
    file: { data, name: SOURCE.coverFile, mimetype: 'image/jpeg', size: data.length },
    user: ctx.staff.editor,
  });
  expect(cover.filename).toBe(SOURCE.coverFile);
  const topic = await payload.create({ collection: 'topics', data: { title: SOURCE.topics[0]! } });
  await payload.create({
    collection: 'articles',
    data: {
      title: SOURCE.articles.linking.title,
      cover: cover.id,
      topics: [topic.id],
      _status: 'published',
      publishedAt: '2025-06-28T02:00:00.000Z',
    },
    user: ctx.staff.editor,
  });
  await payload.create({
    collection: 'users',
    data: {
      email: SOURCE.sharedEmail,
      name: 'Ngô Thị Chung (trường đầu tiên)',
      password: TARGET_PASSWORD,
      schools: [{ school: targetSchool.id as number, role: 'contributor' }],
    },
  });
  await payload.create({
    collection: 'users',
    data: {
      email: 'canbo@phonggd.edu.vn',
      name: 'Cán bộ Phòng',
      password: TARGET_PASSWORD,
      platformRole: 'district-officer',
    },
  });
  await made;
  source = await readBackup(archive);
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`restore --as-school into a district install on ${backendLabel[backend]}`, () => {
  let school: Doc;
  let result: Awaited<ReturnType<typeof restore>>;
  let before: Awaited<ReturnType<typeof snapshot>>;

  it('adds the school and leaves the other school, its accounts and files byte for byte as they were', async () => {
    before = await snapshot('before');
    const diskBefore = await filesOnDisk();
    result = await restore(archive, '--as-school', 'thcs-le-loi');
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain(
      'Đã khôi phục trường «Trường THCS Lê Lợi» (mã thcs-le-loi, chuyên mục /thcs-le-loi/binh-dang-gioi/)',
    );
    expect(result.stdout).toMatch(/3 tài khoản mới, 1 tài khoản đã có/);
    school = (await schoolBySlug('thcs-le-loi'))!;
    expect(school).toBeDefined();
    expectKept(before, await snapshot('after-le-loi'), new Set([SOURCE.sharedEmail]));
    const diskAfter = await filesOnDisk();
    for (const [file, hash] of Object.entries(diskBefore)) expect(diskAfter[file], file).toBe(hash);
  });

  it("names the school and sets its column from the archive's school; its address follows the new slug", () => {
    expect(school).toMatchObject({
      ...SOURCE.school,
      slug: 'thcs-le-loi',
      basePath: '/thcs-le-loi/binh-dang-gioi/',
      archived: false,
    });
    expect(String(school.id)).not.toBe(String(targetSchool.id));
  });

  it('moves every document and version into the new school, with every link pointing inside it', async () => {
    const { payload } = ctx.cms;
    for (const slug of SCHOOL_OWNED_COLLECTIONS) {
      const { totalDocs } = await payload.count({ collection: slug, where: { school: { equals: school.id } } });
      expect(totalDocs, slug).toBe(source.manifest.collections[slug]!.docs);
      const collection = payload.config.collections.find((c) => c.slug === slug)!;
      if (!collection.versions) continue;
      const versions = await payload.db.countVersions({
        collection: slug,
        where: { 'version.school': { equals: school.id } },
      });
      expect(versions.totalDocs, `${slug} versions`).toBe(source.manifest.collections[slug]!.versions);
    }
    const inSchool = { school: { equals: school.id } };
    const find = async (collection: CollectionSlug, where: Record<string, unknown>) =>
      (await payload.find({ collection, where: { and: [inSchool, where] } as never, depth: 1, draft: true }))
        .docs[0] as Doc | undefined;

    const { linking, linked, draft } = SOURCE.articles;
    const article = (await find('articles', { slug: { equals: linking.slug } }))!;
    const target = (await find('articles', { slug: { equals: linked.slug } }))!;
    const photo = (await find('media', { filename: { equals: SOURCE.photoFile } }))!;
    expect(article.cover.filename, 'the cover, renamed beside the other school’s').toBe('anh-bia-1.jpg');
    expect(idOf(article.cover.school)).toBe(String(school.id));
    expect(article.topics.map((t: Doc) => [t.title, idOf(t.school)])).toEqual(
      SOURCE.topics.map((title) => [title, String(school.id)]),
    );
    expect(article.authors.map((a: Doc) => a.email)).toEqual(['bientap@leloi.edu.vn']);
    expect(article.createdBy.email).toBe('bientap@leloi.edu.vn');
    const nodes = article.body.root.children as Doc[];
    expect(idOf(nodes.find((n) => n.type === 'upload')!.value)).toBe(String(photo.id));
    const link = nodes.flatMap((n) => (n.children ?? []) as Doc[]).find((n) => n.type === 'link')!;
    expect(idOf(link.fields.doc.value), 'the internal link follows the linked article').toBe(String(target.id));
    expect(target.title, 'the newer draft came along').toBe(`${linked.title} (bản nháp mới)`);

    const theirs = await payload.find({
      collection: 'articles',
      where: { slug: { equals: linking.slug } },
      depth: 0,
    });
    expect(
      theirs.docs.map((d) => idOf(d.school)).sort(),
      'the same slug in both schools (slugs are unique per school)',
    ).toEqual([String(targetSchool.id), String(school.id)].sort());

    const story = (await find('model-stories', { title: { equals: SOURCE.story } }))!;
    expect(story.photos.map((p: Doc) => String(p.id))).toEqual([String(photo.id)]);
    const resource = (await find('teaching-resources', { title: { equals: SOURCE.resource.title } }))!;
    expect(resource.files.map((f: Doc) => [f.filename, idOf(f.school)])).toEqual([
      [SOURCE.documentFile, String(school.id)],
    ]);
    expect(resource.learningGoals.map((g: Doc) => g.goal)).toEqual(SOURCE.resource.goals);
    const waiting = (await find('articles', { slug: { equals: draft.slug } }))!;
    expect(waiting._status).toBe('draft');
    expect(waiting.createdBy.email).toBe('congtac@leloi.edu.vn');

    const jobs = (await payload.db.find({ collection: 'payload-jobs', limit: 0, pagination: false })).docs as Doc[];
    const scheduled = jobs.filter((j) => j.taskSlug === 'schedulePublish');
    expect(
      scheduled.map((j) => j.input.doc.value),
      'the scheduled publication names the new draft',
    ).toEqual([String(waiting.id)]);
    const editor = await userByEmail('bientap@leloi.edu.vn');
    expect(String(scheduled[0]!.input.user.value)).toBe(String(editor.id));
    const rebuilds = (json: Map<string, unknown>) =>
      (json.get('collections/payload-jobs.json') as Doc[]).filter((j) => j.taskSlug === 'rebuildSite').length;
    expect(rebuilds(source.json), 'the archive holds a rebuild of the old server').toBeGreaterThan(0);
    expect(jobs.filter((j) => j.taskSlug === 'rebuildSite').length, "the old server's rebuilds stay behind").toBe(
      rebuilds(before.json),
    );
    const preferences = (await payload.db.find({ collection: 'payload-preferences', limit: 0, pagination: false }))
      .docs as Doc[];
    expect(preferences.filter((p) => idOf(p.user.value) === String(editor.id)).map((p) => p.key)).toEqual([
      'articles-list',
    ]);
  });

  it('puts the files beside the other school’s, renaming only the ones whose names were taken', async () => {
    const files = source.manifest.entries.filter((e) => e.path.startsWith('files/'));
    expect(files.length).toBeGreaterThan(4);
    for (const entry of files) {
      const [, kind, name] = entry.path.split('/') as [string, string, string];
      const stored = name.startsWith('anh-bia') ? name.replace(/^anh-bia/, 'anh-bia-1') : name;
      expect(await sha256(path.join(ctx.cms.uploadsDir, kind, stored)), `${kind}/${stored}`).toBe(entry.sha256);
    }
    expect(result.stderr).toContain(
      'Tệp media/anh-bia.jpg trùng tên với một tệp đã có trên hệ thống: được lưu thành media/anh-bia-1.jpg.',
    );
    expect(
      (await readdir(ctx.cms.uploadsDir)).filter((n) => n.startsWith('.')),
      'no staging left',
    ).toEqual([]);
  });

  it('makes the archive’s accounts members of the new school, joins the known one, and makes nobody a platform admin', async () => {
    const { payload } = ctx.cms;
    for (const account of SOURCE.accounts.filter((a) => a.email !== SOURCE.sharedEmail)) {
      const user = await userByEmail(account.email);
      expect(membershipsOf(user), account.email).toEqual([{ school: String(school.id), role: account.role }]);
      expect(user.platformRole ?? null, account.email).toBeNull();
      const login = await payload.login({
        collection: 'users',
        data: { email: account.email, password: SOURCE.password },
      });
      expect(login.token, `${account.email} signs in with the old password`).toBeTruthy();
    }
    const shared = await userByEmail(SOURCE.sharedEmail);
    expect(shared.name, 'not overwritten by the archive').toBe('Ngô Thị Chung (trường đầu tiên)');
    expect(membershipsOf(shared)).toEqual([
      { school: String(targetSchool.id), role: 'contributor' },
      { school: String(school.id), role: 'editor' },
    ]);
    await expect(
      payload.login({ collection: 'users', data: { email: SOURCE.sharedEmail, password: SOURCE.password } }),
      'the archived password is not taken over',
    ).rejects.toThrow();
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { platformRole: { equals: 'platform-admin' } },
      overrideAccess: true,
    });
    expect(totalDocs, 'still only the install’s own platform admin').toBe(1);
    expect(result.stderr).toContain(
      `Tài khoản ${SOURCE.sharedEmail} đã có trên hệ thống: giữ nguyên (không tạo thêm, không ghi đè), chỉ thêm vào trường mới với vai trò Biên tập viên.`,
    );
    expect(result.stderr).toContain('hieutruong@leloi.edu.vn là «Quản trị nền tảng» trong bản sao lưu');
  });

  it('refuses a slug the install already has, and writes nothing', async () => {
    const before = await snapshot('before-refused');
    for (const slug of ['thcs-le-loi', String(targetSchool.slug)]) {
      const refused = await restore(archive, '--as-school', slug);
      expect(refused.code, refused.stdout).toBe(1);
      expect(refused.stderr).toContain(`Hệ thống đã có trường mã «${slug}». Không ghi gì cả.`);
    }
    const bad = await restore(archive, '--as-school', 'THCS Lê Lợi');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Mã trường «THCS Lê Lợi» không hợp lệ/);
    const both = await restore(archive, '--as-school', 'thcs-moi', '--replace');
    expect(both.code, 'adding a school and replacing the install do not go together').toBe(2);
    expect((await snapshot('after-refused')).manifest.entries, 'the whole install, byte for byte').toEqual(
      before.manifest.entries,
    );
  });

  it('loads an archive made before schools as a school, with its column settings and roles', async () => {
    const old = await preSchoolsArchive(archive, path.join(dir, 'ban-cu.tar.gz'));
    const before = await snapshot('before-old');
    const restored = await restore(old, '--as-school', 'thcs-tran-phu');
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
    const tranPhu = (await schoolBySlug('thcs-tran-phu'))!;
    expect(tranPhu).toMatchObject({
      name: OLD_SETTINGS.schoolName,
      district: OLD_SETTINGS.district,
      columnTitle: OLD_SETTINGS.columnTitle,
      reportingStartQuarter: OLD_SETTINGS.reportingStartQuarter,
      minimumItemsPerQuarter: OLD_SETTINGS.minimumItemsPerQuarter,
      countedCollections: OLD_SETTINGS.countedCollections,
      basePath: '/thcs-tran-phu/binh-dang-gioi/',
    });
    for (const slug of SCHOOL_OWNED_COLLECTIONS) {
      const { totalDocs } = await ctx.cms.payload.count({
        collection: slug,
        where: { school: { equals: tranPhu.id } },
      });
      expect(totalDocs, slug).toBe(source.manifest.collections[slug]!.docs);
    }
    // Every account is known by now: each joins with the one role it had, nobody is added twice.
    expectKept(before, await snapshot('after-old'), new Set(SOURCE.accounts.map((a) => a.email)));
    for (const account of SOURCE.accounts) {
      const user = await userByEmail(account.email);
      expect(membershipsOf(user).filter((m) => m.school === String(tranPhu.id))).toEqual([
        { school: String(tranPhu.id), role: ARCHIVED_ROLES.get(account.email) },
      ]);
      expect(user.platformRole ?? null).toBeNull();
    }
    expect(restored.stderr).toContain('được lưu thành media/anh-bia-2.jpg');
    expect(await sha256(path.join(ctx.cms.uploadsDir, 'documents', 'phieu-hoc-tap-gdcd-8-1.docx'))).toBe(
      source.manifest.entries.find((e) => e.path === `files/documents/${SOURCE.documentFile}`)!.sha256,
    );
  });

  it('a disk that fills up while the files go in leaves nothing of the new school, files included', async () => {
    const before = await snapshot('before-full');
    const diskBefore = await filesOnDisk();
    const failed = await restoreDirectly([archive, '--as-school', 'thcs-day-dia'], {
      preload: './tests/support/fail-file-links.mjs',
      env: { FAIL_LINKS_AFTER: '3' },
    });
    expect(failed.code, failed.stdout).toBe(1);
    expect(failed.stderr).toMatch(/Khôi phục thất bại, cơ sở dữ liệu được giữ nguyên như trước: ENOSPC/);
    expect(await schoolBySlug('thcs-day-dia')).toBeUndefined();
    expect((await snapshot('after-full')).manifest.entries, 'the whole install, byte for byte').toEqual(
      before.manifest.entries,
    );
    expect(await filesOnDisk(), 'the files on disk: not one more, not one less').toEqual(diskBefore);
    expect(
      await ctx.cms.payload.db.findOne({ collection: 'payload-kv', where: { key: { equals: AS_SCHOOL_MARKER_KEY } } }),
    ).toBeNull();
  });

  it('killed while writing: nothing is kept (SQLite) or the next run removes what was left (no transactions)', async () => {
    const big = await archiveWithManyTopics(archive, 1500);
    const before = await snapshot('before-killed');
    const killed = await restoreDirectly([big, '--as-school', 'thcs-bi-ngat'], { killWhen: /^ {2}schools: /m });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout, 'killed while writing').not.toMatch(/Đã khôi phục trường/);
    const marker = await ctx.cms.payload.db.findOne({
      collection: 'payload-kv',
      where: { key: { equals: AS_SCHOOL_MARKER_KEY } },
    });
    if (backend === 'sqlite') {
      // One transaction: rolled back. The files go in only just before the commit.
      expect(await schoolBySlug('thcs-bi-ngat')).toBeUndefined();
      expect((await snapshot('after-killed')).manifest.entries).toEqual(before.manifest.entries);
    } else {
      expect(marker, 'no transactions here: the marker says what the killed run wrote').not.toBeNull();
    }
    const again = await restore(big, '--as-school', 'thcs-bi-ngat');
    expect(again.code, again.stderr + again.stdout).toBe(0);
    if (backend !== 'sqlite')
      expect(again.stderr).toContain('Lần khôi phục trường «thcs-bi-ngat» trước đó bị ngắt giữa chừng');
    const { docs } = await ctx.cms.payload.find({ collection: 'schools', where: { slug: { equals: 'thcs-bi-ngat' } } });
    expect(docs).toHaveLength(1);
    const { totalDocs } = await ctx.cms.payload.count({
      collection: 'topics',
      where: { school: { equals: docs[0]!.id } },
    });
    expect(totalDocs, 'each topic once').toBe(source.manifest.collections.topics!.docs + 1500);
    expectKept(before, await snapshot('after-again'), new Set(SOURCE.accounts.map((a) => a.email)));
    for (const account of SOURCE.accounts) {
      const memberships = membershipsOf(await userByEmail(account.email));
      expect(
        memberships.filter((m) => m.school === String(docs[0]!.id)),
        account.email,
      ).toHaveLength(1);
    }
  });
});

/** The old release's column settings, unlike the archived school's, so neither passes for the other. */
const OLD_SETTINGS = {
  schoolName: 'Trường THCS Trần Phú',
  district: 'Phòng GDĐT quận Hoàn Kiếm',
  columnTitle: 'Chuyên mục Bình đẳng giới',
  reportingStartQuarter: '2023-Q1',
  minimumItemsPerQuarter: 1,
  countedCollections: ['articles', 'teaching-resources'],
};

/**
 * The archive as the release before schools wrote it: no schools, no
 * `school` on documents or versions, one `role` per account and no platform
 * roles, the settings in the `column-settings` global. Same format version.
 */
async function preSchoolsArchive(file: string, out: string): Promise<string> {
  const staging = path.join(dir, 'pre-schools-staging');
  const a = await readArchive(file, staging);
  const owned = new Set<string>(SCHOOL_OWNED_COLLECTIONS);
  a.json.delete('collections/schools.json');
  for (const [entry, value] of a.json) {
    const [kind, name] = entry.split('/') as [string, string];
    const slug = name.replace(/\.json$/, '');
    if (!owned.has(slug)) continue;
    if (kind === 'collections')
      a.json.set(
        entry,
        (value as Doc[]).map(({ school: _school, ...doc }) => doc),
      );
    if (kind === 'versions')
      a.json.set(
        entry,
        (value as Doc[]).map((v) => {
          const { school: _school, ...version } = v.version as Doc;
          return { ...v, version };
        }),
      );
  }
  a.json.set(
    'collections/users.json',
    (a.json.get('collections/users.json') as Doc[]).map(({ schools, platformRole: _platformRole, ...user }) => ({
      ...user,
      role: (schools as Doc[])[0]!.role,
    })),
  );
  a.json.set('globals/column-settings.json', OLD_SETTINGS);
  const { entries, format: _format, formatVersion: _version, ...body } = a.manifest;
  const { schools: _schools, ...collections } = body.collections;
  await writeArchive(
    out,
    [
      ...[...a.json].map(([entry, json]) => ({ path: entry, json })),
      ...entries.filter((e) => e.path.startsWith('files/')).map((e) => ({ path: e.path, file: a.files.get(e.path)! })),
    ],
    { ...body, collections, globals: ['column-settings'] },
  );
  await rm(staging, { recursive: true, force: true });
  return out;
}

/** The school's archive with `count` more topics, so a restore takes long enough to be killed halfway. */
async function archiveWithManyTopics(file: string, count: number): Promise<string> {
  const staging = path.join(dir, 'big-staging');
  const a = await readArchive(file, staging);
  const topics = a.json.get('collections/topics.json') as Doc[];
  let next = Math.max(...topics.map((t) => Number(t.id)));
  const now = new Date().toISOString();
  const extra = Array.from({ length: count }, (_, i) => ({
    ...topics[0],
    id: ++next,
    title: `Chủ đề thêm ${i}`,
    slug: `chu-de-them-${i}`,
    createdAt: now,
    updatedAt: now,
  }));
  a.json.set('collections/topics.json', [...topics, ...extra]);
  const { entries, format: _format, formatVersion: _version, ...body } = a.manifest;
  body.collections = { ...body.collections, topics: { docs: topics.length + count, versions: 0 } };
  const out = path.join(dir, 'big.tar.gz');
  await writeArchive(
    out,
    entries.map((e) =>
      e.path.startsWith('files/')
        ? { path: e.path, file: a.files.get(e.path)! }
        : { path: e.path, json: a.json.get(e.path) },
    ),
    body,
  );
  await rm(staging, { recursive: true, force: true });
  return out;
}
