import type { Access } from 'payload';

import { whereMay } from './actor';

/**
 * Schools: their name, address and column policy are public (readers' sites
 * and the REST API filter by them). Platform admins create, rename and
 * archive; a school's admins change its column settings. Nobody deletes a
 * school: it is archived, and its content and records stay.
 */
export const updateSchool: Access = ({ req }) => whereMay(req, 'write-settings', null, 'id');
