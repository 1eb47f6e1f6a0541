import { GRAPHQL_POST as graphqlPost } from '@payloadcms/next/routes';
import type { CollectionSlug, DefaultDocumentIDType, Payload, TypedUser } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderMessage } from '../../src/messages/catalogue';
import type { School } from '../../src/payload-types';
import { SKIP_SITE_REBUILD } from '../../src/cms/site-build/hooks';
import { sampleDocument } from '../../src/seed/demo-files';
import { toLexical, uploadNode } from '../../src/seed/lexical';
import { backend, backendLabel, standInLimits, startTestCms, type TestCms } from '../support/cms';
import { EDITORIAL, type EditorialSlug, minimalData } from '../support/fixtures';
import { restCall, restLogin } from '../support/rest';

/**
 * Two schools, A and B, on one install: what each role may do in its own
 * school and in the other, through the Local API with overrideAccess: false
 * (the rules REST and GraphQL apply), then samples through REST and GraphQL.
 * The expectations are docs/ACCESS.md's, written out per collection below.
 */

type Role = 'anonymous' | 'contributorA' | 'editorA' | 'adminA' | 'officer' | 'platformAdmin';
const ROLES: Role[] = ['anonymous', 'contributorA', 'editorA', 'adminA', 'officer', 'platformAdmin'];
type Target = 'A' | 'B';
type Id = DefaultDocumentIDType;

/**
 * One row of a table: ✓ or — per role, in the order of ROLES (anonymous,
 * contributor of A, editor of A, admin of A, district officer, platform admin).
 */
type Row = Partial<Record<Target, string>>;
type Table = Record<string, Row>;

function parseRow(cells: string): Record<Role, boolean> {
  const marks = cells.trim().split(/\s+/);
  if (marks.length !== ROLES.length || marks.some((m) => m !== '✓' && m !== '—'))
    throw new Error(`a row needs ${ROLES.length} cells of ✓ or —: "${cells}"`);
  return Object.fromEntries(ROLES.map((role, i) => [role, marks[i] === '✓'])) as Record<Role, boolean>;
}

