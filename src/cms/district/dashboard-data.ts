/**
 * The district dashboard's data: every school's coverage as the district
 * matrix (src/domain/district.ts), for the admin view and its downloads.
 *
 * The coverage rule needs every item, drafts included (it decides what
 * counts), and a district officer may not read drafts. So the data is read
 * past the access rules, and only after `dashboardRefusal` has let the
 * signed-in account through; what leaves here is coverage results and the
 * published items the rule counted, never a draft.
 */
import type { Payload, TypedUser } from 'payload';

import { buildCoverageReport, type QuarterReport } from '../../domain/coverage';
import {
  buildDistrictMatrix,
  type DistrictCell,
  type DistrictMatrix,
  type DistrictRow,
  type DistrictSource,
  filterMatrix,
  matrixYears,
} from '../../domain/district';
import { type DashboardFilter, matrixFilter, parseDashboardFilter } from '../../domain/district-view';
import { applyRecords } from '../../domain/quarter-record';
import { scopeOf } from '../../domain/school-access';
import type { MessageName } from '../../messages/catalogue';
import { ColumnError } from '../../messages/column-error';
import type { School } from '../../payload-types';
import { settings } from '../../settings';
import { actorOf } from '../access/actor';
import { coverageInputFromCms } from '../coverage-source';
import { closedRecords } from './close-quarters';
import { selfReportedSources } from './self-reports';

/**
 * A row's source with what the dashboard adds to the matrix's own fields.
 * Other sources (self-reported schools, closed-quarter records) give the same
 * shape and join through `districtSources`'s `extra`.
 */
export type DashboardSource = DistrictSource & {
  /** The address segment of the row's detail pages (`/admin/district/<key>/<quarter>`); no key, no detail. */
  key?: string;
  /** The school's name, for a row whose report could not be made (the matrix then knows only the source). */
  name?: string;
  /**
   * Closed quarters (`YYYY-Qn`) shown from their record while today's data
   * gives a different result: the cell says so. Filled by whoever applies the records.
   */
  recordDiffers?: readonly string[];
};

/** Why an account may not see the dashboard, as a catalogue name; null when it may. */
export function dashboardRefusal(
  user: TypedUser | null | undefined,
): Extract<MessageName, 'DistrictDashboardSignIn' | 'DistrictDashboardNotAllowed'> | null {
  const actor = actorOf(user ?? null);
  if (actor === null) return 'DistrictDashboardSignIn';
  return scopeOf(actor, 'district-dashboard').all ? null : 'DistrictDashboardNotAllowed';
}

/** Where readers find a school's column: its own portal, else the install's public site, then its base path. */
export function columnAddress(school: Pick<School, 'basePath' | 'origin'>): string {
  const base = school.basePath || '/';
  try {
    return new URL(base, school.origin || settings().SITE_URL).href;
  } catch {
    return base; // an origin that is no address: the base path still names the school
  }
}

