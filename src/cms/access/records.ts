import type { Access } from 'payload';

import { anyone } from './roles';

/**
 * Closed-quarter records are public, like the coverage page each school's
 * site publishes them on (docs/ACCESS.md: anonymous readers see a school's
 * records there): a record holds only published items' titles, addresses
 * and dates, and its hash, which anyone may check. Nobody writes them
 * through the API; the collection's hooks also stop server code
 * (src/cms/collections/QuarterRecords.ts).
 */
export const readRecords: Access = anyone;