// prettier-ignore
const EDITORIAL_TABLE: Table = {
  //                              anon contrib editor admin officer platform
  'read published':         { A: '✓    ✓       ✓      ✓     ✓       ✓', B: '✓    ✓       ✓      ✓     ✓       ✓' },
  // Someone else's draft (the school's editor wrote it): a contributor reads only their own.
  'read a draft':           { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'list drafts':            { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'read versions':          { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'read scheduled':         { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'create a draft':         { A: '—    ✓       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  "update another's draft": { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  publish:                  { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  delete:                   { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  // Setting `school` to the other school: A's document into B, B's into A.
  'move to the other school': { A: '—  —       —      —     —       ✓', B: '—    —       —      —     —       ✓' },
};

// prettier-ignore
const TOPICS_TABLE: Table = {
  //                              anon contrib editor admin officer platform
  read:                     { A: '✓    ✓       ✓      ✓     ✓       ✓', B: '✓    ✓       ✓      ✓     ✓       ✓' },
  create:                   { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  update:                   { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  delete:                   { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'move to the other school': { A: '—  —       —      —     —       ✓', B: '—    —       —      —     —       ✓' },
};

// prettier-ignore
const FILES_TABLE: Table = {
  //                              anon contrib editor admin officer platform
  read:                     { A: '✓    ✓       ✓      ✓     ✓       ✓', B: '✓    ✓       ✓      ✓     ✓       ✓' },
  upload:                   { A: '—    ✓       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  // A file the school's editor uploaded: a contributor changes only their own.
  "update another's file":  { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  "delete another's file":  { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'move to the other school': { A: '—  —       —      —     —       ✓', B: '—    —       —      —     —       ✓' },
};

// prettier-ignore
const USERS_TABLE: Table = {
  //                              anon contrib editor admin officer platform
  // A member of the school who is not the actor.
  'read a member':          { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'list members':           { A: '—    —       ✓      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'create a member':        { A: '—    —       —      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  "update a member's name": { A: '—    —       —      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  'delete a member':        { A: '—    —       —      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
};

// prettier-ignore
const SCHOOLS_TABLE: Table = {
  //                              anon contrib editor admin officer platform
  // Name, address and column policy are public: readers' sites and the coverage page need them.
  read:                     { A: '✓    ✓       ✓      ✓     ✓       ✓', B: '✓    ✓       ✓      ✓     ✓       ✓' },
  'change column settings': { A: '—    —       —      ✓     —       ✓', B: '—    —       —      —     —       ✓' },
  rename:                   { A: '—    —       —      —     —       ✓', B: '—    —       —      —     —       ✓' },
  delete:                   { A: '—    —       —      —     —       —', B: '—    —       —      —     —       —' },
  // Not a school's: A only labels the row.
  'create a school':        { A: '—    —       —      —     —       ✓' },
};

// ── The install: two schools and their people ──────────────────────────────

type World = {
  cms: TestCms;
  payload: Payload;
  schools: Record<Target, School>;
  actors: Record<Exclude<Role, 'anonymous'>, TypedUser>;
  /** A second platform admin: the one who may change the first one's grants. */
  otherPlatformAdmin: TypedUser;
  editorOf: Record<Target, TypedUser>;
  adminB: TypedUser;
};
const world = {} as World;
const PASSWORD = 'mat-khau-thu-nghiem-1';
const SKIP = { [SKIP_SITE_REBUILD]: true };
let counter = 0;
const unique = (label: string) => `${label}-${++counter}`;

const other = (t: Target): Target => (t === 'A' ? 'B' : 'A');
const schoolId = (t: Target) => world.schools[t].id;
const userOf = (role: Role): TypedUser | undefined => (role === 'anonymous' ? undefined : world.actors[role]);
const asUser = (doc: object) => ({ ...doc, collection: 'users' }) as TypedUser;
/** A new school: its name and slug; the rest is the collection's defaults, written out for the generated types. */
const schoolData = (name: string, slug: string) => ({
  name,
  slug,
  columnTitle: 'Bình đẳng giới',
  reportingStartQuarter: '2022-Q1',
  minimumItemsPerQuarter: 1,
  countedCollections: ['articles' as const],
});

async function makeUser(data: {
  label: string;
  schools?: { school: Id; role: 'contributor' | 'editor' | 'admin' }[];
  platformRole?: 'platform-admin' | 'district-officer';
}): Promise<TypedUser> {
  const doc = await world.payload.create({
    collection: 'users',
    data: {
      email: `${unique(data.label)}@truong.test`,
      password: PASSWORD,
      name: `Thử ${data.label}`,
      schools: data.schools ?? [],
      ...(data.platformRole ? { platformRole: data.platformRole } : {}),
    },
    depth: 0,
  });
  return asUser(doc);
}

beforeAll(async () => {
  world.cms = await startTestCms();
  world.payload = world.cms.payload;
  const payload = world.payload;
  // Schools first: the first account would otherwise make a default school.
  const a = await payload.create({ collection: 'schools', data: schoolData('Trường THCS A', 'thcs-a') });
  const b = await payload.create({ collection: 'schools', data: schoolData('Trường THCS B', 'thcs-b') });
  world.schools = { A: a, B: b };
  // The first account becomes a platform admin (and admin of the first school, by design):
  // that is our platform admin, with its membership taken away so that it acts by its platform role alone.
  const first = await makeUser({ label: 'platform-admin' });
  expect(first.platformRole, 'the first account is a platform admin').toBe('platform-admin');
  const platformAdmin = asUser(
    await payload.update({ collection: 'users', id: first.id, data: { schools: [] }, depth: 0 }),
  );
  const inA = (role: 'contributor' | 'editor' | 'admin') => [{ school: a.id, role }];
  world.actors = {
    platformAdmin,
    contributorA: await makeUser({ label: 'contributor-a', schools: inA('contributor') }),
    editorA: await makeUser({ label: 'editor-a', schools: inA('editor') }),
    adminA: await makeUser({ label: 'admin-a', schools: inA('admin') }),
    officer: await makeUser({ label: 'district-officer', platformRole: 'district-officer' }),
  };
  world.otherPlatformAdmin = await makeUser({ label: 'platform-admin-2', platformRole: 'platform-admin' });
  world.editorOf = {
    A: world.actors.editorA,
    B: await makeUser({ label: 'editor-b', schools: [{ school: b.id, role: 'editor' }] }),
  };
  world.adminB = await makeUser({ label: 'admin-b', schools: [{ school: b.id, role: 'admin' }] });
});
afterAll(async () => world.cms?.stop());

// ── Fixtures, written past access (as the school's editor) ─────────────────

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

async function editorialDoc(c: EditorialSlug, t: Target, state: 'draft' | 'published' | 'scheduled') {
  return world.payload.create({
    collection: c,
    data: {
      ...minimalData[c],
      title: unique(`${minimalData[c].title} ${t}`),
      school: schoolId(t),
      _status: state === 'draft' ? 'draft' : 'published',
      ...(state === 'scheduled' ? { publishedAt: tomorrow() } : {}),
    },
    draft: state === 'draft',
    user: world.editorOf[t],
    depth: 0,
    context: SKIP,
  });
}

const topicDoc = (t: Target) =>
  world.payload.create({
    collection: 'topics',
    data: { title: unique(`Chủ đề ${t}`), school: schoolId(t) },
    user: world.editorOf[t],
    depth: 0,
    context: SKIP,
  });

type FileSlug = 'media' | 'documents';
let png: Buffer | undefined;
let pdf: { filename: string; data: Buffer } | undefined;

async function fileFor(c: FileSlug) {
  if (c === 'media') {
    png ??= await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7b2d8b' } })
      .png()
      .toBuffer();
    return { data: png, name: `${unique('anh')}.png`, mimetype: 'image/png', size: png.length };
  }
  pdf ??= await sampleDocument('pdf');
  return { data: pdf.data, name: `${unique('tai-lieu')}.pdf`, mimetype: 'application/pdf', size: pdf.data.length };
}

const fileData = (c: FileSlug, t: Target) =>
  c === 'media' ? { alt: `Ảnh của trường ${t}` } : { title: `Tài liệu của trường ${t}` };

async function fileDoc(c: FileSlug, t: Target) {
  return world.payload.create({
    collection: c,
    data: { ...fileData(c, t), school: schoolId(t) },
    file: await fileFor(c),
    user: world.editorOf[t],
    depth: 0,
    context: SKIP,
  });
}

/** A member of school `t` who is none of the actors. */
const memberOf = (t: Target) =>
  makeUser({ label: `member-${t}`, schools: [{ school: schoolId(t), role: 'contributor' }] });

// ── Running an operation ───────────────────────────────────────────────────

/** Runs an attempt; a refusal (401, 403, 404) is not an error but an answer. */
async function attempt(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403 || status === 404) return undefined;
    throw error;
  }
}

/** Read attempts: allowed when the document came back. */
async function readBack(run: () => Promise<unknown>, id: Id): Promise<boolean> {
  const result = (await attempt(run)) as { id?: Id; docs?: { id: Id }[] } | null | undefined;
  if (!result) return false;
  if (Array.isArray(result.docs)) return result.docs.some((d) => String(d.id) === String(id));
  return String(result.id) === String(id);
}

const stored = <T>(collection: CollectionSlug, id: Id, draft = false) =>
  world.payload
    .find({ collection, where: { id: { equals: id } }, draft, depth: 0, limit: 1, pagination: false })
    .then((r) => r.docs[0] as T | undefined);

const schoolOf = (doc: unknown): Id | undefined => {
  const school = (doc as { school?: Id | { id: Id } | null } | undefined)?.school ?? undefined;
  return typeof school === 'object' ? school.id : school;
};

/** Each operation returns whether it happened, read back from the database past access. */
type Operation = (collection: CollectionSlug, role: Role, target: Target) => Promise<boolean>;
const as = (role: Role) => ({ overrideAccess: false, user: userOf(role) }) as const;

const editorialOps: Record<string, Operation> = {
  'read published': async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'published');
    return readBack(() => world.payload.findByID({ collection: c, id: doc.id, ...as(role) }), doc.id);
  },
  'read a draft': async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'draft');
    return readBack(() => world.payload.findByID({ collection: c, id: doc.id, draft: true, ...as(role) }), doc.id);
  },
  'list drafts': async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'draft');
    const where = { school: { equals: schoolId(t) }, _status: { equals: 'draft' } };
    return readBack(() => world.payload.find({ collection: c, where, draft: true, limit: 0, ...as(role) }), doc.id);
  },
  'read versions': async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'draft');
    const result = (await attempt(() =>
      world.payload.findVersions({
        collection: c as EditorialSlug,
        where: { parent: { equals: doc.id } },
        ...as(role),
      }),
    )) as { docs: unknown[] } | undefined;
    return (result?.docs.length ?? 0) > 0;
  },
  'read scheduled': async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'scheduled');
    return readBack(() => world.payload.findByID({ collection: c, id: doc.id, ...as(role) }), doc.id);
  },
  'create a draft': async (c, role, t) => {
    const title = unique('Bản nháp mới');
    await attempt(() =>
      world.payload.create({
        collection: c as EditorialSlug,
        data: { ...minimalData[c as EditorialSlug], title, school: schoolId(t) },
        draft: true,
        ...as(role),
      }),
    );
    const { docs } = await world.payload.find({ collection: c, where: { title: { equals: title } }, draft: true });
    return docs.some((d) => String(schoolOf(d)) === String(schoolId(t)));
  },
  "update another's draft": async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'draft');
    await attempt(() =>
      world.payload.update({ collection: c, id: doc.id, data: { title: 'Đã sửa' }, draft: true, ...as(role) }),
    );
    return (await stored<{ title: string }>(c, doc.id, true))?.title === 'Đã sửa';
  },
  publish: async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'draft');
    await attempt(() =>
      world.payload.update({ collection: c, id: doc.id, data: { _status: 'published' }, ...as(role) }),
    );
    return (await stored<{ _status: string }>(c, doc.id))?._status === 'published';
  },
  delete: async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'published');
    await attempt(() => world.payload.delete({ collection: c, id: doc.id, ...as(role) }));
    return (await stored(c, doc.id)) === undefined;
  },
  'move to the other school': async (c, role, t) => {
    const doc = await editorialDoc(c as EditorialSlug, t, 'draft');
    return moved(c, doc.id, role, t, true);
  },
};

