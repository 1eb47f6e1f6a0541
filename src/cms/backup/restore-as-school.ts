import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload';

import { basePathsOverlap, defaultBasePath } from '../../domain/school-site';
import { SCHOOL_OWNED_COLLECTIONS } from '../../domain/school-upgrade';
import { isSlug } from '../../domain/slug';
import type { PlatformRole, Role } from '../../domain/vocabulary';
import { ColumnError } from '../../messages/column-error';
import { settings } from '../../settings';
import { ArchiveError, type Manifest, readArchive } from './archive';
import { AssignedIds, type Id, idsAfter, newRowId, withNewRowIds } from './relations';
import { type Content, contentOf, type Doc, insertDoc, insertVersion, NotEmptyError } from './restore';
import { type ArchivedSchool, archivedRole, archivedSchool, freeFileNames, withRenamedFiles } from './school-archive';
import { AS_SCHOOL_MARKER_KEY, backedUpCollections, RESTORE_MARKER_KEY, uploadedFileNames } from './scope';
import { FilePlacement, removeAbandonedStaging, removeIfEmpty, stagingDirFor } from './upload-folders';

export type AsSchoolResult = {
  manifest: Manifest;
  school: { id: Id; slug: string; name: string; basePath: string };
  /** Documents written: the school, the new accounts, the school's content, preferences and scheduled jobs. */
  docs: number;
  versions: number;
  files: number;
  accountsCreated: number;
  /** Archived accounts whose e-mail the target already had: kept, and made members of the new school. */
  accountsMerged: { email: string; role: Role | null }[];
  /** Platform roles the archive gave, which the restore does not carry over. */
  platformRolesDropped: { email: string; platformRole: PlatformRole }[];
  /** Upload files stored under another name because the target already had one by that name. */
  renamedFiles: { collection: string; from: string; to: string }[];
  /** References to documents that were not carried over (emptied). */
  dangling: string[];
  /** The slug of an earlier, interrupted run whose remains were removed first. */
  leftoverRemoved?: string;
};

/** Each carries `school`: its documents come along and get the new school (a school's closed quarters are its history). */
const OWNED = new Set<string>([...SCHOOL_OWNED_COLLECTIONS, 'quarter-records']);

/** What becomes of the archived documents of the collections no school owns. */
const INSTALL_WIDE: Record<string, string> = {
  schools: 'the archived school becomes the new school',
  users: 'new e-mails become accounts of the new school; known e-mails join it',
  'payload-preferences': 'the admin preferences of the accounts created',
  'payload-jobs': 'scheduled publications still to run',
  'payload-kv': "the old server's own state: not carried over",
  'self-reported-schools': "a district's list of schools on their own installs: not carried over",
  'mail-outbox': "the old install's mail, delivered or not: its links point at the old server; not carried over",
  'reminders-sent':
    "what the old install's reminder passes did, by its account ids: not carried over (this quarter's reminder may come once more)",
};

/** Stands for the school in an archive made before schools, whose documents name none. */
const PRE_SCHOOLS_SCHOOL = 'truong-trong-ban-sao-luu';

/** What a run without transactions records before writing, so that it can be undone, now or by the next run. */
type Undo = {
  slug: string;
  school: Id;
  users: Id[];
  preferences: Id[];
  jobs: Id[];
  files: { collection: string; name: string }[];
};

type Plan = {
  school: Doc & { id: Id };
  ids: AssignedIds;
  /** Per collection: documents and versions to write, references not yet moved. */
  writes: Map<string, { docs: Doc[]; versions: Doc[] }>;
  /** `account`: the target's account as stored, written back whole with one membership more. */
  merged: { id: Id; email: string; role: Role | null; account: Doc }[];
  platformRolesDropped: AsSchoolResult['platformRolesDropped'];
  files: { staged: string; collection: string; dir: string; name: string }[];
  renamedFiles: AsSchoolResult['renamedFiles'];
  undo: Undo;
};

/**
 * Loads one school's archive (a backup of its own install) into this
 * install as a new school with the slug given, leaving every other school
 * as it was:
 *
 * - every document gets a new id and the new school; references move with
 *   them (relations.ts), array rows get new ids;
 * - an account whose e-mail this install already has is neither duplicated
 *   nor changed, except that it becomes a member of the new school with its
 *   archived role; platform roles are never carried over;
 * - upload files go beside the other schools' files, never over one: a name
 *   that is taken is changed (`anh-1.jpg`) in the document too;
 * - all or nothing, as `restoreBackup`: one transaction where the database
 *   has them; without (a standalone MongoDB) what was written is removed on
 *   failure, and a marker lets the next run remove what a killed run left.
 */
