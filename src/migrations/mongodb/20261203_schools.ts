import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb';
import mongoose from 'mongoose';

import { settings } from '../../settings';
import {
  accountsUpgrade,
  firstSchoolFrom,
  type OldColumnSettings,
  SCHOOL_OWNED_COLLECTIONS,
  SLUGGED_COLLECTIONS,
} from '../../domain/school-upgrade';

/**
 * Single school → schools (see ../schools-upgrade.ts). MongoDB has no schema
 * to change: the data moves, the old column-settings global goes, and the
 * unique index on `slug` alone is dropped (Payload builds the one on
 * (school, slug) itself). Does nothing on an empty database, or twice; a
 * run that stopped half-way is finished by the next.
 */
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = payload.db.connection.db;
  if (!db) throw new Error('MongoDB connection has no database');
  const opts = session ? { session } : {};

  for (const slug of SLUGGED_COLLECTIONS) {
    const indexes = await db
      .collection(slug)
      .indexes()
      .catch(() => []);
    for (const index of indexes) {
      const keys = Object.keys(index.key ?? {});
      if (index.unique && keys.length === 1 && keys[0] === 'slug' && index.name) {
        await db.collection(slug).dropIndex(index.name);
      }
    }
  }

  const schools = db.collection('schools');
  const users = db.collection('users');
  const globals = db.collection('globals');
  // Without a replica set this runs without a transaction: a run that stopped half-way is
  // finished by the next one. Done means a school exists, the old global is gone and no
  // account still carries its old role.
  const old = (await globals.findOne({ globalType: 'column-settings' }, opts)) as OldColumnSettings | null;
  const oldRoles = await users.countDocuments({ role: { $exists: true } }, opts);
  const existing = await schools.find({}, { ...opts, sort: { _id: 1 }, limit: 1 }).toArray();
  if (existing.length > 0 && !old && oldRoles === 0) return;
  if (existing.length === 0) {
    const counts = await Promise.all(
      ['users', ...SCHOOL_OWNED_COLLECTIONS].map((c) => db.collection(c).countDocuments({}, opts)),
    );
    if (counts.every((n) => n === 0)) return;
  }

  const now = new Date();
  const schoolId =
    existing[0]?._id ??
    (
      await schools.insertOne(
        { ...firstSchoolFrom(old, settings().SITE_BASE), createdAt: now, updatedAt: now },
        opts,
      )
    ).insertedId;

  for (const slug of SCHOOL_OWNED_COLLECTIONS) {
    await db.collection(slug).updateMany({ school: { $exists: false } }, { $set: { school: schoolId } }, opts);
    const versions = db.collection(`_${slug}_versions`);
    await versions.updateMany({ 'version.school': { $exists: false } }, { $set: { 'version.school': schoolId } }, opts);
  }

  // Ranked over every account (those already moved by a stopped run by their new role), so the
  // platform admin is the same whichever run gets there.
  const accounts = await users
    .find({}, { ...opts, projection: { role: 1, schools: 1, createdAt: 1, platformRole: 1 } })
    .toArray();
  const upgraded = accountsUpgrade(
    accounts.map((a) => ({ id: a._id.toHexString(), role: a.role ?? a.schools?.[0]?.role, createdAt: a.createdAt })),
  );
  for (const account of upgraded) {
    const doc = accounts.find((a) => a._id.toHexString() === account.id)!;
    if (doc.role === undefined) continue;
    await users.updateOne(
      { _id: doc._id },
      {
        $set: {
          schools: [{ id: new mongoose.Types.ObjectId().toHexString(), school: schoolId, role: account.role }],
          ...(account.platformAdmin ? { platformRole: 'platform-admin' } : {}),
        },
        $unset: { role: '' },
      },
      opts,
    );
  }
  await globals.deleteOne({ globalType: 'column-settings' }, opts);
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Folding several schools back into one column cannot be done without losing data.
  throw new Error('The schools migration cannot be undone: restore a backup made before it instead.');
}