/** Sets `school` to the other school; a refusal or a silently kept school both leave it where it was. */
async function moved(c: CollectionSlug, id: Id, role: Role, from: Target, draft = false): Promise<boolean> {
  await attempt(() =>
    world.payload.update({ collection: c, id, data: { school: schoolId(other(from)) }, draft, ...as(role) }),
  );
  const now = schoolOf(await stored(c, id, draft));
  expect([String(schoolId('A')), String(schoolId('B'))], 'a document is always in one of the schools').toContain(
    String(now),
  );
  return String(now) === String(schoolId(other(from)));
}

const topicOps: Record<string, Operation> = {
  read: async (c, role, t) => {
    const doc = await topicDoc(t);
    return readBack(() => world.payload.findByID({ collection: c, id: doc.id, ...as(role) }), doc.id);
  },
  create: async (c, role, t) => {
    const title = unique('Chủ đề mới');
    await attempt(() =>
      world.payload.create({ collection: 'topics', data: { title, school: schoolId(t) }, ...as(role) }),
    );
    const { docs } = await world.payload.find({ collection: c, where: { title: { equals: title } } });
    return docs.some((d) => String(schoolOf(d)) === String(schoolId(t)));
  },
  update: async (c, role, t) => {
    const doc = await topicDoc(t);
    await attempt(() => world.payload.update({ collection: c, id: doc.id, data: { title: 'Đã sửa' }, ...as(role) }));
    return (await stored<{ title: string }>(c, doc.id))?.title === 'Đã sửa';
  },
  delete: async (c, role, t) => {
    const doc = await topicDoc(t);
    await attempt(() => world.payload.delete({ collection: c, id: doc.id, ...as(role) }));
    return (await stored(c, doc.id)) === undefined;
  },
  'move to the other school': async (c, role, t) => moved(c, (await topicDoc(t)).id, role, t),
};