export async function restoreAsSchool(
  payload: Payload,
  file: string,
  options: { slug: string; log?: (line: string) => void },
): Promise<AsSchoolResult> {
  const log = options.log ?? (() => {});
  const slug = options.slug;
  if (!isSlug(slug)) throw new ColumnError('RestoreAsSchoolSlugInvalid', { slug });
  const collections = backedUpCollections(payload.config);
  for (const collection of collections)
    if (!OWNED.has(collection.slug) && !(collection.slug in INSTALL_WIDE))
      throw new Error(
        `Collection "${collection.slug}": restore --as-school does not know whether it belongs to a school; say so in src/cms/backup/restore-as-school.ts.`,
      );
  const uploadDirs = new Map<string, string>(
    collections.filter((c) => c.upload).map((c) => [c.slug, c.upload.staticDir ?? '']),
  );
  const firstDir = [...uploadDirs.values()][0] ?? path.resolve('data', 'uploads', 'x');
  const uploadsRoot = path.dirname(firstDir);
  const staging = stagingDirFor(uploadsRoot, 'dang-khoi-phuc');
  const rootExisted = existsSync(uploadsRoot);

  await removeAbandonedStaging(staging);
  log('Đang kiểm tra bản sao lưu…');
  const archive = await readArchive(file, staging);
  try {
    const content = contentOf(
      archive.json,
      archive.manifest,
      collections.map((c) => c.slug),
    );
    for (const entry of archive.files.keys())
      if (!uploadDirs.has(entry.split('/')[1]!))
        throw new ArchiveError(`tệp ${entry} không thuộc nhóm tải lên nào của phiên bản này`);
    const school = archivedSchool(archive.json, archive.manifest);
    // A whole-install restore cut short: the database holds part of another install.
    if (await payload.db.findOne({ collection: 'payload-kv', where: { key: { equals: RESTORE_MARKER_KEY } } }))
      throw new NotEmptyError('RestoreInterrupted');
    const leftoverRemoved = await removeInterruptedRun(payload, collections, uploadDirs);

    const plan = await planRestore(payload, collections, {
      slug,
      school,
      content,
      uploadDirs,
      files: archive.files,
    });
    const req = await createLocalReq({}, payload);
    // SQLite (restore turns its transactions on) and MongoDB replica sets roll back; a standalone MongoDB cannot.
    const transactional = await initTransaction(req);
    const placement = new FilePlacement();
    const result: AsSchoolResult = {
      manifest: archive.manifest,
      school: { id: plan.school.id, slug, name: String(plan.school.name), basePath: String(plan.school.basePath) },
      docs: 0,
      versions: 0,
      files: plan.files.length,
      accountsCreated: plan.undo.users.length,
      accountsMerged: plan.merged.map(({ email, role }) => ({ email, role })),
      platformRolesDropped: plan.platformRolesDropped,
      renamedFiles: plan.renamedFiles,
      dangling: [],
      ...(leftoverRemoved ? { leftoverRemoved } : {}),
    };
    try {
      if (!transactional)
        await payload.db.create({
          collection: 'payload-kv',
          data: { key: AS_SCHOOL_MARKER_KEY, data: plan.undo },
          req,
          returning: false,
        });
      result.docs = await writeSchool(payload, collections, plan, req, log);
      result.versions = [...plan.writes.values()].reduce((n, w) => n + w.versions.length, 0);
      // The files go in last, just before the commit: a failure before them leaves no file to remove.
      for (const f of plan.files) await placement.place(f.staged, f.dir, f.name);
      if (transactional) await commitTransaction(req);
      else await payload.db.deleteMany({ collection: 'payload-kv', where: markerWhere, req });
      // Payload's SQLite commit swallows a failed COMMIT (it rolls back and returns): check what is really there.
      await assertKept(payload, plan);
    } catch (error) {
      if (transactional) await killTransaction(req).catch(() => undefined);
      await placement.undo().catch(() => undefined);
      // Without a transaction, undone by hand; if even that fails, the marker stays for the next run.
      if (!transactional) await removeSchool(payload, collections, plan.undo, uploadDirs).catch(() => undefined);
      throw error;
    }
    result.dangling = [...plan.ids.dangling];
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (!rootExisted) await removeIfEmpty(uploadsRoot);
  }
}

const markerWhere = { key: { equals: AS_SCHOOL_MARKER_KEY } };

/**
 * Every refusal, id, account decision and file name, before anything is
 * written: a refused restore writes nothing, and the ids are known up front
 * so references can be moved whatever the insert order.
 */