/** Every school still in service, by name in Vietnamese order. */
export async function activeSchools(payload: Payload): Promise<School[]> {
  const { docs } = await payload.find({
    collection: 'schools',
    // A school saved before the field existed has none: it is not archived.
    where: { or: [{ archived: { equals: false } }, { archived: { exists: false } }] },
    pagination: false,
    depth: 0,
  });
  return docs.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * One source per school on this platform, its coverage computed from the
 * database by the one rule. A school whose report cannot be made (settings
 * the rule refuses, a database error on its items) is a row with the reason;
 * the others still come.
 */
export async function hostedSources(payload: Payload, options: { now: Date }): Promise<DashboardSource[]> {
  const sources: DashboardSource[] = [];
  for (const school of await activeSchools(payload)) {
    const common = { source: columnAddress(school), origin: 'hosted' as const, key: school.slug, name: school.name };
    try {
      const input = await coverageInputFromCms(payload, { now: options.now, school });
      // Closed quarters as their records say (src/domain/quarter-record.ts), flagged where today differs.
      const records = await closedRecords(payload, school.id);
      const { report, differs } = applyRecords(buildCoverageReport(input), records);
      sources.push({ ...common, report, recordDiffers: differs });
    } catch (error) {
      sources.push({ ...common, error: (error as Error).message });
    }
  }
  return sources;
}

/**
 * The dashboard's rows: the hosted schools, then `extra` (schools reporting
 * from their own install, in the matrix's rules a school given twice is one
 * row). The one place the view and the downloads get their sources from.
 */
export async function districtSources(
  payload: Payload,
  options: { now: Date; extra?: readonly DashboardSource[] },
): Promise<DashboardSource[]> {
  return [...(await hostedSources(payload, options)), ...(options.extra ?? [])];
}

/** Schools reporting from their own install, each with a detail page of its own. */
export async function selfReported(payload: Payload): Promise<DashboardSource[]> {
  return (await selfReportedSources(payload)).map(({ id, name, source, origin, ...rest }) => ({
    source,
    origin,
    key: `tu-bao-cao-${id}`,
    name,
    ...('report' in rest && rest.report ? { report: rest.report } : { error: 'error' in rest ? rest.error : '' }),
  }));
}

export type DistrictDashboard = {
  generatedAt: Date;
  /** Every school and quarter. */
  matrix: DistrictMatrix;
  /** What the filter shows: its rows, quarters and totals. */
  view: DistrictMatrix;
  years: number[];
  filter: DashboardFilter;
  /** The dashboard's additions for a row, by the row's `source`. */
  sourceOf: (row: DistrictRow) => DashboardSource | undefined;
};

function refuseUnlessAllowed(user: TypedUser | null | undefined): void {
  const refusal = dashboardRefusal(user);
  if (refusal) throw new ColumnError(refusal);
}

/** The matrix for `user`, viewed through the filter `query` asks for; a refused account gets a ColumnError. */
export async function districtDashboard(
  payload: Payload,
  options: { user: TypedUser | null | undefined; now?: Date; query?: Record<string, unknown> | URLSearchParams },
): Promise<DistrictDashboard> {
  refuseUnlessAllowed(options.user);
  const now = options.now ?? new Date();
  const sources = await districtSources(payload, { now, extra: await selfReported(payload) });
  const matrix = buildDistrictMatrix(sources);
  const years = matrixYears(matrix);
  const filter = parseDashboardFilter(options.query, years, now);
  const bySource = new Map(sources.map((s) => [s.source, s]));
  return {
    generatedAt: now,
    matrix,
    view: filterMatrix(matrix, matrixFilter(filter)),
    years,
    filter,
    sourceOf: (row) => bySource.get(row.source),
  };
}

export type SchoolQuarter = {
  source: DashboardSource;
  row: DistrictRow;
  quarter: string;
  /** The row's cell for the quarter, as the dashboard shows it. */
  cell: DistrictCell;
  /** The quarter in the school's report; null for a quarter it does not track or has no data for. */
  report: QuarterReport | null;
  minPerQuarter: number | null;
  recordDiffers: boolean;
};

/** One school's quarter for its detail page, by the row's key; null when no such row or quarter is on the dashboard. */
export async function schoolQuarter(
  payload: Payload,
  options: { user: TypedUser | null | undefined; key: string; quarter: string; now?: Date },
): Promise<SchoolQuarter | null> {
  const dashboard = await districtDashboard(payload, { user: options.user, now: options.now });
  const row = dashboard.matrix.rows.find((r) => dashboard.sourceOf(r)?.key === options.key);
  const source = row && dashboard.sourceOf(row);
  const column = dashboard.matrix.quarters.indexOf(options.quarter);
  if (!row || !source || column < 0) return null;
  const report = 'report' in source ? source.report : null;
  return {
    source,
    row,
    quarter: options.quarter,
    cell: row.cells[column]!,
    report: report?.quarters.find((q) => q.quarter === options.quarter) ?? null,
    minPerQuarter: report?.policy.minPerQuarter ?? null,
    recordDiffers: source.recordDiffers?.includes(options.quarter) ?? false,
  };
}