const fileOps: Record<string, Operation> = {
  read: async (c, role, t) => {
    const doc = await fileDoc(c as FileSlug, t);
    return readBack(() => world.payload.findByID({ collection: c, id: doc.id, ...as(role) }), doc.id);
  },
  upload: async (c, role, t) => {
    const file = await fileFor(c as FileSlug);
    await attempt(async () =>
      world.payload.create({
        collection: c as FileSlug,
        data: { ...fileData(c as FileSlug, t), school: schoolId(t) } as never,
        file,
        ...as(role),
      }),
    );
    const { docs } = await world.payload.find({ collection: c, where: { filename: { equals: file.name } } });
    return docs.some((d) => String(schoolOf(d)) === String(schoolId(t)));
  },
  "update another's file": async (c, role, t) => {
    const doc = await fileDoc(c as FileSlug, t);
    const field = c === 'media' ? 'alt' : 'title';
    await attempt(() => world.payload.update({ collection: c, id: doc.id, data: { [field]: 'Đã sửa' }, ...as(role) }));
    return (await stored<Record<string, unknown>>(c, doc.id))?.[field] === 'Đã sửa';
  },
  "delete another's file": async (c, role, t) => {
    const doc = await fileDoc(c as FileSlug, t);
    await attempt(() => world.payload.delete({ collection: c, id: doc.id, ...as(role) }));
    return (await stored(c, doc.id)) === undefined;
  },
  'move to the other school': async (c, role, t) => moved(c, (await fileDoc(c as FileSlug, t)).id, role, t),
};

const userOps: Record<string, Operation> = {
  'read a member': async (_c, role, t) => {
    const member = await memberOf(t);
    return readBack(() => world.payload.findByID({ collection: 'users', id: member.id, ...as(role) }), member.id);
  },
  'list members': async (_c, role, t) => {
    const member = await memberOf(t);
    const where = { 'schools.school': { equals: schoolId(t) } };
    return readBack(() => world.payload.find({ collection: 'users', where, limit: 0, ...as(role) }), member.id);
  },
  'create a member': async (_c, role, t) => {
    const email = `${unique('moi')}@truong.test`;
    await attempt(() =>
      world.payload
        .create({
          collection: 'users',
          data: { email, password: PASSWORD, name: 'Mới', schools: [{ school: schoolId(t), role: 'contributor' }] },
          ...as(role),
        })
        .catch((error: unknown) => {
          // The membership guard's refusal (another school's row) is a refusal too.
          if ((error as { name?: string }).name === 'ValidationError') return undefined;
          throw error;
        }),
    );
    return (await world.payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs === 1;
  },
  "update a member's name": async (_c, role, t) => {
    const member = await memberOf(t);
    await attempt(() =>
      world.payload.update({ collection: 'users', id: member.id, data: { name: 'Đã sửa' }, ...as(role) }),
    );
    return (await stored<{ name: string }>('users', member.id))?.name === 'Đã sửa';
  },
  'delete a member': async (_c, role, t) => {
    const member = await memberOf(t);
    await attempt(() => world.payload.delete({ collection: 'users', id: member.id, ...as(role) }));
    return (await stored('users', member.id)) === undefined;
  },
};

const schoolOps: Record<string, Operation> = {
  read: async (_c, role, t) =>
    readBack(() => world.payload.findByID({ collection: 'schools', id: schoolId(t), ...as(role) }), schoolId(t)),
  'change column settings': async (_c, role, t) => {
    const columnTitle = unique('Bình đẳng giới');
    await attempt(() =>
      world.payload.update({
        collection: 'schools',
        id: schoolId(t),
        data: { columnTitle },
        context: SKIP,
        ...as(role),
      }),
    );
    return (await stored<School>('schools', schoolId(t)))?.columnTitle === columnTitle;
  },
  rename: async (_c, role, t) => {
    const before = (await stored<School>('schools', schoolId(t)))!.name;
    const name = unique('Trường đổi tên');
    await attempt(() =>
      world.payload.update({ collection: 'schools', id: schoolId(t), data: { name }, context: SKIP, ...as(role) }),
    );
    const renamed = (await stored<School>('schools', schoolId(t)))?.name === name;
    if (renamed)
      await world.payload.update({ collection: 'schools', id: schoolId(t), data: { name: before }, context: SKIP });
    return renamed;
  },
  delete: async (_c, role, t) => {
    await attempt(() => world.payload.delete({ collection: 'schools', id: schoolId(t), ...as(role) }));
    return (await stored('schools', schoolId(t))) === undefined;
  },
  'create a school': async (_c, role) => {
    const slug = unique('thcs-moi');
    await attempt(() =>
      world.payload.create({
        collection: 'schools',
        data: schoolData(`Trường ${slug}`, slug),
        context: SKIP,
        ...as(role),
      }),
    );
    return (await world.payload.count({ collection: 'schools', where: { slug: { equals: slug } } })).totalDocs === 1;
  },
};

/**
 * Cells where the install does not keep docs/ACCESS.md yet. They run as
 * `it.fails` under a "KNOWN GAP" name: reported, never counted as kept, and
 * the day the install keeps the cell the test turns red and the entry goes.
 */
const KNOWN_GAPS: {
  collections: readonly CollectionSlug[];
  operations: string[];
  target: Target;
  roles: Role[];
  reason: string;
}[] = [];

const knownGap = (collection: CollectionSlug, operation: string, target: Target, role: Role) =>
  KNOWN_GAPS.find(
    (g) =>
      g.collections.includes(collection) &&
      g.operations.includes(operation) &&
      g.target === target &&
      g.roles.includes(role),
  )?.reason;

const MATRIX: { collections: readonly CollectionSlug[]; table: Table; ops: Record<string, Operation> }[] = [
  { collections: EDITORIAL, table: EDITORIAL_TABLE, ops: editorialOps },
  { collections: ['topics'], table: TOPICS_TABLE, ops: topicOps },
  { collections: ['media', 'documents'], table: FILES_TABLE, ops: fileOps },
  { collections: ['users'], table: USERS_TABLE, ops: userOps },
  { collections: ['schools'], table: SCHOOLS_TABLE, ops: schoolOps },
];

describe(`two schools, Local API with overrideAccess: false, on ${backendLabel[backend]}`, () => {
  for (const { collections, table, ops } of MATRIX) {
    for (const collection of collections) {
      describe(collection, () => {
        for (const [operation, row] of Object.entries(table)) {
          for (const [target, cells] of Object.entries(row) as [Target, string][]) {
            const expected = parseRow(cells);
            for (const role of ROLES) {
              const verb = expected[role] ? 'may' : 'may not';
              const where = operation === 'create a school' ? '' : ` (in ${target})`;
              const name = `${role} ${verb} ${operation}${where}`;
              const check = async () => {
                expect(await ops[operation]!(collection, role, target)).toBe(expected[role]);
              };
              const gap = knownGap(collection, operation, target, role);
              if (gap) it.fails(`KNOWN GAP: ${name}: ${gap}`, check);
              else it(name, check);
            }
          }
        }
      });
    }
  }
});

// ── Links between schools ──────────────────────────────────────────────────

/** The message of the ValidationError a write was refused with; fails the test on any other outcome. */
async function validationMessage(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e as Error & { status?: number; data?: { errors?: { message: string }[] } },
  );
  expect(error, 'the write must be refused').toBeDefined();
  expect(error!.name, error!.message).toBe('ValidationError');
  expect(error!.status).toBe(400);
  return error!.data?.errors?.[0]?.message ?? error!.message;
}

