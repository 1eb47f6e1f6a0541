import type { APIRoute } from 'astro';

import { siteCoverage } from '../lib/coverage';

/** The machine-readable report the district collects (schema v1, see README). */
export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await siteCoverage(), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