async function planRestore(
  payload: Payload,
  collections: SanitizedCollectionConfig[],
  input: {
    slug: string;
    school: ArchivedSchool;
    content: Content;
    uploadDirs: Map<string, string>;
    files: Map<string, string>;
  },
): Promise<Plan> {
  const { slug, school, content } = input;
  const schools = (await payload.db.find({ collection: 'schools', limit: 0, pagination: false })).docs as Doc[];
  if (schools.some((s) => s.slug === slug)) throw new ColumnError('RestoreSchoolExists', { slug });
  const basePath = defaultBasePath(slug, schools.length === 0, settings().SITE_BASE);
  const clash = schools.find((s) => typeof s.basePath === 'string' && basePathsOverlap(s.basePath, basePath));
  if (clash) throw new ColumnError('RestoreSchoolAddressTaken', { basePath, school: String(clash.name) });

  const target = payload.db.defaultIDType;
  const next = async (collection: string) =>
    idsAfter(target, target === 'number' ? await highestId(payload, collection) : 0);
  const ids = new AssignedIds();
  const now = new Date().toISOString();
  const schoolId = (await next('schools'))(now);
  const archivedSchoolKey = school.id ?? PRE_SCHOOLS_SCHOOL;
  ids.set('schools', archivedSchoolKey, schoolId);
  const docsOf = (collection: string) => content.get(collection as CollectionSlug) ?? { docs: [], versions: [] };
  const fieldsOf = (collection: string) => collections.find((c) => c.slug === collection)!.flattenedFields;

  const plan: Plan = {
    school: {
      createdAt: now,
      updatedAt: now,
      ...school.fields,
      id: schoolId,
      slug,
      basePath,
    },
    ids,
    writes: new Map(),
    merged: [],
    platformRolesDropped: [],
    files: [],
    renamedFiles: [],
    undo: { slug, school: schoolId, users: [], preferences: [], jobs: [], files: [] },
  };

  // Accounts: an e-mail the target knows stands for that account; any other becomes a new one.
  const archivedUsers = docsOf('users').docs;
  const emailOf = (doc: Doc) => String(doc.email ?? '').toLowerCase();
  const known = new Map(
    (
      (
        await payload.db.find({
          collection: 'users',
          limit: 0,
          pagination: false,
          where: { email: { in: archivedUsers.map(emailOf) } },
        })
      ).docs as Doc[]
    ).map((u) => [emailOf(u), u]),
  );
  const nextUser = await next('users');
  const created = new Set<string>();
  const users: Doc[] = [];
  for (const user of archivedUsers) {
    const role = archivedRole(user, school);
    if (typeof user.platformRole === 'string' && user.platformRole)
      plan.platformRolesDropped.push({ email: emailOf(user), platformRole: user.platformRole as PlatformRole });
    const existing = known.get(emailOf(user));
    if (existing) {
      ids.set('users', user.id, existing.id);
      plan.merged.push({ id: existing.id, email: emailOf(user), role, account: existing });
      continue;
    }
    const newId = nextUser(user.createdAt);
    ids.set('users', user.id, newId);
    created.add(String(user.id));
    plan.undo.users.push(newId);
    const { role: _oldRole, schools: _schools, platformRole: _platformRole, sessions: _sessions, ...account } = user;
    users.push(
      withNewRowIds(fieldsOf('users'), {
        ...account,
        schools: role ? [{ school: archivedSchoolKey, role }] : [],
        platformRole: null,
        // Signed-in sessions belong to the old server.
        sessions: [],
      }) as Doc,
    );
  }
  plan.writes.set('users', { docs: users, versions: [] });

  for (const collection of collections.filter((c) => OWNED.has(c.slug))) {
    const { docs, versions } = docsOf(collection.slug);
    const nextId = await next(collection.slug);
    for (const doc of docs) ids.set(collection.slug, doc.id, nextId(doc.createdAt));
    const renames = collection.upload
      ? await planFiles(payload, collection.slug, docs, input.uploadDirs.get(collection.slug)!, input.files, plan)
      : new Map<string, string>();
    const own = (data: Record<string, unknown>) =>
      withRenamedFiles(withNewRowIds(collection.flattenedFields, { ...data, school: archivedSchoolKey }), renames);
    plan.writes.set(collection.slug, {
      docs: docs.map((doc) => own(doc) as Doc),
      versions: versions.map((v) => ({ ...v, version: own(v.version as Record<string, unknown>) })),
    });
  }

  // Admin preferences of the accounts created (an existing account keeps its own).
  const preferences = docsOf('payload-preferences').docs.filter((p) => {
    const user = p.user as { value?: unknown } | Id | undefined;
    return created.has(String(typeof user === 'object' && user !== null ? user.value : user));
  });
  const nextPreference = await next('payload-preferences');
  for (const p of preferences) {
    const newId = nextPreference(p.createdAt);
    ids.set('payload-preferences', p.id, newId);
    plan.undo.preferences.push(newId);
  }
  plan.writes.set('payload-preferences', {
    docs: preferences.map((p) => withNewRowIds(fieldsOf('payload-preferences'), p) as Doc),
    versions: [],
  });

  // Scheduled publications of the school's documents that have not run yet; the old server's rebuilds are its own.
  const jobs = docsOf('payload-jobs').docs.filter((job) => {
    const input = job.input as { doc?: { relationTo?: string; value?: unknown } } | undefined;
    return (
      job.taskSlug === 'schedulePublish' &&
      !job.completedAt &&
      !job.hasError &&
      typeof input?.doc?.relationTo === 'string' &&
      ids.has(input.doc.relationTo, input.doc.value)
    );
  });
  const nextJob = await next('payload-jobs');
  for (const job of jobs) {
    const newId = nextJob(job.createdAt);
    ids.set('payload-jobs', job.id, newId);
    plan.undo.jobs.push(newId);
  }
  plan.writes.set('payload-jobs', {
    docs: jobs.map((job) => withNewRowIds(fieldsOf('payload-jobs'), job) as Doc),
    versions: [],
  });
  return plan;
}