const linkRefusal = (field: string) => renderMessage('SchoolLinkOtherSchool', { field }).text;
const membershipRefusal = (name: 'MembershipSelf' | 'MembershipOtherSchool') => renderMessage(name).text;

/** Each link a school's document may carry, to the given school's files and topics; `field` is its label. */
type Link = { collection: EditorialSlug; field: string; data: (t: Target) => Promise<Record<string, unknown>> };
const LINKS: Record<string, Link> = {
  "an article's cover": {
    collection: 'articles',
    field: 'Ảnh bìa',
    data: async (t) => ({ cover: (await fileDoc('media', t)).id }),
  },
  "an article's topics": {
    collection: 'articles',
    field: 'Chủ đề',
    data: async (t) => ({ topics: [(await topicDoc(t)).id] }),
  },
  "an image (Lexical upload node) in an article's body": {
    collection: 'articles',
    field: 'Nội dung',
    data: async (t) => ({
      body: toLexical(['Đoạn mở đầu.', 'Đoạn sau ảnh.'], { afterFirst: uploadNode((await fileDoc('media', t)).id) }),
    }),
  },
  "a model story's photos": {
    collection: 'model-stories',
    field: 'Ảnh',
    data: async (t) => ({ photos: [(await fileDoc('media', t)).id] }),
  },
  "a teaching resource's files": {
    collection: 'teaching-resources',
    field: 'Tệp đính kèm',
    data: async (t) => ({ files: [(await fileDoc('documents', t)).id] }),
  },
};

/** Everyone who may write in A; nobody of them links A's documents to B's files or topics. */
const WRITERS_IN_A: Role[] = ['contributorA', 'editorA', 'adminA', 'platformAdmin'];

describe(`no links between schools, on ${backendLabel[backend]}`, () => {
  for (const [name, link] of Object.entries(LINKS)) {
    for (const role of WRITERS_IN_A) {
      it(`${role}: ${name} may be A's own, never B's (create and update)`, async () => {
        const base = { ...minimalData[link.collection], school: schoolId('A') };
        const own = await world.payload.create({
          collection: link.collection,
          data: { ...base, ...(await link.data('A')) },
          draft: true,
          ...as(role),
        });
        expect(String(schoolOf(own))).toBe(String(schoolId('A')));

        const foreign = await link.data('B');
        const title = unique('Liên kết sang trường khác');
        expect(
          await validationMessage(() =>
            world.payload.create({
              collection: link.collection,
              data: { ...base, ...foreign, title },
              draft: true,
              ...as(role),
            }),
          ),
        ).toBe(linkRefusal(link.field));
        const kept = await world.payload.count({ collection: link.collection, where: { title: { equals: title } } });
        expect(kept.totalDocs, 'nothing stored').toBe(0);

        expect(
          await validationMessage(() =>
            world.payload.update({ collection: link.collection, id: own.id, data: foreign, draft: true, ...as(role) }),
          ),
        ).toBe(linkRefusal(link.field));
      });
    }
  }

  it("a platform admin's move takes no link along: A's article with A's cover is not moved into B", async () => {
    const article = await world.payload.create({
      collection: 'articles',
      data: { ...minimalData.articles, school: schoolId('A'), cover: (await fileDoc('media', 'A')).id },
      draft: true,
      user: world.editorOf.A,
      context: SKIP,
    });
    expect(
      await validationMessage(() =>
        world.payload.update({
          collection: 'articles',
          id: article.id,
          data: { school: schoolId('B') },
          draft: true,
          ...as('platformAdmin'),
        }),
      ),
    ).toBe(linkRefusal('Ảnh bìa'));
    expect(String(schoolOf(await stored('articles', article.id, true)))).toBe(String(schoolId('A')));
  });

  for (const [label, author] of [
    ["B's editor", () => world.editorOf.B],
    ['the district officer', () => world.actors.officer],
    ['a platform admin who is no member', () => world.actors.platformAdmin],
  ] as const) {
    it(`${label} is refused as an author of A's article, for every writer`, async () => {
      for (const role of WRITERS_IN_A) {
        const message = await validationMessage(() =>
          world.payload.create({
            collection: 'articles',
            data: { ...minimalData.articles, school: schoolId('A'), authors: [author().id] },
            draft: true,
            ...as(role),
          }),
        );
        expect(message, role).toBe(renderMessage('SchoolAuthorNotMember', { name: author().name as string }).text);
      }
      const ok = await world.payload.create({
        collection: 'articles',
        data: { ...minimalData.articles, school: schoolId('A'), authors: [world.editorOf.A.id] },
        draft: true,
        ...as('editorA'),
      });
      expect(ok.authors).toHaveLength(1);
    });
  }
});

