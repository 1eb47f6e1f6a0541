import type { Access } from 'payload';

import { whereMay } from './actor';

/**
 * Closed-quarter records: every member of a school (any role) reads its own
 * school's, district officers and platform admins every school's, anonymous
 * readers none. Nobody writes them through the API; the collection's hooks
 * also stop server code (src/cms/collections/QuarterRecords.ts).
 */
export const readRecords: Access = ({ req }) => whereMay(req, 'read-records');
