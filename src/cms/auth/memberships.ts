import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, Forbidden, ValidationError } from 'payload';

import { checkMembershipChange, type Membership, type MembershipVerdict } from '../../domain/school-access';
import type { MessageName } from '../../messages/catalogue';
import { renderMessage } from '../../messages/catalogue';
import type { User } from '../../payload-types';
import { firstSchoolFrom } from '../../domain/school-upgrade';
import { settings } from '../../settings';
import { actorOf, idOf } from '../access/actor';
import { SKIP_SITE_REBUILD } from '../site-build/hooks';

const REFUSAL: Record<Exclude<MembershipVerdict, { ok: true }>['reason'], MessageName> = {
  self: 'MembershipSelf',
  'platform-role': 'MembershipPlatformRole',
  'other-school': 'MembershipOtherSchool',
  'not-admin': 'MembershipNotAdmin',
};

const membershipsOf = (user: Partial<User> | undefined): Membership[] =>
  (user?.schools ?? []).map((m) => ({ school: idOf(m.school), role: m.role }));

/**
 * The first account of an empty install manages the platform: it becomes a
 * platform admin and, when the install has no school yet, the admin of a
 * first school made from the defaults (a school installing for itself then
 * works as before: one school, no picker). Every later change to someone's
 * memberships or platform role is checked against the access table: nobody
 * changes their own, a school's admin only their school's rows.
 */
export const guardMemberships: CollectionBeforeChangeHook<User> = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'create') {
    const { totalDocs } = await req.payload.count({ collection: 'users', req });
    if (totalDocs === 0) {
      data.platformRole = 'platform-admin';
      if ((data.schools ?? []).length === 0) {
        const { docs } = await req.payload.find({ collection: 'schools', limit: 1, depth: 0, sort: 'id', req });
        const first =
          docs[0] ??
          (await req.payload.create({
            collection: 'schools',
            data: firstSchoolFrom(null, settings().SITE_BASE),
            context: { [SKIP_SITE_REBUILD]: true },
            req,
          }));
        data.schools = [{ school: first.id, role: 'admin' }];
      }
      return data;
    }
  }
  const actor = actorOf(req.user);
  // Seeds, migrations and restores run without a user; access was not asked.
  if (!actor) return data;
  const before = operation === 'create' ? null : originalDoc;
  const verdict = checkMembershipChange(actor, {
    targetUserId: before?.id ?? '',
    before: before ? { platformRole: before.platformRole ?? null, memberships: membershipsOf(before) } : null,
    after: {
      platformRole: (data.platformRole === undefined ? before?.platformRole : data.platformRole) ?? null,
      memberships: data.schools === undefined ? membershipsOf(before ?? undefined) : membershipsOf(data),
    },
  });
  if (!verdict.ok) {
    throw new ValidationError(
      { collection: 'users', errors: [{ path: 'schools', message: renderMessage(REFUSAL[verdict.reason]).text }] },
      req.t,
    );
  }
  return data;
};

/** A school's admin removes only accounts that belong to their schools alone; nobody removes themself. */
export const guardAccountDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const actor = actorOf(req.user);
  if (!actor) return;
  const target = await req.payload.findByID({ collection: 'users', id, depth: 0, req });
  const verdict = checkMembershipChange(actor, {
    targetUserId: id,
    before: { platformRole: target.platformRole ?? null, memberships: membershipsOf(target) },
    after: { platformRole: null, memberships: [] },
  });
  if (!verdict.ok) throw new Forbidden(req.t);
};