// ── REST and GraphQL samples ───────────────────────────────────────────────

describe(`two schools through REST and GraphQL, on ${backendLabel[backend]}`, () => {
  const rest = (method: string, url: string, options: { token?: string; body?: unknown } = {}) =>
    restCall(world.cms.config, method, url, options);
  let editorA: string;
  beforeAll(async () => {
    editorA = await restLogin(world.cms.config, world.actors.editorA.email as string, PASSWORD);
  });

  it("an editor of A cannot GET B's draft by id, PATCH B's article, or list B's drafts", async () => {
    const draft = await editorialDoc('articles', 'B', 'draft');
    const published = await editorialDoc('articles', 'B', 'published');
    const byId = await rest('GET', `/articles/${draft.id}?draft=true`, { token: editorA });
    expect([403, 404]).toContain(byId.status);
    expect(byId.json.id).toBeUndefined();

    for (const doc of [draft, published]) {
      const patch = await rest('PATCH', `/articles/${doc.id}?draft=true`, {
        token: editorA,
        body: { title: 'Sửa trộm' },
      });
      expect([403, 404]).toContain(patch.status);
      expect((await stored<{ title: string }>('articles', doc.id, true))?.title).toBe(doc.title);
    }

    const list = await rest('GET', '/articles?draft=true&limit=100&where[school.slug][equals]=thcs-b', {
      token: editorA,
    });
    expect(list.status).toBe(200);
    const ids = list.json.docs.map((d: { id: Id }) => String(d.id));
    expect(ids).not.toContain(String(draft.id));
    expect(list.json.docs.every((d: { _status: string }) => d._status === 'published')).toBe(true);
  });

  it("anonymous lists of one school's articles hold only that school's published, due ones", async () => {
    const docs = {
      published: await editorialDoc('articles', 'A', 'published'),
      draft: await editorialDoc('articles', 'A', 'draft'),
      scheduled: await editorialDoc('articles', 'A', 'scheduled'),
      otherSchool: await editorialDoc('articles', 'B', 'published'),
    };
    for (const query of ['', '&draft=true']) {
      const list = await rest('GET', `/articles?limit=1000&depth=0&where[school.slug][equals]=thcs-a${query}`);
      expect(list.status).toBe(200);
      const ids = list.json.docs.map((d: { id: Id }) => String(d.id));
      expect(ids).toContain(String(docs.published.id));
      for (const hidden of [docs.draft, docs.scheduled, docs.otherSchool]) expect(ids).not.toContain(String(hidden.id));
      for (const doc of list.json.docs as { school: Id; _status: string; publishedAt: string }[]) {
        expect(String(doc.school)).toBe(String(schoolId('A')));
        expect(doc._status).toBe('published');
        expect(Date.parse(doc.publishedAt)).toBeLessThanOrEqual(Date.now());
      }
    }
  });

  it("GraphQL: an editor of A gets nothing of B's draft, by id or in a list", async () => {
    const draft = await editorialDoc('articles', 'B', 'draft');
    const post = graphqlPost(Promise.resolve(world.cms.config));
    const query = async (q: string) => {
      const response = await post(
        new Request('http://localhost:3000/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${editorA}` },
          body: JSON.stringify({ query: q }),
        }),
      );
      return (await response.json()) as { data?: Record<string, any> | null; errors?: { message: string }[] };
    };
    const me = await query('{ meUser { user { email } } }');
    expect(me.data?.meUser?.user?.email, 'the query runs as the editor of A').toBe(world.actors.editorA.email);

    const byId = await query(`{ Article(id: ${JSON.stringify(draft.id)}, draft: true) { id title } }`);
    expect(byId.data?.Article ?? null).toBeNull();
    expect(JSON.stringify(byId)).not.toContain(draft.title);

    const list = await query(
      `{ Articles(draft: true, limit: 100, where: { school: { equals: ${JSON.stringify(schoolId('B'))} } }) { docs { id title _status } } }`,
    );
    const docs = (list.data?.Articles?.docs ?? []) as { id: Id; _status: string }[];
    expect(docs.map((d) => String(d.id))).not.toContain(String(draft.id));
    expect(docs.every((d) => d._status === 'published')).toBe(true);
  });
});

// ── Slugs per school ───────────────────────────────────────────────────────

