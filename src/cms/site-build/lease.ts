import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import type { Payload } from 'payload';

import { type LeaseCondition, writeLease } from '../claim';
import type { SchoolId } from '../../domain/school-access';
import type { School, SiteBuild } from '../../payload-types';
import { SITE_BUILDS } from './status-collection';

/**
 * One build at a time per school, across every process and machine that
 * shares the database. Payload's job queue already keeps a school's rebuild
 * jobs apart (concurrency key `site:<slug>`), but it checks "is one running?"
 * and claims a job in two steps, so two runners ticking at the same second
 * could each start one. The lease closes that gap: a build starts only after
 * one conditional write on the school's status document succeeds, which the
 * database does atomically (one UPDATE … WHERE in SQLite, findOneAndUpdate in
 * MongoDB). A runner that dies leaves a lease that simply runs out.
 */
export const LEASE_MS = 2 * 60_000;

export type Lease = { school: SchoolId; holder: string };

/** The school's status document, made on first use (the unique index on `school` settles a race). */
export async function statusDocFor(payload: Payload, school: SchoolId): Promise<SiteBuild> {
  const find = async () =>
    (
      await payload.find({
        collection: SITE_BUILDS,
        where: { school: { equals: school } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0];
  const found = await find();
  if (found) return found;
  try {
    // The generated types give SQLite's numeric ids (src/cms/config.ts); on MongoDB the same id is a string.
    const data = { school: school as School['id'], state: 'idle' as const };
    return await payload.create({ collection: SITE_BUILDS, data, overrideAccess: true });
  } catch (error) {
    const again = await find();
    if (again) return again;
    throw error;
  }
}

/** Takes the school's build lease, or returns null when another runner holds a live one. */
export async function acquireLease(payload: Payload, school: SchoolId, now = new Date()): Promise<Lease | null> {
  await statusDocFor(payload, school);
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  const until = new Date(now.getTime() + LEASE_MS);
  const taken = await conditionalWrite(payload, school, {
    holder,
    until,
    when: { free: true, now },
  });
  return taken ? { school, holder } : null;
}

/** Pushes the lease's end back while the build runs; false when it was lost (expired and taken by another). */
export function renewLease(payload: Payload, lease: Lease, now = new Date()): Promise<boolean> {
  return conditionalWrite(payload, lease.school, {
    holder: lease.holder,
    until: new Date(now.getTime() + LEASE_MS),
    when: { heldBy: lease.holder },
  });
}

export async function releaseLease(payload: Payload, lease: Lease): Promise<void> {
  await conditionalWrite(payload, lease.school, { holder: null, until: null, when: { heldBy: lease.holder } });
}

function conditionalWrite(
  payload: Payload,
  school: SchoolId,
  change: { holder: string | null; until: Date | null; when: LeaseCondition },
): Promise<boolean> {
  return writeLease(
    payload,
    { collection: SITE_BUILDS, table: 'site_builds', match: { field: 'school', column: 'school_id', value: school } },
    change,
  );
}
