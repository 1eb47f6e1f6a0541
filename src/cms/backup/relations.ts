import { randomBytes } from 'node:crypto';

import type { FlattenedField } from 'payload';

export type Id = number | string;
export type IdType = 'number' | 'text';
type Doc = Record<string, unknown>;

/**
 * Ids of restored documents, and every reference to them rewritten.
 *
 * SQLite numbers its rows (1, 2, 3…), MongoDB uses 24-hex ObjectIds. Between
 * two databases of the same kind the ids are kept as they are; across kinds
 * every document gets a new id up front, so references can be rewritten
 * before anything is inserted and the insert order does not matter for ids.
 */
/** Where each referenced document's id goes. */
export interface IdMapper {
  readonly keepIds: boolean;
  id(collection: string, oldId: unknown): Id | null;
}

export class IdPlan implements IdMapper {
  readonly keepIds: boolean;
  private readonly ids = new Map<string, Map<string, Id>>();
  /** References to documents that are not in the archive: `collection:id`. */
  readonly dangling = new Set<string>();

  constructor(source: IdType, target: IdType, docs: Map<string, readonly { id: Id; createdAt?: unknown }[]>) {
    this.keepIds = source === target;
    for (const [collection, list] of docs) {
      const map = new Map<string, Id>();
      list.forEach((doc, index) =>
        map.set(String(doc.id), this.keepIds ? doc.id : target === 'number' ? index + 1 : objectIdAt(doc.createdAt)),
      );
      this.ids.set(collection, map);
    }
  }

  /** The new id of a document; null (and noted) when the archive does not hold it. */
  id(collection: string, oldId: unknown): Id | null {
    if (oldId === null || oldId === undefined) return null;
    const key = keyOf(oldId);
    const found = this.ids.get(collection)?.get(String(key));
    if (found !== undefined) return found;
    this.dangling.add(`${collection}:${String(key)}`);
    return this.keepIds ? key : null;
  }
}

/** A reference as stored (an id) or as populated (a document with its id). */
const keyOf = (ref: unknown): Id =>
  typeof ref === 'object' && ref !== null && 'id' in ref ? (ref as { id: Id }).id : (ref as Id);

/**
 * Ids handed out one document at a time, for a restore into a database that
 * already holds documents (`restore --as-school`): every id is new, even
 * between databases of the same kind, and an archived document may also
 * stand for one the target already has (an account with the same e-mail).
 */
export class AssignedIds implements IdMapper {
  readonly keepIds = false;
  private readonly ids = new Map<string, Map<string, Id>>();
  /** References to documents that are not carried over: `collection:id`. */
  readonly dangling = new Set<string>();

  set(collection: string, oldId: Id, newId: Id): void {
    let map = this.ids.get(collection);
    if (!map) this.ids.set(collection, (map = new Map()));
    map.set(String(oldId), newId);
  }

  has(collection: string, oldId: unknown): boolean {
    return oldId !== null && oldId !== undefined && Boolean(this.ids.get(collection)?.has(String(keyOf(oldId))));
  }

  id(collection: string, oldId: unknown): Id | null {
    if (oldId === null || oldId === undefined) return null;
    const key = keyOf(oldId);
    const found = this.ids.get(collection)?.get(String(key));
    if (found !== undefined) return found;
    this.dangling.add(`${collection}:${String(key)}`);
    return null;
  }
}

/**
 * New ids in a database that already holds documents: SQLite's numbers after
 * the highest one there, MongoDB's ObjectIds from each document's creation time.
 */
export function idsAfter(target: IdType, highest: number): (createdAt: unknown) => Id {
  let next = highest;
  return (createdAt) => (target === 'number' ? ++next : objectIdAt(createdAt));
}

/**
 * Copies `data` with a new id on every array and block row. Rows are stored
 * under their ids (SQLite's primary keys), so a second copy of the same
 * archive on one database, another school's, would clash without this.
 */