describe(`slugs are unique per school, on ${backendLabel[backend]}`, () => {
  const SLUGGED = [...EDITORIAL, 'topics'] as const;
  const write = (c: (typeof SLUGGED)[number], t: Target, title: string) =>
    world.payload.create({
      collection: c,
      data: { ...(c === 'topics' ? {} : minimalData[c]), title, school: schoolId(t) } as never,
      draft: c !== 'topics',
      ...as('platformAdmin'),
    }) as Promise<{ id: Id; slug?: string | null }>;

  for (const c of SLUGGED) {
    it(`${c}: the same title gives the same slug in A and in B, and -2 when repeated in A`, async () => {
      const title = `Trẻ em gái đến trường ${unique('lan')}`;
      const base = (await write(c, 'A', title)).slug;
      expect(base).toMatch(/^tre-em-gai-den-truong-lan-\d+$/);
      expect((await write(c, 'B', title)).slug).toBe(base);
      expect((await write(c, 'A', title)).slug).toBe(`${base}-2`);
    });
  }

  it.skipIf(standInLimits.uniqueIndexes)(
    'the (school, slug) index refuses a duplicate written past the slug hook [not run on the MongoDB stand-in: it does not enforce unique indexes]',
    async () => {
      const title = `Chung một địa chỉ ${unique('x')}`;
      const first = await write('articles', 'A', title);
      const second = await write('articles', 'A', `${title} khác`);
      const inB = await write('articles', 'B', `${title} bên B`);
      await world.payload.db.updateOne({ collection: 'articles', id: inB.id, data: { slug: first.slug } });
      await expect(
        world.payload.db.updateOne({ collection: 'articles', id: second.id, data: { slug: first.slug } }),
      ).rejects.toThrow();
    },
  );
});

// ── Memberships ────────────────────────────────────────────────────────────

type Grants = { schools: { school: Id; role: string }[]; platformRole: string | null };
const grantsOf = async (id: Id): Promise<Grants> => {
  const user = (await stored<{ schools?: { school: Id | { id: Id }; role: string }[]; platformRole?: string | null }>(
    'users',
    id,
  ))!;
  return {
    schools: (user.schools ?? []).map((m) => ({
      school: typeof m.school === 'object' ? m.school.id : m.school,
      role: m.role,
    })),
    platformRole: user.platformRole ?? null,
  };
};

