import type { MigrateUpArgs } from '@payloadcms/db-mongodb';

/**
 * One build status per school (the `site-builds` collection, whose indexes
 * Payload builds itself) instead of the install's `site-build-status`
 * global, which goes. Rebuilds still pending from the old release are given
 * to the first school (the only one an upgraded install has) with their
 * concurrency key, so a scheduled post's rebuild is not lost. Running it
 * twice changes nothing.
 */
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = payload.db.connection.db;
  if (!db) throw new Error('MongoDB connection has no database');
  const opts = session ? { session } : {};
  const first = await db.collection('schools').find({}, opts).sort({ createdAt: 1, _id: 1 }).limit(1).next();
  if (first) {
    const school = String(first._id);
    await db
      .collection('payload-jobs')
      .updateMany(
        { taskSlug: 'rebuildSite', completedAt: { $exists: false }, 'input.school': { $exists: false } },
        { $set: { 'input.school': school, concurrencyKey: `site:${school}` } },
        opts,
      );
  }
  await db.collection('globals').deleteOne({ globalType: 'site-build-status' }, opts);
}

export async function down(): Promise<void> {
  // Nothing to undo that matters: the old global is written anew by the old release's first build.
}