/**
 * Names for one upload collection's files: each document's files keep their
 * names unless one is taken on disk or by a document of another school,
 * then all of that document's files are renamed together.
 */
async function planFiles(
  payload: Payload,
  collection: string,
  docs: Doc[],
  dir: string,
  staged: Map<string, string>,
  plan: Plan,
): Promise<Map<string, string>> {
  const taken = new Set<string>(existsSync(dir) ? await readdir(dir) : []);
  for (const doc of (await payload.db.find({ collection: collection as CollectionSlug, limit: 0, pagination: false }))
    .docs as Doc[])
    for (const name of uploadedFileNames(doc)) taken.add(name);
  const renames = new Map<string, string>();
  for (const doc of docs) {
    const names = uploadedFileNames(doc);
    const renamed = freeFileNames(names, taken);
    if (renamed.size > 0) plan.renamedFiles.push({ collection, from: names[0]!, to: renamed.get(names[0]!)! });
    for (const name of names) {
      const final = renamed.get(name) ?? name;
      renames.set(name, final);
      taken.add(final);
      const file = staged.get(`files/${collection}/${name}`);
      // A file the backup already reported missing stays missing.
      if (!file) continue;
      plan.files.push({ staged: file, collection, dir, name: final });
      plan.undo.files.push({ collection, name: final });
    }
  }
  for (const [from, to] of [...renames]) if (from === to) renames.delete(from);
  return renames;
}

/** Writes the planned documents in the backup's order (each after what it refers to); returns how many. */
async function writeSchool(
  payload: Payload,
  collections: SanitizedCollectionConfig[],
  plan: Plan,
  req: PayloadRequest,
  log: (line: string) => void,
): Promise<number> {
  let written = 0;
  for (const collection of collections) {
    if (collection.slug === 'schools') {
      const { id, ...data } = plan.school;
      await payload.db.create({ collection: 'schools', customID: id, data, req, returning: false });
      written += 1;
      log(`  schools: ${String(plan.school.name)} (${String(plan.school.slug)}, ${String(plan.school.basePath)})`);
      continue;
    }
    const { docs, versions } = plan.writes.get(collection.slug) ?? { docs: [], versions: [] };
    for (const doc of docs) await insertDoc(payload, collection, doc as Doc & { id: Id }, plan.ids, req);
    for (const version of versions)
      await insertVersion(payload, collection, version as Doc & { id: Id }, plan.ids, req);
    written += docs.length;
    if (collection.slug === 'users')
      for (const { account, role } of plan.merged.filter((m) => m.role)) {
        const schools = [...membershipsOf(account), { id: newRowId(), school: plan.school.id, role }];
        await rewriteAccount(payload, account, schools, req);
      }
    if (docs.length + versions.length > 0)
      log(`  ${collection.slug}: ${docs.length} mục, ${versions.length} phiên bản`);
  }
  return written;
}

