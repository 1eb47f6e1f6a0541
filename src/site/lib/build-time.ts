/**
 * The one "now" of a build: every page that shows the date (the home page's
 * days left in the quarter, the next key date, the quarter archive, the
 * coverage report, the calendar) asks here, so a build that crosses midnight
 * still tells one story and an incremental build's pages agree with a cold
 * build made at the same moment. COVERAGE_NOW (ISO) builds the site as of
 * another moment.
 */
import { settings } from '../../settings';

let now: Date | undefined;

export function buildTime(): Date {
  const fixed = settings().COVERAGE_NOW;
  now ??= fixed ? new Date(fixed) : new Date();
  return new Date(now);
}
