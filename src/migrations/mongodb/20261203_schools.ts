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
 * (school, slug) itself). Does nothing on an empty database, or twice.
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
  if ((await schools.countDocuments({}, opts)) > 0) return;
  const users = db.collection('users');
  const counts = await Promise.all(
    ['users', ...SCHOOL_OWNED_COLLECTIONS].map((c) => db.collection(c).countDocuments({}, opts)),
  );
  if (counts.every((n) => n === 0)) return;

  const globals = db.collection('globals');
  const old = (await globals.findOne({ globalType: 'column-settings' }, opts)) as OldColumnSettings | null;
  const now = new Date();
  const { insertedId: schoolId } = await schools.insertOne(
    { ...firstSchoolFrom(old, settings().SITE_BASE), createdAt: now, updatedAt: now },
    opts,
  );

  for (const slug of SCHOOL_OWNED_COLLECTIONS) {
    await db.collection(slug).updateMany({ school: { $exists: false } }, { $set: { school: schoolId } }, opts);
    const versions = db.collection(`_${slug}_versions`);
    await versions.updateMany({ 'version.school': { $exists: false } }, { $set: { 'version.school': schoolId } }, opts);
  }

  const accounts = await users.find({}, { ...opts, projection: { role: 1, createdAt: 1 } }).toArray();
  for (const account of accountsUpgrade(accounts.map((a) => ({ id: a._id.toHexString(), role: a.role, createdAt: a.createdAt })))) {
    await users.updateOne(
      { _id: new mongoose.Types.ObjectId(String(account.id)) },
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
