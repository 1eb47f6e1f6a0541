import type { Payload, TypedUser } from 'payload';

import type { Role } from '../../src/domain/vocabulary';
import { firstSchoolFrom } from '../../src/domain/school-upgrade';
import type { School } from '../../src/payload-types';

export const EDITORIAL = ['articles', 'model-stories', 'teaching-resources'] as const;
export type EditorialSlug = (typeof EDITORIAL)[number];

/** The least each editorial collection needs to be saved (loose: tests spread it into any of the three). */
export const minimalData: Record<EditorialSlug, any> = {
  articles: { title: 'Bình đẳng giới bắt đầu từ gia đình' },
  'model-stories': { title: 'Gia đình anh Tuấn chia sẻ việc nhà', kind: 'family', subjectName: 'Gia đình anh Tuấn' },
  'teaching-resources': { title: 'Phiếu học tập GDCD 8', subject: 'gdcd', grades: ['8'], kind: 'worksheet' },
};

export type Staff = Record<Role, TypedUser>;

let counter = 0;

/**
 * One member per role of the install's school. The first account of an empty
 * install becomes a platform admin and the admin of a first school made from
 * the defaults (by design); the others join that school.
 */
export async function createStaff(payload: Payload, options: { school?: number } = {}): Promise<Staff> {
  let school = options.school;
  const make = async (role: Role) => {
    counter += 1;
    const doc = await payload.create({
      collection: 'users',
      data: {
        email: `${role}-${counter}@truong.test`,
        password: 'mat-khau-thu-nghiem-1',
        name: `Thử ${role}`,
        ...(school === undefined ? {} : { schools: [{ school, role }] }),
      },
    });
    const first = doc.schools?.[0]?.school;
    school ??= typeof first === 'object' ? first?.id : first;
    return { ...doc, collection: 'users' } as TypedUser;
  };
  const admin = await make('admin');
  return { admin, editor: await make('editor'), contributor: await make('contributor') };
}

export async function createDoc(
  payload: Payload,
  collection: EditorialSlug,
  options: { by?: TypedUser; status: 'draft' | 'published'; publishedAt?: Date; title?: string },
) {
  return payload.create({
    collection,
    data: {
      ...minimalData[collection],
      ...(options.title ? { title: options.title } : {}),
      _status: options.status,
      ...(options.publishedAt ? { publishedAt: options.publishedAt.toISOString() } : {}),
    },
    draft: options.status === 'draft',
    user: options.by,
  });
}

/** The newest articles a reader can see (published, date come), newest first. */
export async function newestPublicArticles(payload: Payload, limit: number) {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' }, publishedAt: { less_than_equal: new Date().toISOString() } },
    sort: '-publishedAt',
    limit,
    depth: 0,
  });
  return docs;
}

/** The install's first school (the one a single-school install has). */
export async function firstSchool(payload: Payload) {
  const { docs } = await payload.find({ collection: 'schools', sort: 'id', limit: 1, depth: 0 });
  if (!docs[0]) throw new Error('no school yet: create staff (or seed) first');
  return docs[0];
}

/** Changes the first school's column settings, as its admin would in the admin. */
export async function setSchoolSettings(
  payload: Payload,
  data: Partial<
    Pick<School, 'name' | 'reportingStartQuarter' | 'minimumItemsPerQuarter' | 'countedCollections' | 'columnTitle'>
  >,
  options: { user?: TypedUser; overrideAccess?: boolean } = {},
) {
  const school = await firstSchool(payload);
  return payload.update({ collection: 'schools', id: school.id, data, depth: 0, ...options });
}

/** A school with the default column settings; its address follows from its slug (the first school keeps /binh-dang-gioi/). */
export async function createSchool(payload: Payload, data: { name: string; slug?: string; district?: string }) {
  const { basePath: _fromSlug, ...defaults } = firstSchoolFrom({ schoolName: data.name }, '');
  return payload.create({ collection: 'schools', data: { ...defaults, ...data }, depth: 0 });
}