async function assertKept(payload: Payload, plan: Plan) {
  const school = await payload.db.findOne({ collection: 'schools', where: { id: { equals: plan.school.id } } });
  if (!school) throw new ColumnError('RestoreNotKept', { collection: 'schools', count: 0, expected: 1 });
  for (const [collection, { docs }] of plan.writes) {
    if (!OWNED.has(collection)) continue;
    const { totalDocs } = await payload.db.count({
      collection: collection as CollectionSlug,
      where: { school: { equals: plan.school.id } },
    });
    if (totalDocs !== docs.length)
      throw new ColumnError('RestoreNotKept', { collection, count: totalDocs, expected: docs.length });
  }
}

/** The remains of a run that was killed on a database without transactions: removed, then the marker. */
async function removeInterruptedRun(
  payload: Payload,
  collections: SanitizedCollectionConfig[],
  uploadDirs: Map<string, string>,
): Promise<string | undefined> {
  const marker = await payload.db.findOne({ collection: 'payload-kv', where: markerWhere });
  if (!marker) return undefined;
  const undo = (marker as { data?: Undo }).data;
  if (undo) await removeSchool(payload, collections, undo, uploadDirs);
  else await payload.db.deleteMany({ collection: 'payload-kv', where: markerWhere });
  return undo?.slug ?? '?';
}

/**
 * Removes everything a run wrote, by what it recorded before writing: the
 * new school's documents and versions, the accounts it created, the
 * memberships it added to existing accounts, its preferences and jobs, its
 * files (those no remaining document names), then the marker.
 */
async function removeSchool(
  payload: Payload,
  collections: SanitizedCollectionConfig[],
  undo: Undo,
  uploadDirs: Map<string, string>,
) {
  const inIds = (list: Id[]) => ({ id: { in: list } });
  for (const collection of [...collections].reverse()) {
    const slug = collection.slug;
    if (OWNED.has(slug)) {
      if (collection.versions)
        await payload.db.deleteVersions({ collection: slug, where: { 'version.school': { equals: undo.school } } });
      await payload.db.deleteMany({ collection: slug, where: { school: { equals: undo.school } } });
    } else if (slug === 'payload-jobs' && undo.jobs.length > 0) {
      await payload.db.deleteMany({ collection: slug, where: inIds(undo.jobs) });
    } else if (slug === 'payload-preferences' && undo.preferences.length > 0) {
      await payload.db.deleteMany({ collection: slug, where: inIds(undo.preferences) });
    } else if (slug === 'users') {
      if (undo.users.length > 0) await payload.db.deleteMany({ collection: 'users', where: inIds(undo.users) });
      const members = (
        await payload.db.find({
          collection: 'users',
          limit: 0,
          pagination: false,
          where: { 'schools.school': { equals: undo.school } },
        })
      ).docs as Doc[];
      for (const member of members) {
        const schools = membershipsOf(member).filter((m) => String(idOf(m.school)) !== String(undo.school));
        await rewriteAccount(payload, member, schools);
      }
    } else if (slug === 'schools') {
      await payload.db.deleteMany({ collection: 'schools', where: { id: { equals: undo.school } } });
    }
  }
  for (const [collection, dir] of uploadDirs) {
    const planned = undo.files.filter((f) => f.collection === collection);
    if (planned.length === 0) continue;
    const used = new Set(
      (
        (await payload.db.find({ collection: collection as CollectionSlug, limit: 0, pagination: false })).docs as Doc[]
      ).flatMap(uploadedFileNames),
    );
    for (const { name } of planned) if (!used.has(name)) await rm(path.join(dir, name), { force: true });
  }
  await payload.db.deleteMany({ collection: 'payload-kv', where: markerWhere });
}

const membershipsOf = (account: Doc): Doc[] => (account.schools as Doc[] | undefined) ?? [];

/**
 * An existing account written back as it is stored, with other memberships:
 * the adapter rewrites a user's array rows on update, so every field is sent
 * (a partial update would sign the person out, dropping their sessions).
 */
async function rewriteAccount(payload: Payload, account: Doc, schools: Doc[], req?: PayloadRequest) {
  const { id, ...stored } = account;
  await payload.db.updateOne({ collection: 'users', id, data: { ...stored, schools }, req, returning: false });
}

const idOf = (ref: unknown): unknown =>
  typeof ref === 'object' && ref !== null && 'id' in ref ? (ref as { id: unknown }).id : ref;

async function highestId(payload: Payload, collection: string): Promise<number> {
  const { docs } = await payload.db.find({ collection: collection as CollectionSlug, sort: '-id', limit: 1 });
  const id = docs[0]?.id;
  return typeof id === 'number' ? id : 0;
}
