import type { Payload } from 'payload';

import { buildCoverageReport, type CoverageReport } from '../../domain/coverage';
import { coverageInputFromCms } from '../coverage-source';

/** The report for the admin, or the reason it could not be made (shown to editors). */
export async function coverageForAdmin(payload: Payload): Promise<{ report: CoverageReport } | { error: string }> {
  try {
    return { report: buildCoverageReport(await coverageInputFromCms(payload)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
