/**
 * GET /api/district/evidence.xlsx?school=<slug>&year=<yyyy>: one school's
 * evidence for the annual report as a workbook (its admins, district
 * officers, platform admins); without `school`, every school in service
 * (district officers and platform admins): a summary sheet, then one sheet
 * per school. 401 for an anonymous visitor, 403 refused, in words.
 */
import type { Endpoint, PayloadRequest } from 'payload';

import { attachmentDisposition } from '../../domain/district-view';
import { evidenceFileName, evidenceSheets, evidenceTitle } from '../../domain/evidence';
import { evidenceWorkbook } from '../../district/evidence-workbook';
import { districtEvidence, refusalMessage } from './evidence-data';

export const EVIDENCE_XLSX_PATH = '/district/evidence.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const param = (req: PayloadRequest, name: string): string | undefined => {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
};

async function download(req: PayloadRequest): Promise<Response> {
  const school = param(req, 'school');
  const result = await districtEvidence(req.payload, {
    user: req.user,
    request: { school: school ? school : null, year: param(req, 'year') },
  });
  if (!result.ok) {
    return Response.json({ errors: [{ message: refusalMessage(result).text }] }, { status: result.status });
  }
  const { all, year, generatedAt, entries } = result;
  const sheets = evidenceSheets(entries, { year, generatedAt, all });
  const body = await evidenceWorkbook(sheets, { generatedAt, title: evidenceTitle(year) });
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX,
      'content-disposition': attachmentDisposition(
        evidenceFileName({ school: all ? undefined : entries[0]?.school, year }),
      ),
      // A school's figures for its report: neither a shared cache nor the browser's keeps them.
      'cache-control': 'no-store',
    },
  });
}

export const evidenceEndpoints: Endpoint[] = [{ path: EVIDENCE_XLSX_PATH, method: 'get', handler: download }];
