import type { AdminViewServerProps } from 'payload';
import type { CSSProperties } from 'react';

import {
  cellStatusCode,
  cellText,
  DISTRICT_LABELS,
  type DistrictMatrix,
  type DistrictRow,
  generatedAtText,
  matrixYears,
  ORIGIN_LABELS,
  totalText,
  yearLabel,
  yearTotal,
  yearTotalText,
} from '../../domain/district';
import { ALL_YEARS, type DashboardFilter, dashboardQuery } from '../../domain/district-view';
import { parseQuarterId, quarterLabel, quarterOf } from '../../domain/quarters';
import { cellStyle, TABLE_EDGE } from './cell-styles';
import { type DashboardSource, type DistrictDashboard, districtDashboard } from './dashboard-data';
import { DistrictFrame, districtGate } from './DistrictFrame';
import { EVIDENCE_XLSX_PATH } from './evidence-endpoint';
import { DISTRICT_REPORT_PATHS } from './report-endpoints';

/** The cell's extra word when a closed quarter's record and today's data disagree. */
export const RECORD_DIFFERS_TEXT = 'khác biên bản đã chốt';

const HEAD: CSSProperties = { border: TABLE_EDGE, padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' };
const FOOT: CSSProperties = { ...HEAD, background: 'var(--theme-elevation-50)', fontWeight: 600 };

/** /admin/district: every school × quarter, the district's figures, the filters and the downloads. */
export async function DistrictDashboardView(props: AdminViewServerProps) {
  const admin = props.initPageResult.req.payload.config.routes.admin;
  const refused = districtGate(props, `${admin}/district`);
  if (refused) return refused;
  const { req } = props.initPageResult;
  const dashboard = await districtDashboard(req.payload, { user: req.user, query: props.searchParams });
  const api = req.payload.config.routes.api;
  const query = dashboardQuery(dashboard.filter);
  // The evidence is by year: the year in view, else (every year) the current one.
  const evidenceYear = dashboard.filter.year ?? quarterOf(dashboard.generatedAt).year;
  return (
    <DistrictFrame view={props}>
      <h1 style={{ margin: '24px 0 8px' }}>{DISTRICT_LABELS.title}</h1>
      <p style={{ margin: '0 0 16px' }}>
        {generatedAtText(dashboard.generatedAt)}. {DISTRICT_LABELS.legend}
      </p>
      <Filters action={`${admin}/district`} years={dashboard.years} filter={dashboard.filter} />
      <p style={{ margin: '0 0 16px' }}>
        Tải về bảng đang xem:{' '}
        <a href={`${api}${DISTRICT_REPORT_PATHS.csv}${query}`} download>
          Tệp CSV
        </a>{' '}
        ·{' '}
        <a href={`${api}${DISTRICT_REPORT_PATHS.xlsx}${query}`} download>
          Bảng tính Excel (.xlsx)
        </a>
      </p>
      <p style={{ margin: '0 0 16px' }} data-evidence-links>
        Minh chứng báo cáo năm {evidenceYear} của tất cả các trường:{' '}
        <a href={`${admin}/district/evidence?year=${evidenceYear}`}>Trang in minh chứng</a> ·{' '}
        <a href={`${api}${EVIDENCE_XLSX_PATH}?year=${evidenceYear}`} download>
          Bảng tính minh chứng (.xlsx)
        </a>
      </p>
      {dashboard.view.rows.length === 0 || dashboard.view.quarters.length === 0 ? (
        <p role="status">
          {dashboard.filter.onlyMissed
            ? 'Không có trường nào bỏ lỡ quý trong phạm vi đang xem.'
            : 'Chưa có trường nào để tổng hợp.'}
        </p>
      ) : (
        <Matrix dashboard={dashboard} detailBase={`${admin}/district`} query={query} evidenceYear={evidenceYear} />
      )}
      <p style={{ marginTop: 16 }}>{DISTRICT_LABELS.yearRule}</p>
    </DistrictFrame>
  );
}

function Filters({ action, years, filter }: { action: string; years: number[]; filter: DashboardFilter }) {
  return (
    // A plain GET form: it works before (and without) the admin's JavaScript, and the address keeps the view.
    <form
      method="get"
      action={action}
      aria-label="Lọc bảng tổng hợp"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center', margin: '0 0 16px' }}
    >
      <label htmlFor="district-year">
        Năm{' '}
        <select id="district-year" name="year" defaultValue={filter.year === null ? ALL_YEARS : String(filter.year)}>
          {years.map((year) => (
            <option key={year} value={String(year)}>
              {yearLabel(year)}
            </option>
          ))}
          <option value={ALL_YEARS}>Tất cả các năm</option>
        </select>
      </label>
      <label htmlFor="district-only-missed">
        <input
          id="district-only-missed"
          type="checkbox"
          name="onlyMissed"
          value="1"
          defaultChecked={filter.onlyMissed}
        />{' '}
        chỉ trường có quý bỏ lỡ
      </label>
      <button type="submit">Lọc</button>
    </form>
  );
}

function caption(filter: DashboardFilter): string {
  const scope = filter.year === null ? 'tất cả các năm' : yearLabel(filter.year).toLowerCase();
  return `Trường × quý, ${scope}${filter.onlyMissed ? ', chỉ trường có quý bỏ lỡ' : ''}`;
}

function Matrix({
  dashboard,
  detailBase,
  query,
  evidenceYear,
}: {
  dashboard: DistrictDashboard;
  detailBase: string;
  query: string;
  evidenceYear: number;
}) {
  const { view, filter } = dashboard;
  const L = DISTRICT_LABELS;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} data-district-matrix>
        <caption style={{ textAlign: 'left', marginBottom: 4, fontWeight: 600 }}>{caption(filter)}</caption>
        <thead>
          <tr>
            <th scope="col" style={HEAD}>
              {L.school}
            </th>
            <th scope="col" style={HEAD}>
              {L.origin}
            </th>
            <th scope="col" style={HEAD}>
              {L.missed}
            </th>
            {view.quarters.map((q) => (
              <th key={q} scope="col" style={HEAD}>
                {quarterLabel(q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <Row
              key={row.source}
              row={row}
              quarters={view.quarters}
              source={dashboard.sourceOf(row)}
              detailBase={detailBase}
              query={query}
              evidenceYear={evidenceYear}
            />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" style={FOOT}>
              {L.totals}
            </th>
            <td style={FOOT} />
            <td style={FOOT} />
            {view.totals.map((t) => (
              <td key={t.quarter} style={FOOT} data-total={t.quarter}>
                {totalText(t)}
              </td>
            ))}
          </tr>
          <YearTotals view={view} />
        </tfoot>
      </table>
    </div>
  );
}

function Row(props: {
  row: DistrictRow;
  quarters: string[];
  source: DashboardSource | undefined;
  detailBase: string;
  query: string;
  evidenceYear: number;
}) {
  const { row, source } = props;
  const L = DISTRICT_LABELS;
  const name = row.error ? (source?.name ?? L.unreadable) : row.school || L.unnamed;
  const key = source?.key;
  return (
    <tr>
      <th scope="row" style={{ ...HEAD, fontWeight: 500 }}>
        {name}
        {row.district ? <small style={{ display: 'block' }}>{row.district}</small> : null}
        {row.error ? (
          <small role="note" style={{ display: 'block', color: 'var(--theme-error-600, #b91c1c)' }}>
            {L.unreadable}: {row.error}
          </small>
        ) : null}
        {row.alsoListedAs.length ? (
          <small style={{ display: 'block' }}>
            ({L.alsoListed}: {row.alsoListedAs.join(', ')})
          </small>
        ) : null}
        {key && row.origin === 'hosted' ? (
          <small style={{ display: 'block' }}>
            <a
              href={`${props.detailBase}/evidence/${encodeURIComponent(key)}/${props.evidenceYear}`}
              data-evidence-link
            >
              Minh chứng năm {props.evidenceYear}
            </a>
          </small>
        ) : null}
      </th>
      <td style={HEAD}>{ORIGIN_LABELS[row.origin]}</td>
      <td style={HEAD}>{row.error ? '—' : row.missed}</td>
      {row.cells.map((cell, i) => {
        const quarter = props.quarters[i]!;
        const differs = source?.recordDiffers?.includes(quarter) ?? false;
        const text = cellText(cell);
        return (
          <td key={quarter} style={cellStyle(cell)} data-status={cellStatusCode(cell)} data-quarter={quarter}>
            {key ? (
              <a
                href={`${props.detailBase}/${encodeURIComponent(key)}/${quarter}${props.query}`}
                style={{ color: 'inherit' }}
                aria-label={`${name}, ${quarterLabel(quarter)}: ${text}`}
              >
                {text}
              </a>
            ) : (
              text
            )}
            {differs ? <small style={{ display: 'block' }}>⚠ {RECORD_DIFFERS_TEXT}</small> : null}
          </td>
        );
      })}
    </tr>
  );
}

/** One cell per year, spanning that year's quarters. */
function YearTotals({ view }: { view: DistrictMatrix }) {
  return (
    <tr>
      <th scope="row" style={FOOT}>
        {DISTRICT_LABELS.yearTotal}
      </th>
      <td style={FOOT} />
      <td style={FOOT} />
      {matrixYears(view).map((year) => (
        <td
          key={year}
          style={FOOT}
          data-year-total={year}
          colSpan={view.quarters.filter((q) => parseQuarterId(q).year === year).length}
        >
          {yearLabel(year)}: {yearTotalText(yearTotal(view, year))}
        </td>
      ))}
    </tr>
  );
}
