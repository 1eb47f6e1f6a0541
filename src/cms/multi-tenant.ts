import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant';
import type { Plugin } from 'payload';

import { SCHOOL_OWNED_COLLECTIONS } from '../domain/school-upgrade';
import type { Config } from '../payload-types';
import { SCHOOLS, userSeesAllSchools } from './fields/school';

/**
 * Payload's multi-tenant plugin with schools as tenants: the admin's school
 * switch (hidden for someone in one school), the school filter on every list
 * and relationship picker. Access is ours alone (src/cms/access, after
 * docs/ACCESS.md, checked by tests/integration/isolation.test.ts): the
 * plugin's access wrapper is off for the school-owned collections, because
 * it narrows every read to the member's own schools, while the table lets
 * every reader see every school's published content. On users it stays: it
 * keeps accounts to their own schools, as the table does.
 *
 * - Its fields are placed by us (school field: required, read-only for
 *   school staff; memberships: with the role per school).
 * - Deleting a school never deletes its documents: schools are archived, and
 *   their delete access is nobody's.
 * - The schools collection keeps our access (its name, address and policy
 *   are public), not the plugin's "members only".
 */
export function schoolsPlugin(): Plugin {
  return multiTenantPlugin<Config>({
    tenantsSlug: SCHOOLS.collection,
    tenantField: { name: SCHOOLS.field },
    tenantsArrayField: {
      includeDefaultField: false,
      arrayFieldName: SCHOOLS.usersArray,
      arrayTenantFieldName: SCHOOLS.usersArrayField,
    },
    collections: Object.fromEntries(
      SCHOOL_OWNED_COLLECTIONS.map((slug) => [slug, { customTenantField: true, useTenantAccess: false }]),
    ),
    userHasAccessToAllTenants: userSeesAllSchools,
    cleanupAfterTenantDelete: false,
    useTenantsCollectionAccess: false,
    i18n: {
      translations: {
        vi: {
          'nav-tenantSelector-label': 'Trường',
          'field-assignedTenant-label': 'Trường',
          'assign-tenant-button-label': 'Chuyển sang trường khác',
          'assign-tenant-modal-title': 'Chuyển “{{title}}” sang trường khác',
        },
        en: {
          'nav-tenantSelector-label': 'School',
          'field-assignedTenant-label': 'School',
          'assign-tenant-button-label': 'Move to another school',
          'assign-tenant-modal-title': 'Move "{{title}}" to another school',
        },
      },
    },
  });
}
