import type { SchoolId } from '../../domain/school-access';

/** The rebuild job's names, apart from request.ts so the wake-up (./wake.ts) can use them without an import cycle. */
export const REBUILD_TASK = 'rebuildSite';
export const REBUILD_QUEUE = 'site';

/** Payload's concurrency key for a school's rebuilds: one runs at a time per key, across runners. */
export const rebuildKey = (school: SchoolId | string) => `site:${school}`;
