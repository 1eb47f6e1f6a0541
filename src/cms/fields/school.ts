import { tenantField } from '@payloadcms/plugin-multi-tenant/fields';
import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities';
import {
  type Access,
  type CollectionBeforeValidateHook,
  type CollectionSlug,
  type Field,
  type FieldAccess,
  type PayloadRequest,
  type RelationshipField,
  ValidationError,
} from 'payload';

import {
  type Actor,
  isPlatformAdmin,
  may,
  mayLink,
  type SchoolAction,
  type SchoolId,
  seesAllSchools,
} from '../../domain/school-access';
import { renderMessage } from '../../messages/catalogue';
import type { User } from '../../payload-types';
import { actorOf, idOf, mayAnywhere } from '../access/actor';

/** The names the multi-tenant plugin is configured with (src/cms/multi-tenant.ts). */
export const SCHOOLS = {
  collection: 'schools',
  field: 'school',
  usersArray: 'schools',
  usersArrayField: 'school',
} as const;

/**
 * Only a platform admin moves a document to another school; anyone who may
 * save the document may send its school unchanged (a restored version, the
 * admin's form, which sends every field).
 */
const keepsItsSchool: FieldAccess = ({ req, data, doc }) => {
  if (isPlatformAdmin(actorOf(req.user))) return true;
  const sent = (data as Owned | undefined)?.school;
  const stored = (doc as Owned | undefined)?.school;
  if (sent === undefined || sent === null || stored === undefined || stored === null) return sent === undefined;
  return String(idOf(sent)) === String(idOf(stored));
};

/** Platform admins and district officers see every school; the plugin then leaves our access rules as they are. */
export const userSeesAllSchools = (user: User): boolean => seesAllSchools(actorOf({ ...user, collection: 'users' }));

/**
 * The `school` every school-owned document carries, filled from the editor's
 * school (the admin's school switch, or their only school, or the install's
 * only school), shown in the sidebar, changeable only by a platform admin.
 * Required in effect: the school guard below refuses any write that leaves a
 * document without one, drafts included (field validation skips drafts). It
 * is optional in the generated types only so that a single-school install's
 * code and scripts need not name the one school everywhere.
 */
export function schoolField(options: { autosave: boolean }): RelationshipField {
  const field = tenantField({
    name: SCHOOLS.field,
    adminUsersSlug: 'users',
    isAutosaveEnabled: options.autosave,
    tenantsArrayFieldName: SCHOOLS.usersArray,
    tenantsArrayTenantFieldName: SCHOOLS.usersArrayField,
    tenantsCollectionSlug: SCHOOLS.collection,
    unique: false,
    userHasAccessToAllTenants: userSeesAllSchools,
    overrides: {
      label: 'Trường',
      access: { update: keepsItsSchool },
      // Ours, not the plugin's: the create access must judge the very school the document will get.
      defaultValue: ({ req }: { req: PayloadRequest }) => schoolForNew(req, actorOf(req.user)),
    },
  });
  return field;
}

type Owned = { school?: SchoolId | { id: SchoolId } | null; _status?: 'draft' | 'published' | null };

/**
 * The school a new document goes to when none was given, the one answer the
 * field's default, the create access (mayCreateIn) and the guard all use, so
 * the access judges the school the document really gets: the school chosen
 * in the admin's school switch (the plugin's `payload-tenant` cookie), when
 * it exists; else the person's first school; else the install's only school.
 */
export async function schoolForNew(req: PayloadRequest, actor: Actor): Promise<SchoolId | null> {
  const chosen = getTenantFromCookie(req.headers, req.payload.db.defaultIDType);
  if (chosen !== null && chosen !== undefined) {
    const { totalDocs } = await req.payload.count({ collection: 'schools', where: { id: { equals: chosen } }, req });
    if (totalDocs > 0) return chosen as SchoolId;
  }
  const mine = actor?.memberships ?? [];
  if (mine.length > 0) return mine[0]!.school;
  return defaultSchool(req, actor);
}

/** The school a new document goes to when none was given: the author's only school, or the install's only school. */
export async function defaultSchool(req: PayloadRequest, actor: Actor): Promise<SchoolId | null> {
  const mine = actor?.memberships ?? [];
  if (mine.length === 1) return mine[0]!.school;
  if (mine.length > 1) return null;
  const { docs } = await req.payload.find({
    collection: 'schools',
    where: { archived: { not_equals: true } },
    limit: 2,
    depth: 0,
    select: {},
    req,
  });
  return docs.length === 1 ? docs[0]!.id : null;
}

/** Upload and relationship fields that point at another school-owned collection. */
const LINKED = new Set<string>(['media', 'documents', 'topics']);

const idsIn = (value: unknown): SchoolId[] => {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (typeof value === 'object') {
    const v = value as { id?: SchoolId; value?: unknown };
    if (v.id !== undefined) return [v.id];
    if (v.value !== undefined) return idsIn(v.value);
    return [];
  }
  return typeof value === 'string' || typeof value === 'number' ? [value] : [];
};