export function withNewRowIds(fields: readonly FlattenedField[], data: Doc): Doc {
  const out: Doc = { ...data };
  for (const field of fields) {
    if (!('name' in field) || !isObject(out[field.name])) continue;
    const value = out[field.name];
    switch (field.type) {
      case 'group':
      case 'tab':
        out[field.name] = withNewRowIds(field.flattenedFields, value as Doc);
        break;
      case 'array':
        out[field.name] = (value as Doc[]).map((row) => ({
          ...withNewRowIds(field.flattenedFields, row),
          id: newRowId(),
        }));
        break;
      case 'blocks':
        out[field.name] = (value as Doc[]).map((row) => {
          const block = field.blocks.find((b) => b.slug === row.blockType);
          return { ...(block ? withNewRowIds(block.flattenedFields, row) : row), id: newRowId() };
        });
        break;
      default:
        break;
    }
  }
  return out;
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** A row id as Payload makes them (24 hex digits, an ObjectId). */
export function newRowId(): string {
  return objectIdAt(undefined);
}

/** Copies `data` with every relationship, upload and rich-text reference rewritten through `plan`. */
export function remapReferences(fields: readonly FlattenedField[], data: Doc, plan: IdMapper): Doc {
  if (plan.keepIds) return data;
  const out: Doc = { ...data };
  for (const field of fields) {
    if (!('name' in field) || !(field.name in out)) continue;
    const value = out[field.name];
    if (value === null || value === undefined) continue;
    switch (field.type) {
      case 'relationship':
      case 'upload':
        out[field.name] = Array.isArray(value)
          ? value.map((v) => relation(field.relationTo, v, plan))
          : relation(field.relationTo, value, plan);
        break;
      case 'richText':
        out[field.name] = remapRichText(value, plan);
        break;
      case 'group':
      case 'tab':
        out[field.name] = remapReferences(field.flattenedFields, value as Doc, plan);
        break;
      case 'array':
        out[field.name] = (value as Doc[]).map((row) => remapReferences(field.flattenedFields, row, plan));
        break;
      case 'blocks':
        out[field.name] = (value as Doc[]).map((row) => {
          const block = field.blocks.find((b) => b.slug === row.blockType);
          if (!block)
            throw new Error(
              `Block "${String(row.blockType)}" of field ${field.name} is not in the config; references inside it cannot be moved.`,
            );
          return remapReferences(block.flattenedFields, row, plan);
        });
        break;
      default:
        break;
    }
  }
  return out;
}

function relation(relationTo: string | string[], value: unknown, plan: IdMapper): unknown {
  if (Array.isArray(relationTo)) {
    const poly = value as { relationTo: string; value: unknown };
    return { ...poly, value: plan.id(poly.relationTo, poly.value) };
  }
  return plan.id(relationTo, value);
}

/**
 * Lexical JSON: upload and relationship nodes carry `relationTo` + `value`,
 * internal links carry `fields.doc`. Everything else is copied as it is.
 */
export function remapRichText(value: unknown, plan: IdMapper): unknown {
  if (Array.isArray(value)) return value.map((v) => remapRichText(v, plan));
  if (!value || typeof value !== 'object') return value;
  const node = value as Doc;
  const out: Doc = {};
  for (const [key, child] of Object.entries(node)) out[key] = remapRichText(child, plan);
  if (
    (node.type === 'upload' || node.type === 'relationship') &&
    typeof node.relationTo === 'string' &&
    'value' in node
  ) {
    out.value = plan.id(node.relationTo, node.value);
  }
  const doc = (node.fields as { doc?: { relationTo?: unknown; value?: unknown } } | undefined)?.doc;
  if ((node.type === 'link' || node.type === 'autolink') && doc && typeof doc.relationTo === 'string') {
    (out.fields as Doc).doc = { ...doc, value: plan.id(doc.relationTo, doc.value) };
  }
  return out;
}

/** Scheduled publications name their document and user inside the job's input. */
export function remapJob(doc: Doc, plan: IdMapper): Doc {
  const input = doc.input as
    { doc?: { relationTo: string; value: unknown }; user?: { relationTo: string; value: unknown } } | undefined;
  if (!input || plan.keepIds) return doc;
  const moved = { ...input };
  if (input.doc) moved.doc = { ...input.doc, value: String(plan.id(input.doc.relationTo, input.doc.value)) };
  if (input.user && typeof input.user === 'object')
    moved.user = { ...input.user, value: plan.id(input.user.relationTo, input.user.value) };
  return { ...doc, input: moved };
}

/** A valid ObjectId whose time part is the document's creation time, so `_id` order follows history. */
export function objectIdAt(createdAt: unknown): string {
  const ms = typeof createdAt === 'string' ? Date.parse(createdAt) : NaN;
  const seconds = Math.floor((Number.isFinite(ms) ? ms : Date.now()) / 1000);
  return seconds.toString(16).padStart(8, '0').slice(-8) + randomBytes(8).toString('hex');
}
