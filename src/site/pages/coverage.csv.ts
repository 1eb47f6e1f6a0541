import type { APIRoute } from 'astro';

import { formatCsv } from '../../domain/coverage-format';
import { siteCoverage } from '../lib/coverage';

/** One row per quarter, for a spreadsheet. The BOM makes Excel read it as UTF-8. */
export const GET: APIRoute = async () =>
  new Response(`\uFEFF${formatCsv(await siteCoverage())}`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