/** Uploads and links inside Lexical rich text: nodes carrying `relationTo` and `value`. */
function richTextLinks(node: unknown, out: { relationTo: string; id: SchoolId }[] = []) {
  if (!node || typeof node !== 'object') return out;
  const n = node as { relationTo?: unknown; value?: unknown; children?: unknown[]; root?: unknown };
  if (typeof n.relationTo === 'string' && LINKED.has(n.relationTo)) {
    for (const id of idsIn(n.value)) out.push({ relationTo: n.relationTo, id });
  }
  if (n.root) richTextLinks(n.root, out);
  for (const child of n.children ?? []) richTextLinks(child, out);
  return out;
}

function linksOf(fields: readonly Field[], data: Record<string, unknown>) {
  const links: { field: string; label: string; relationTo: string; id: SchoolId }[] = [];
  for (const field of fields) {
    if (!('name' in field) || !(field.name in data)) continue;
    const label = typeof field.label === 'string' ? field.label : field.name;
    if ((field.type === 'upload' || field.type === 'relationship') && typeof field.relationTo === 'string') {
      if (LINKED.has(field.relationTo)) {
        for (const id of idsIn(data[field.name]))
          links.push({ field: field.name, label, relationTo: field.relationTo, id });
      }
    }
    if (field.type === 'richText') {
      for (const link of richTextLinks(data[field.name])) links.push({ field: field.name, label, ...link });
    }
  }
  return links;
}

const sameId = (a: SchoolId, b: SchoolId) => String(a) === String(b);

/**
 * Keeps every document in its school, for every write (drafts and autosaves
 * too, which skip field validation): a new document gets a school, nothing
 * links to another school's images, documents or topics, and authors are
 * members of the school. Who may create in which school is the create
 * access (mayCreateIn); only a platform admin moves a document (the school
 * field's update access).
 */
export const guardSchool: CollectionBeforeValidateHook = async ({ data, originalDoc, operation, req, collection }) => {
  if (!data) return data;
  const doc = data as Owned & Record<string, unknown>;
  const before = originalDoc as Owned | undefined;
  const actor = actorOf(req.user);
  const fail = (path: string, message: string) => {
    throw new ValidationError({ collection: collection.slug, errors: [{ path, message }] }, req.t);
  };

  if (operation === 'create' && (doc.school === undefined || doc.school === null)) {
    doc.school = await schoolForNew(req, actor);
    if (doc.school === null) fail('school', renderMessage('SchoolRequired').text);
  }
  const school = doc.school ?? before?.school;
  if (school === undefined || school === null) return data;
  const schoolId = idOf(school);

  const links = linksOf(collection.fields, doc);
  const byCollection = new Map<string, SchoolId[]>();
  for (const link of links) byCollection.set(link.relationTo, [...(byCollection.get(link.relationTo) ?? []), link.id]);
  for (const [relationTo, ids] of byCollection) {
    const { docs } = await req.payload.find({
      collection: relationTo as CollectionSlug,
      where: { id: { in: ids } },
      limit: ids.length,
      depth: 0,
      pagination: false,
      select: { school: true },
      req,
    });
    for (const target of docs as { id: SchoolId; school?: SchoolId | { id: SchoolId } | null }[]) {
      if (target.school && mayLink(schoolId, idOf(target.school))) continue;
      const link = links.find((l) => l.relationTo === relationTo && sameId(l.id, target.id))!;
      fail(link.field, renderMessage('SchoolLinkOtherSchool', { field: link.label }).text);
    }
  }

  if ('authors' in doc && doc.authors) {
    const ids = idsIn(doc.authors);
    if (ids.length) {
      const { docs } = await req.payload.find({
        collection: 'users',
        where: { id: { in: ids } },
        depth: 0,
        pagination: false,
        select: { name: true, schools: true },
        req,
      });
      for (const author of docs) {
        const member = (author.schools ?? []).some((m) => sameId(idOf(m.school), schoolId));
        // The message names the person, as the editor knows them (the catalogue's `name`), not their id.
        if (!member)
          fail('authors', renderMessage('SchoolAuthorNotMember', { name: author.name || String(author.id) }).text);
      }
    }
  }
  return data;
};

/**
 * The create access of a school-owned collection: the actor needs `action`
 * (or `publish` when the new document is published at once) in the school
 * it goes to: the one named, else the default one; when there is none to
 * find, anywhere (the guard then refuses it for want of a school).
 */
export function mayCreateIn(action: SchoolAction, publish?: SchoolAction): Access<Owned> {
  return async ({ req, data }) => {
    const actor = actorOf(req.user);
    if (!actor) return false;
    const needed = data?._status === 'published' && publish ? publish : action;
    const school = data?.school ?? (await schoolForNew(req, actor));
    if (school === null || school === undefined) return mayAnywhere(req, needed);
    return may(actor, needed, idOf(school));
  };
}
