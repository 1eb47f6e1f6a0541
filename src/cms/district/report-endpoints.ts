/**
 * GET /api/district/report.csv and /api/district/report.xlsx: the dashboard's
 * view (same `year` and `onlyMissed` parameters) as a download, for district
 * officers and platform admins only. The CSV is districtCsv's, the workbook
 * districtWorkbook's (exceljs), so the files say what the CLI's say.
 */
import type { Endpoint, PayloadRequest } from 'payload';

import { DISTRICT_LABELS, districtCsv, yearLabel } from '../../domain/district';
import { attachmentDisposition, reportFileName } from '../../domain/district-view';
import { renderMessage } from '../../messages/catalogue';
import { districtWorkbook } from '../../district/workbook';
import { dashboardRefusal, districtDashboard } from './dashboard-data';

export const DISTRICT_REPORT_PATHS = { csv: '/district/report.csv', xlsx: '/district/report.xlsx' } as const;

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

// Excel takes a CSV without a byte-order mark for the machine's legacy code page and garbles the diacritics.
const UTF8_BOM = '\uFEFF';

async function download(req: PayloadRequest, format: 'csv' | 'xlsx'): Promise<Response> {
  const refusal = dashboardRefusal(req.user);
  if (refusal) {
    return Response.json(
      { errors: [{ message: renderMessage(refusal).text }] },
      { status: refusal === 'DistrictDashboardSignIn' ? 401 : 403 },
    );
  }
  const dashboard = await districtDashboard(req.payload, { user: req.user, query: req.query });
  const { view, filter, generatedAt } = dashboard;
  const body =
    format === 'csv'
      ? UTF8_BOM + districtCsv(view)
      : new Uint8Array(
          await districtWorkbook(view, {
            generatedAt,
            title:
              filter.year === null ? DISTRICT_LABELS.title : `${DISTRICT_LABELS.title} – ${yearLabel(filter.year)}`,
          }),
        );
  return new Response(body, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': attachmentDisposition(reportFileName(filter, format)),
      // Every school's figures: neither a shared cache nor the browser's keeps them.
      'cache-control': 'no-store',
    },
  });
}

export const districtReportEndpoints: Endpoint[] = [
  { path: DISTRICT_REPORT_PATHS.csv, method: 'get', handler: (req) => download(req, 'csv') },
  { path: DISTRICT_REPORT_PATHS.xlsx, method: 'get', handler: (req) => download(req, 'xlsx') },
];
