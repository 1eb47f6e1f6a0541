import type { Payload, TypedUser } from 'payload';

import { buildCoverageReport, type CoverageReport } from '../../domain/coverage';
import type { School } from '../../payload-types';
import { actorOf } from '../access/actor';
import { coverageInputFromCms, findSchool } from '../coverage-source';

/**
 * The report for the admin, for the signed-in member's (first) school, or
 * the install's first school; or the reason it could not be made (shown to editors).
 */
export async function coverageForAdmin(
  payload: Payload,
  user?: TypedUser | null,
): Promise<{ report: CoverageReport; school: Pick<School, 'id' | 'slug'> } | { error: string }> {
  try {
    const mine = actorOf(user ?? null)?.memberships[0]?.school;
    const school =
      mine === undefined
        ? await findSchool(payload)
        : await payload.findByID({ collection: 'schools', id: mine, depth: 0 });
    const report = buildCoverageReport(await coverageInputFromCms(payload, { school }));
    return { report, school: { id: school.id, slug: school.slug } };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
