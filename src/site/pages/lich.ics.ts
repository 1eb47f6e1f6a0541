import type { APIRoute } from 'astro';

import { CALENDAR_CONTENT_TYPE, schoolCalendar } from '../../domain/calendar';
import { buildTime } from '../lib/build-time';
import { publicPolicy } from '../lib/policy';
import { COLUMN_NAME, SCHOOL_NAME } from '../lib/site';
import { urls } from '../lib/urls';

/**
 * The school's calendar to subscribe to (src/domain/calendar.ts): a year
 * ahead of the build's "now" (../lib/build-time.ts, so COVERAGE_NOW rebuilds
 * both for the same moment). A site not rebuilt for months still lists the
 * deadlines left in that year; each rebuild reaches further, and the UIDs
 * stay the same, so a subscribed phone updates its events instead of
 * doubling them.
 */
export const GET: APIRoute = async ({ site }) => {
  const { school, policy } = await publicPolicy();
  const calendar = schoolCalendar(
    {
      slug: school.slug,
      name: SCHOOL_NAME,
      columnTitle: COLUMN_NAME,
      minPerQuarter: policy.minPerQuarter,
      url: new URL(urls.home(), site).href,
    },
    buildTime(),
  );
  return new Response(calendar, { headers: { 'content-type': CALENDAR_CONTENT_TYPE } });
};