describe(`memberships across schools, on ${backendLabel[backend]}`, () => {
  it('an admin of A cannot grant themself a role, in A or in B', async () => {
    const self = world.actors.adminA;
    const before = await grantsOf(self.id);
    for (const schools of [
      [...before.schools, { school: schoolId('B'), role: 'admin' }],
      [
        { school: schoolId('A'), role: 'admin' },
        { school: schoolId('A'), role: 'editor' },
      ],
    ]) {
      expect(
        await validationMessage(() =>
          world.payload.update({ collection: 'users', id: self.id, data: { schools } as never, ...as('adminA') }),
        ),
      ).toBe(membershipRefusal('MembershipSelf'));
    }
    expect(await grantsOf(self.id)).toEqual(before);
  });

  it('an admin of A cannot give anyone a membership in B, on a new account or an existing one', async () => {
    const member = await memberOf('A');
    const before = await grantsOf(member.id);
    const withB = [...before.schools, { school: schoolId('B'), role: 'contributor' }];
    expect(
      await validationMessage(() =>
        world.payload.update({
          collection: 'users',
          id: member.id,
          data: { schools: withB } as never,
          ...as('adminA'),
        }),
      ),
    ).toBe(membershipRefusal('MembershipOtherSchool'));
    expect(await grantsOf(member.id)).toEqual(before);

    const email = `${unique('moi-b')}@truong.test`;
    expect(
      await validationMessage(() =>
        world.payload.create({
          collection: 'users',
          data: { email, password: PASSWORD, name: 'Mới', schools: [{ school: schoolId('B'), role: 'editor' }] },
          ...as('adminA'),
        }),
      ),
    ).toBe(membershipRefusal('MembershipOtherSchool'));
    expect((await world.payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs).toBe(0);
  });

  it('an admin of A cannot set a platform role, for someone else or themself', async () => {
    for (const target of [await memberOf('A'), world.actors.adminA]) {
      for (const platformRole of ['platform-admin', 'district-officer'] as const) {
        await attempt(() =>
          world.payload
            .update({ collection: 'users', id: target.id, data: { platformRole }, ...as('adminA') })
            .catch((error: unknown) => {
              if ((error as { name?: string }).name === 'ValidationError') return undefined;
              throw error;
            }),
        );
        expect((await grantsOf(target.id)).platformRole, `${platformRole} for ${target.email}`).toBeNull();
      }
    }
  });

  it("an admin of A sees no account of B's, and lists only A's people and themself", async () => {
    const onlyB = await memberOf('B');
    const { docs } = await world.payload.find({ collection: 'users', limit: 0, depth: 0, ...as('adminA') });
    const ids = docs.map((d) => String(d.id));
    for (const hidden of [onlyB, world.editorOf.B, world.adminB, world.actors.officer, world.actors.platformAdmin])
      expect(ids).not.toContain(String(hidden.id));
    for (const user of docs) {
      const inA = (user.schools ?? []).some(
        (m) => String(typeof m.school === 'object' ? m.school.id : m.school) === String(schoolId('A')),
      );
      expect(inA || String(user.id) === String(world.actors.adminA.id), String(user.email)).toBe(true);
    }
    expect(
      await readBack(
        () => world.payload.findByID({ collection: 'users', id: world.adminB.id, ...as('adminA') }),
        world.adminB.id,
      ),
    ).toBe(false);
  });

  it('an editor of A cannot edit a fellow member of A', async () => {
    const fellow = await memberOf('A');
    const before = await stored<{ name: string }>('users', fellow.id);
    await attempt(() =>
      world.payload.update({
        collection: 'users',
        id: fellow.id,
        data: { name: 'Đổi tên', schools: [{ school: schoolId('A'), role: 'admin' }] },
        ...as('editorA'),
      }),
    );
    expect((await stored<{ name: string }>('users', fellow.id))?.name).toBe(before?.name);
    expect((await grantsOf(fellow.id)).schools.map((m) => m.role)).toEqual(['contributor']);
  });

  for (const role of ['contributorA', 'editorA', 'adminA', 'officer', 'platformAdmin'] as const) {
    it(`${role} cannot change their own memberships or platform role`, async () => {
      const self = world.actors[role];
      const before = await grantsOf(self.id);
      const changes = [
        { schools: [...before.schools, { school: schoolId('B'), role: 'admin' }] },
        { schools: [] },
        { platformRole: before.platformRole === 'platform-admin' ? 'district-officer' : 'platform-admin' },
        { platformRole: null },
      ];
      for (const data of changes) {
        const outcome = await world.payload
          .update({ collection: 'users', id: self.id, data: data as never, ...as(role) })
          .then(
            () => 'saved',
            (error: Error & { data?: { errors?: { message: string }[] } }) => {
              // Only the membership guard's own refusal, which names the reason, is expected here.
              expect(error.name, error.message).toBe('ValidationError');
              expect(error.data?.errors?.[0]?.message).toBe(membershipRefusal('MembershipSelf'));
              return 'refused';
            },
          );
        expect(await grantsOf(self.id), `${JSON.stringify(data)} was ${outcome}`).toEqual(before);
      }
      // Their name is theirs to change.
      const renamed = await world.payload.update({
        collection: 'users',
        id: self.id,
        data: { name: `Thử ${role} (đổi tên)` },
        ...as(role),
      });
      expect(renamed.name).toBe(`Thử ${role} (đổi tên)`);
    });
  }

  it("another platform admin may change a platform admin's grants", async () => {
    const target = world.actors.platformAdmin;
    const before = await grantsOf(target.id);
    const updated = await world.payload.update({
      collection: 'users',
      id: target.id,
      data: { schools: [{ school: schoolId('B'), role: 'editor' }] },
      overrideAccess: false,
      user: world.otherPlatformAdmin,
    });
    expect(updated.schools?.map((m) => m.role)).toEqual(['editor']);
    await world.payload.update({
      collection: 'users',
      id: target.id,
      data: { schools: before.schools } as never,
      overrideAccess: false,
      user: world.otherPlatformAdmin,
    });
    expect(await grantsOf(target.id)).toEqual(before);
  });
});

describe(`a new document's school, chosen in the admin's school switch, on ${backendLabel[backend]}`, () => {
  /** REST as the admin sends it: the signed-in person, and the school chosen in the switch (the plugin's cookie). */
  const post = async (user: TypedUser, chosen: Target | null, collection: string, data: object, draft = false) => {
    const token = await restLogin(world.cms.config, user.email as string, PASSWORD);
    const headers = new Headers({ 'content-type': 'application/json', authorization: `JWT ${token}` });
    if (chosen) headers.set('cookie', `payload-tenant=${String(schoolId(chosen))}`);
    const { handleEndpoints } = await import('payload');
    const response = await handleEndpoints({
      config: world.cms.config,
      request: new Request(`http://localhost:3000/api/${collection}${draft ? '?draft=true' : ''}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(data),
      }),
    });
    const body = (await response.json()) as { doc?: { school?: { id: unknown } | unknown } };
    const school = body.doc?.school;
    return {
      status: response.status,
      school: typeof school === 'object' && school ? (school as { id: unknown }).id : school,
    };
  };
  let twoRoles: TypedUser;
  beforeAll(async () => {
    twoRoles = await makeUser({
      label: 'editor-a-contributor-b',
      schools: [
        { school: schoolId('A'), role: 'editor' },
        { school: schoolId('B'), role: 'contributor' },
      ],
    });
  });
  const article = (title: string, status: 'draft' | 'published') => ({
    ...minimalData.articles,
    title: unique(title),
    _status: status,
  });

  it('judges the role in the chosen school: an editor of A who only contributes to B cannot publish in B', async () => {
    expect((await post(twoRoles, 'B', 'articles', article('Đăng thẳng vào B', 'published'))).status).toBe(403);
    const draft = await post(twoRoles, 'B', 'articles', article('Nháp ở B', 'draft'), true);
    expect(draft.status).toBe(201);
    expect(String(draft.school)).toBe(String(schoolId('B')));
    const published = await post(twoRoles, 'A', 'articles', article('Đăng ở A', 'published'));
    expect(published.status).toBe(201);
    expect(String(published.school)).toBe(String(schoolId('A')));
    // Topics need `publish` in their school.
    expect((await post(twoRoles, 'B', 'topics', { title: unique('Chủ đề B') })).status).toBe(403);
  });

  it('a school chosen that the person is not a member of gets nothing written there, drafts included', async () => {
    const outsider = world.actors.contributorA;
    expect((await post(outsider, 'B', 'articles', article('Nháp lạc sang B', 'draft'), true)).status).toBe(403);
    const { totalDocs } = await world.payload.count({
      collection: 'articles',
      where: { and: [{ school: { equals: schoolId('B') } }, { title: { like: 'Nháp lạc sang B' } }] },
    });
    expect(totalDocs).toBe(0);
  });

  it('with no school chosen, the first of the person’s schools', async () => {
    const draft = await post(twoRoles, null, 'articles', article('Nháp không chọn trường', 'draft'), true);
    expect(draft.status).toBe(201);
    expect(String(draft.school)).toBe(String(schoolId('A')));
  });
});
