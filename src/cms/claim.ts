import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite';
import type { MongooseAdapter } from '@payloadcms/db-mongodb';
import type { CollectionSlug, Field, Payload } from 'payload';

/**
 * A lease on one document, taken by one conditional write that the database
 * does atomically (one UPDATE … WHERE in SQLite, updateOne with a filter in
 * MongoDB), so two runners sharing the database never both get it. The
 * collection keeps it in two fields hidden from the API, `leaseHolder` and
 * `leaseUntil`. Used for a school's site build (src/cms/site-build/lease.ts)
 * and for one mail's delivery (src/cms/mail/deliver.ts).
 */
export type LeaseCondition = { free: true; now: Date } | { heldBy: string };

export type LeaseTarget = {
  collection: CollectionSlug;
  /** The SQLite table Payload made for the collection. */
  table: string;
  /** Which document: a field (and its SQLite column) and its value. */
  match: { field: string; column: string; value: string | number };
};

export async function writeLease(
  payload: Payload,
  target: LeaseTarget,
  change: { holder: string | null; until: Date | null; when: LeaseCondition },
): Promise<boolean> {
  const { when } = change;
  const { match } = target;
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as MongooseAdapter).collections[target.collection]!;
    const free = [{ leaseUntil: null }, { leaseUntil: { $exists: false } }];
    const filter =
      'heldBy' in when
        ? { [match.field]: match.value, leaseHolder: when.heldBy }
        : { [match.field]: match.value, $or: [...free, { leaseUntil: { $lt: when.now } }] };
    const result = await model.updateOne(filter, { $set: { leaseHolder: change.holder, leaseUntil: change.until } });
    return result.modifiedCount === 1;
  }
  const db = (payload.db as unknown as SQLiteAdapter).drizzle;
  const until = change.until?.toISOString() ?? null;
  const condition =
    'heldBy' in when
      ? sql`lease_holder = ${when.heldBy}`
      : sql`(lease_until IS NULL OR lease_until < ${when.now.toISOString()})`;
  const result = await db.run(
    sql`UPDATE ${sql.identifier(target.table)} SET lease_holder = ${change.holder}, lease_until = ${until} WHERE ${sql.identifier(match.column)} = ${match.value} AND ${condition}`,
  );
  return result.rowsAffected === 1;
}

/** The two hidden fields a leased collection declares. */
export const leaseFields: Field[] = [
  { name: 'leaseHolder', type: 'text', admin: { hidden: true }, access: { read: () => false } },
  { name: 'leaseUntil', type: 'date', admin: { hidden: true }, access: { read: () => false } },
];
